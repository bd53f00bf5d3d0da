using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Booking;

/// <summary>The booking service as the admin area uses it: staff bookings and changes, same rules, same emails.</summary>
public sealed class BookingServiceTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task Staff_book_a_phone_patient_with_the_same_rules_and_the_booking_is_confirmed()
    {
        var result = await WithServiceAsync(s => s.BookAsync(StaffRequest(new DateOnly(2026, 12, 8), new TimeOnly(9, 0)), default));

        Assert.True(result.Succeeded);
        Assert.Equal(AppointmentStatus.Confirmed, result.Appointment!.Status);
        Assert.Equal(ChangedBy.Staff, result.Appointment.History.Single().By);
        Assert.Equal("reception", result.Appointment.History.Single().Actor);
        Assert.Contains(EmailKind.BookingConfirmed, await EmailsAsync(result.Appointment.Id));

        var offGrid = await WithServiceAsync(s => s.BookAsync(StaffRequest(new DateOnly(2026, 12, 8), new TimeOnly(9, 5)), default));
        Assert.Equal(BookingProblem.OffGrid, offGrid.Problem);
    }

    [Fact]
    public async Task Staff_confirm_a_requested_booking_once()
    {
        using var confirming = new BookingFactory();
        confirming.With("Booking:OnlineBookingsNeedConfirmation", "true");
        var token = await confirming.Browser().BookAndGetTokenAsync("2026-12-08T10:00");
        var appointment = await confirming.AppointmentAsync(token);

        var confirmed = await WithServiceAsync(s => s.ConfirmAsync(appointment.Id, "reception", appointment.Version, default), confirming);
        var again = await WithServiceAsync(s => s.ConfirmAsync(appointment.Id, "reception", null, default), confirming);

        Assert.True(confirmed.Succeeded);
        Assert.Equal(AppointmentStatus.Confirmed, (await confirming.AppointmentAsync(token)).Status);
        Assert.Equal(BookingProblem.NotAllowedInCurrentStatus, again.Problem); // already confirmed: the lifecycle refuses a second confirm
    }

    [Fact]
    public async Task Staff_must_give_a_reason_but_may_cancel_inside_the_patient_cutoff()
    {
        var booked = await WithServiceAsync(s => s.BookAsync(StaffRequest(new DateOnly(2026, 12, 7), new TimeOnly(15, 0)), default));
        var id = booked.Appointment!.Id;

        var noReason = await WithServiceAsync(s => s.CancelAsync(id, ChangedBy.Staff, "reception", " ", null, default));
        var byPatient = await WithServiceAsync(s => s.CancelAsync(id, ChangedBy.Patient, null, null, null, default));
        var byStaff = await WithServiceAsync(s => s.CancelAsync(id, ChangedBy.Staff, "reception", "Doctor called in sick", null, default));

        Assert.Equal(BookingProblem.ReasonRequired, noReason.Problem);
        Assert.Equal(BookingProblem.TooLateToChange, byPatient.Problem);
        Assert.True(byStaff.Succeeded);
        Assert.Equal(AppointmentStatus.Cancelled, byStaff.Appointment!.Status);
    }

    [Fact]
    public async Task A_change_based_on_an_old_version_is_refused_as_changed_meanwhile()
    {
        var booked = await WithServiceAsync(s => s.BookAsync(StaffRequest(new DateOnly(2026, 12, 9), new TimeOnly(9, 0)), default));
        var staleVersion = booked.Appointment!.Version;
        var moved = await WithServiceAsync(s => s.RescheduleAsync(booked.Appointment.Id, new DateOnly(2026, 12, 9), new TimeOnly(11, 0), null, ChangedBy.Staff, "reception", staleVersion, default));

        var stale = await WithServiceAsync(s => s.CancelAsync(booked.Appointment.Id, ChangedBy.Staff, "reception", "Duplicate", staleVersion, default));

        Assert.True(moved.Succeeded);
        Assert.Equal(BookingProblem.ChangedMeanwhile, stale.Problem);
    }

    [Fact]
    public async Task Staff_can_move_a_booking_to_the_other_doctor()
    {
        var drChong = await factory.PractitionerIdAsync(BookingSteps.DrChong);
        var other = await factory.WithDbAsync(db => db.Practitioners.Where(p => p.Id != drChong).Select(p => p.Id).FirstAsync());
        var booked = await WithServiceAsync(s => s.BookAsync(StaffRequest(new DateOnly(2026, 12, 10), new TimeOnly(9, 0)) with { PractitionerId = drChong }, default));

        var moved = await WithServiceAsync(s => s.RescheduleAsync(booked.Appointment!.Id, new DateOnly(2026, 12, 10), new TimeOnly(9, 0), other, ChangedBy.Staff, "reception", null, default));
        var unknown = await WithServiceAsync(s => s.RescheduleAsync(booked.Appointment!.Id, new DateOnly(2026, 12, 10), new TimeOnly(9, 0), 999, ChangedBy.Staff, "reception", null, default));

        Assert.True(moved.Succeeded);
        Assert.Equal(other, moved.Appointment!.PractitionerId);
        Assert.Equal(BookingProblem.UnknownPractitioner, unknown.Problem);
        var cells = await factory.WithDbAsync(db => db.AppointmentSlots.Where(c => c.AppointmentId == booked.Appointment!.Id).Select(c => c.PractitionerId).Distinct().ToListAsync());
        Assert.Equal([other], cells);
    }

    [Fact]
    public async Task The_manage_token_can_be_recovered_for_later_emails()
    {
        var booked = await WithServiceAsync(s => s.BookAsync(StaffRequest(new DateOnly(2026, 12, 11), new TimeOnly(9, 0)), default));

        var recovered = await WithServiceAsync(s => Task.FromResult(s.ManageTokenOf(booked.Appointment!)));

        Assert.Equal(booked.ManageToken, recovered);
        Assert.Equal($"/ms/tempah/urus/{recovered}", SitePaths.Manage("ms", recovered!));
    }

    private static BookingRequest StaffRequest(DateOnly date, TimeOnly time) => new(
        "consultation", null, date, time,
        new PatientDetails { Name = "Tan Mei Ling", Email = "meiling@example.com", Phone = "+60198765432", Language = "en" },
        "2026-11", Guid.NewGuid(), ChangedBy.Staff, "reception");

    private async Task<T> WithServiceAsync<T>(Func<BookingService, Task<T>> action, BookingFactory? on = null)
    {
        using var scope = (on ?? factory).Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<BookingService>());
    }

    private Task<List<EmailKind>> EmailsAsync(int appointmentId) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == appointmentId).Select(m => m.Kind).ToListAsync());
}
