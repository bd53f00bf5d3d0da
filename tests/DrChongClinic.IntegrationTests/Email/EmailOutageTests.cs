using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Email;

/// <summary>What happens when the mail server is down, refuses for good, or the site restarts. The tests run the outbox passes and move the clock.</summary>
public sealed class EmailOutageTests
{
    [Fact]
    public async Task A_message_waits_while_the_mail_server_is_down_and_is_delivered_exactly_once_when_it_returns()
    {
        const string patient = "outage@patients.test";
        var clock = new ManualClock();
        await using var smtp = new TestSmtpServer();
        using var site = new ClinicFactory().SendingTo(smtp).WithServices(services => services.AddSingleton<TimeProvider>(clock));
        _ = site.Services;
        await smtp.StopAsync();

        var booking = await BookAsync(site, Patient(patient, name: "Outage Patient"), KualaLumpur(2031, 4, 1, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        Assert.Equal(1, (await site.RunOutboxPassAsync()).WillRetry);
        var waiting = Assert.Single(await OutboxAsync(site, booking.Id));
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Null(waiting.SentAtUtc);
        Assert.Contains("refused", waiting.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patient, waiting.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Outage Patient", waiting.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smtp.Received);

        await smtp.StartAsync();
        clock.Advance(TimeSpan.FromMinutes(1)); // past the retry backoff
        var email = Assert.Single(await site.SendEmailsAsync(smtp, patient));
        Assert.Contains(booking.GroupedReference, email.Subject, StringComparison.Ordinal);

        var sent = Assert.Single(await OutboxAsync(site, booking.Id));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.NotNull(sent.SentAtUtc);
        Assert.True(sent.Attempts > waiting.Attempts);

        // Ten more passes, hours apart: a sent message is never sent again.
        for (var pass = 0; pass < 10; pass++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(0, (await site.RunOutboxPassAsync()).Sent);
        }

        Assert.Single(smtp.To(patient));
    }

    [Fact]
    public async Task A_later_message_about_the_same_appointment_waits_for_the_earlier_one()
    {
        const string patient = "order@patients.test";
        var clock = new ManualClock();
        await using var smtp = new TestSmtpServer();
        using var site = new ClinicFactory().SendingTo(smtp).With("Email:RetryBackoff", "00:00:00.500")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        _ = site.Services;
        await smtp.StopAsync();
        var booking = await BookAsync(site, Patient(patient), KualaLumpur(2031, 4, 2, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);
        await site.RunOutboxPassAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await site.RunOutboxPassAsync();
        Assert.Equal(2, Assert.Single(await OutboxAsync(site, booking.Id)).Attempts);

        // The server is back and the booking is cancelled: the cancellation is due now, the receipt only after its backoff.
        await smtp.StartAsync();
        await ChangeAsync(site, booking.Id, (a, now) => a.Cancel(ChangedBy.Staff, "test", "Clinic closed", now, new BookingPolicy()));
        Assert.Equal(0, (await site.RunOutboxPassAsync()).Sent);
        Assert.Empty(smtp.To(patient));

        clock.Advance(TimeSpan.FromSeconds(1));
        var emails = await site.SendEmailsAsync(smtp, patient);
        Assert.Equal(2, emails.Count);
        Assert.Contains("received your booking request", emails[0].Subject, StringComparison.Ordinal);
        Assert.Contains("has been cancelled", emails[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_is_marked_failed_after_max_attempts_and_staff_can_send_it_again()
    {
        const string patient = "failed@patients.test";
        var clock = new ManualClock();
        await using var smtp = new TestSmtpServer(start: false);
        using var site = new ClinicFactory().SendingTo(smtp).With("Email:MaxAttempts", "3").With("Email:RetryBackoff", "00:00:00.050")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        _ = site.Services;

        var booking = await BookAsync(site, Patient(patient, name: "Failed Patient"), KualaLumpur(2031, 4, 3, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        Assert.Equal(1, (await site.RunOutboxPassAsync()).WillRetry);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await site.RunOutboxPassAsync()).WillRetry);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await site.RunOutboxPassAsync()).Failed);
        var failed = Assert.Single(await OutboxAsync(site, booking.Id));
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("refused", failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patient, failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Failed Patient", failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Null(failed.SentAtUtc);

        // A failed message stays failed, even once the server is back...
        await smtp.StartAsync();
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await site.RunOutboxPassAsync()).Sent);
        Assert.Empty(smtp.Received);

        // ...until staff send it again.
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Retry(await db.OutboxMessages.SingleAsync(m => m.AppointmentId == booking.Id));
            await db.SaveChangesAsync();
        }

        Assert.Single(await site.SendEmailsAsync(smtp, patient));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync(site, booking.Id)).Status);
    }

    [Fact]
    public async Task Restarting_the_site_sends_nothing_twice_and_loses_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("drchong-restart-");
        try
        {
            var clock = new ManualClock();
            await using var smtp = new TestSmtpServer();
            ClinicFactory Site() => new ClinicFactory().SendingTo(smtp)
                .With("Database:ConnectionString", $"Data Source={Path.Combine(folder.FullName, "clinic.db")}")
                .With("DataProtection:KeysPath", Path.Combine(folder.FullName, "keys"))
                .WithServices(services => services.AddSingleton<TimeProvider>(clock));

            TestBooking delivered, waiting;
            using (var before = Site())
            {
                _ = before.Services;
                delivered = await BookAsync(before, Patient("delivered@patients.test"), KualaLumpur(2031, 4, 4, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);
                Assert.Single(await before.SendEmailsAsync(smtp, "delivered@patients.test"));
                Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync(before, delivered.Id)).Status);

                await smtp.StopAsync();
                waiting = await BookAsync(before, Patient("waiting@patients.test"), KualaLumpur(2031, 4, 4, 11, 0), needsConfirmation: true, EmailKind.BookingReceived);
                await before.RunOutboxPassAsync();
                Assert.NotNull(Assert.Single(await OutboxAsync(before, waiting.Id)).LastError);
            }

            await smtp.StartAsync();
            using var after = Site();
            _ = after.Services;
            clock.Advance(TimeSpan.FromMinutes(1)); // past the retry backoff

            var email = Assert.Single(await after.SendEmailsAsync(smtp, "waiting@patients.test"));
            Assert.Contains(waiting.ManageToken, email.Text, StringComparison.Ordinal); // the restarted site still reads the token
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(0, (await after.RunOutboxPassAsync()).Sent);
            Assert.Single(smtp.To("delivered@patients.test"));
            Assert.Single(smtp.To("waiting@patients.test"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_site_signs_in_to_the_smtp_server_with_the_configured_user_and_password()
    {
        await using var smtp = new TestSmtpServer(login: ("clinic-smtp", "s3cret-pass"));
        using var site = new ClinicFactory().SendingTo(smtp).With("Email:User", "clinic-smtp").With("Email:Password", "s3cret-pass");
        _ = site.Services;

        await BookAsync(site, Patient("signed.in@patients.test"), KualaLumpur(2031, 4, 8, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        Assert.Equal("clinic-smtp", Assert.Single(await site.SendEmailsAsync(smtp, "signed.in@patients.test")).SignedInAs);
    }

    [Fact]
    public async Task Without_an_smtp_server_messages_are_written_as_eml_files()
    {
        using var site = new ClinicFactory();
        _ = site.Services;
        var folder = Path.Combine(site.Folder, "mail");

        var booking = await BookAsync(site, Patient("pickup@patients.test"), KualaLumpur(2031, 4, 5, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        Assert.Equal(1, (await site.RunOutboxPassAsync()).Sent);
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("pickup@patients.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"Dr Chong Clinic: we have received your booking request ({booking.GroupedReference})", message.Subject);
        Assert.Contains(booking.ManageToken, message.TextBody, StringComparison.Ordinal);
        Assert.Single(message.Attachments);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync(site, booking.Id)).Status);
    }
}
