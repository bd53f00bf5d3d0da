using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Email;

/// <summary>The site with a clock the tests move, so a day passes in a moment.</summary>
public sealed class ReminderFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2031, 5, 1, 1, 0, 0, TimeSpan.Zero));

    public TestSmtpServer Smtp { get; } = new();

    public ClinicFactory Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = new ClinicFactory().SendingTo(Smtp).WithServices(services => services.AddSingleton<TimeProvider>(Clock));
        _ = Site.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class EmailReminderTests(ReminderFixture fixture) : IClassFixture<ReminderFixture>
{
    private readonly ClinicFactory _site = fixture.Site;
    private readonly TestSmtpServer _smtp = fixture.Smtp;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task A_reminder_is_sent_once_a_day_before_and_again_for_the_new_time_after_rescheduling()
    {
        const string patient = "reminder@patients.test";
        var start = At(days: 3, hour: 10);
        var booking = await BookAsync(_site, Patient(patient, "ms", "Hafiz"), start, needsConfirmation: false, EmailKind.BookingConfirmed);
        Assert.Single(await _site.SendEmailsAsync(_smtp, patient));

        _clock.Now = start.AddHours(-24).AddMinutes(-1);
        await _site.RunOutboxPassAsync();
        Assert.DoesNotContain(await OutboxAsync(_site, booking.Id), m => m.Kind == EmailKind.Reminder);

        _clock.Now = start.AddHours(-24).AddMinutes(1);
        var reminder = (await _site.SendEmailsAsync(_smtp, patient))[1];
        Assert.StartsWith("Peringatan: temujanji anda di Klinik Dr Chong pada ", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains($"{PublicBaseUrl}/ms/tempah/urus/{booking.ManageToken}", reminder.Text, StringComparison.Ordinal);

        // Later passes, inside the window, queue and send nothing more for the same time.
        await _site.RunOutboxPassAsync();
        _clock.Now = start.AddHours(-2);
        await _site.RunOutboxPassAsync();
        Assert.Single(await OutboxAsync(_site, booking.Id), m => m.Kind == EmailKind.Reminder);
        Assert.Equal(2, _smtp.To(patient).Count);

        var newStart = start.AddDays(2);
        await ChangeAsync(_site, booking.Id, (a, now) => a.Reschedule(newStart, a.PractitionerId, ChangedBy.Staff, "test", now, new BookingPolicy()));
        Assert.Equal(3, (await _site.SendEmailsAsync(_smtp, patient)).Count);
        _clock.Now = newStart.AddHours(-23);
        var emails = await _site.SendEmailsAsync(_smtp, patient);
        Assert.Equal(4, emails.Count);
        Assert.StartsWith("Peringatan:", emails[3].Subject, StringComparison.Ordinal);

        Assert.All(await OutboxAsync(_site, booking.Id), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var reminders = (await OutboxAsync(_site, booking.Id)).Where(m => m.Kind == EmailKind.Reminder).ToList();
        Assert.Equal([start, newStart], reminders.Select(m => m.AppointmentStartUtc));
    }

    [Fact]
    public async Task Cancelled_appointments_and_bookings_made_inside_the_window_get_no_reminder()
    {
        // Booked five hours ahead: the confirmation has just told the patient everything.
        var late = await BookAsync(_site, Patient("late.booking@patients.test"), _clock.Now.UtcDateTime.AddHours(5), needsConfirmation: false, EmailKind.BookingConfirmed);
        await _site.RunOutboxPassAsync();
        Assert.DoesNotContain(await OutboxAsync(_site, late.Id), m => m.Kind == EmailKind.Reminder);

        var cancelled = await BookAsync(_site, Patient("cancelled.reminder@patients.test"), At(days: 3, hour: 11), needsConfirmation: false, EmailKind.BookingConfirmed);
        await ChangeAsync(_site, cancelled.Id, (a, now) => a.Cancel(ChangedBy.Patient, null, "", now, new BookingPolicy()));
        _clock.Now = cancelled.StartUtc.AddHours(-12);
        await _site.RunOutboxPassAsync();
        Assert.DoesNotContain(await OutboxAsync(_site, cancelled.Id), m => m.Kind == EmailKind.Reminder);
    }

    [Fact]
    public async Task A_reminder_still_waiting_when_the_appointment_is_cancelled_is_not_sent()
    {
        const string patient = "skipped.reminder@patients.test";
        var booking = await BookAsync(_site, Patient(patient), At(days: 3, hour: 15), needsConfirmation: false, EmailKind.BookingConfirmed);
        Assert.Single(await _site.SendEmailsAsync(_smtp, patient));

        await _smtp.StopAsync();
        _clock.Now = booking.StartUtc.AddHours(-20);
        await _site.RunOutboxPassAsync();
        var failed = Assert.Single(await OutboxAsync(_site, booking.Id), m => m.Kind == EmailKind.Reminder);
        Assert.Equal((OutboxStatus.Pending, 1), (failed.Status, failed.Attempts));
        await ChangeAsync(_site, booking.Id, (a, now) => a.Cancel(ChangedBy.Staff, "test", "Doctor unwell", now, new BookingPolicy()));
        await _smtp.StartAsync();
        _clock.Now = _clock.Now.AddMinutes(1); // past the reminder's backoff

        var emails = await _site.SendEmailsAsync(_smtp, patient);
        Assert.Equal(2, emails.Count);
        Assert.Contains("has been cancelled", emails[1].Subject, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Skipped, (await OutboxAsync(_site, booking.Id)).Single(m => m.Kind == EmailKind.Reminder).Status);
    }

    /// <summary>An hour in Kuala Lumpur, some days after the clock's current day.</summary>
    private DateTime At(int days, int hour)
    {
        var today = _clock.Now.UtcDateTime.AddHours(8).Date;
        return KualaLumpur(today.Year, today.Month, today.Day, hour, 0).AddDays(days);
    }
}
