using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Email;

/// <summary>What happens when the mail server is down, refuses for good, or the site restarts.</summary>
public sealed class EmailOutageTests
{
    [Fact]
    public async Task A_message_waits_while_the_mail_server_is_down_and_is_delivered_exactly_once_when_it_returns()
    {
        const string patient = "outage@patients.test";
        await using var smtp = new TestSmtpServer();
        using var site = new ClinicFactory().SendingTo(smtp);
        _ = site.Services;
        await smtp.StopAsync();

        var booking = await BookAsync(site, Patient(patient, name: "Outage Patient"), KualaLumpur(2031, 4, 1, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        OutboxMessage waiting = null!;
        await TestSmtpServer.WaitUntilAsync(async () => (waiting = Assert.Single(await OutboxAsync(site, booking.Id))).LastError is not null, "a failed try");
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.True(waiting.Attempts > 0);
        Assert.Null(waiting.SentAtUtc);
        Assert.Contains("refused", waiting.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patient, waiting.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Outage Patient", waiting.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smtp.Received);

        await smtp.StartAsync();
        var email = Assert.Single(await smtp.WaitForAsync(patient));
        Assert.Contains(booking.GroupedReference, email.Subject, StringComparison.Ordinal);

        await TestSmtpServer.WaitUntilAsync(async () => Assert.Single(await OutboxAsync(site, booking.Id)).Status == OutboxStatus.Sent, "the message to be marked Sent");
        await Task.Delay(TimeSpan.FromSeconds(1)); // ten more passes of the outbox
        Assert.Single(smtp.To(patient));
        var sent = Assert.Single(await OutboxAsync(site, booking.Id));
        Assert.NotNull(sent.SentAtUtc);
        Assert.True(sent.Attempts > waiting.Attempts);
    }

    [Fact]
    public async Task A_later_message_about_the_same_appointment_waits_for_the_earlier_one()
    {
        const string patient = "order@patients.test";
        await using var smtp = new TestSmtpServer();
        using var site = new ClinicFactory().SendingTo(smtp).With("Email:RetryBackoff", "00:00:00.500");
        _ = site.Services;
        await smtp.StopAsync();
        var booking = await BookAsync(site, Patient(patient), KualaLumpur(2031, 4, 2, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);
        await TestSmtpServer.WaitUntilAsync(async () => Assert.Single(await OutboxAsync(site, booking.Id)).Attempts >= 2, "two failed tries");

        // The server is back and the booking is cancelled: the cancellation is due now, the receipt only after its backoff.
        await smtp.StartAsync();
        await ChangeAsync(site, booking.Id, (a, now) => a.Cancel(ChangedBy.Staff, "test", "Clinic closed", now, new BookingPolicy()), EmailKind.BookingCancelled);

        var emails = await smtp.WaitForAsync(patient, 2);
        Assert.Contains("received your booking request", emails[0].Subject, StringComparison.Ordinal);
        Assert.Contains("has been cancelled", emails[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_is_marked_failed_after_max_attempts_and_staff_can_send_it_again()
    {
        const string patient = "failed@patients.test";
        await using var smtp = new TestSmtpServer(start: false);
        using var site = new ClinicFactory().SendingTo(smtp).With("Email:MaxAttempts", "3").With("Email:RetryBackoff", "00:00:00.050");
        _ = site.Services;

        var booking = await BookAsync(site, Patient(patient, name: "Failed Patient"), KualaLumpur(2031, 4, 3, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        await TestSmtpServer.WaitUntilAsync(async () => Assert.Single(await OutboxAsync(site, booking.Id)).Status == OutboxStatus.Failed, "the message to be marked Failed");
        var failed = Assert.Single(await OutboxAsync(site, booking.Id));
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("refused", failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patient, failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Failed Patient", failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Null(failed.SentAtUtc);

        // A failed message stays failed, even once the server is back...
        await smtp.StartAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Empty(smtp.Received);

        // ...until staff send it again.
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Retry(await db.OutboxMessages.SingleAsync(m => m.AppointmentId == booking.Id));
            await db.SaveChangesAsync();
        }

        Assert.Single(await smtp.WaitForAsync(patient));
        await TestSmtpServer.WaitUntilAsync(async () => Assert.Single(await OutboxAsync(site, booking.Id)).Status == OutboxStatus.Sent, "the message to be marked Sent");
    }

    [Fact]
    public async Task Restarting_the_site_sends_nothing_twice_and_loses_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("drchong-restart-");
        try
        {
            await using var smtp = new TestSmtpServer();
            ClinicFactory Site() => new ClinicFactory().SendingTo(smtp)
                .With("Database:ConnectionString", $"Data Source={Path.Combine(folder.FullName, "clinic.db")}")
                .With("DataProtection:KeysPath", Path.Combine(folder.FullName, "keys"));

            TestBooking delivered, waiting;
            using (var before = Site())
            {
                _ = before.Services;
                delivered = await BookAsync(before, Patient("delivered@patients.test"), KualaLumpur(2031, 4, 4, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);
                await smtp.WaitForAsync("delivered@patients.test");
                await TestSmtpServer.WaitUntilAsync(async () => Assert.Single(await OutboxAsync(before, delivered.Id)).Status == OutboxStatus.Sent, "Sent");

                await smtp.StopAsync();
                waiting = await BookAsync(before, Patient("waiting@patients.test"), KualaLumpur(2031, 4, 4, 11, 0), needsConfirmation: true, EmailKind.BookingReceived);
                await TestSmtpServer.WaitUntilAsync(async () => Assert.Single(await OutboxAsync(before, waiting.Id)).LastError is not null, "a failed try");
            }

            await smtp.StartAsync();
            using var after = Site();
            _ = after.Services;

            var email = Assert.Single(await smtp.WaitForAsync("waiting@patients.test"));
            Assert.Contains(waiting.ManageToken, email.Text, StringComparison.Ordinal); // the restarted site still reads the token
            await Task.Delay(TimeSpan.FromSeconds(1));
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

        Assert.Equal("clinic-smtp", Assert.Single(await smtp.WaitForAsync("signed.in@patients.test")).SignedInAs);
    }

    [Fact]
    public async Task Without_an_smtp_server_messages_are_written_as_eml_files()
    {
        using var site = new ClinicFactory();
        _ = site.Services;
        var folder = Path.Combine(site.Folder, "mail");

        var booking = await BookAsync(site, Patient("pickup@patients.test"), KualaLumpur(2031, 4, 5, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        await TestSmtpServer.WaitUntilAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Length == 1, "an .eml file");
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("pickup@patients.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"Dr Chong Clinic: we have received your booking request ({booking.GroupedReference})", message.Subject);
        Assert.Contains(booking.ManageToken, message.TextBody, StringComparison.Ordinal);
        Assert.Single(message.Attachments);
        await TestSmtpServer.WaitUntilAsync(async () => Assert.Single(await OutboxAsync(site, booking.Id)).Status == OutboxStatus.Sent, "Sent");
    }
}
