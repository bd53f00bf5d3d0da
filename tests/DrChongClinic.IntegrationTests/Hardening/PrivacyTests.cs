using System.Net;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>PDPA: nothing personal in the logs, and personal data removed after the retention period.</summary>
public sealed class PrivacyTests(PrivacyTests.Site site) : IClassFixture<PrivacyTests.Site>
{
    public const string Name = "Zubaidah Kwan Hartono";
    public const string Email = "zubaidah.kwan@example.com";

    [Fact]
    public async Task No_name_email_or_phone_reaches_the_logs_while_booking_cancelling_emailing_and_staff_work()
    {
        var client = site.Browser();
        var fields = BookingSteps.Patient("2026-12-10T14:00", name: Name, email: Email);
        fields["Phone"] = "017-998 2211";

        var token = BookingSteps.TokenFrom(await client.BookAsync(fields));
        var manage = await client.GetPageAsync($"/book/manage/{token}");
        var cancelled = await client.SubmitAsync(manage, "#cancel form", new Dictionary<string, string?> { ["Reason"] = "Kwan family trip" });
        Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);
        var appointment = await site.AppointmentAsync(token);
        await site.SendDueEmailsAsync();
        Assert.Equal(4, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.AppointmentId == appointment.Id && m.Status == OutboxStatus.Sent))); // confirmation, clinic notice, cancellation, clinic cancellation notice

        var (staff, _) = await StaffAccounts.SignedInAsync(site, "Staff");
        var closure = await staff.GetPageAsync("/admin/schedule/closures/new");
        var saved = await staff.SubmitAsync(closure, "#closure-form", new Dictionary<string, string?>
        {
            ["FirstDay"] = "2027-01-05",
            ["LastDay"] = "2027-01-05",
            ["Reason"] = "Training day",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await staff.GetPageAsync("/admin");

        var logs = site.Logs.Lines;
        Assert.True(logs.Count > 50, $"only {logs.Count} log lines captured");
        Assert.Contains(logs, l => l.Category.Contains("Outbox", StringComparison.Ordinal));
        foreach (var secret in new[] { Name, "Zubaidah", "Hartono", Email, "zubaidah.kwan", "+60179982211", "179982211", "998 2211", "Kwan family trip" })
        {
            var leak = logs.FirstOrDefault(l => l.Message.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{secret}' logged by {leak?.Category}: {leak?.Message}");
        }
    }

    [Fact]
    public async Task Bookings_older_than_the_retention_period_are_anonymised_and_keep_their_statistics()
    {
        var client = site.Browser();
        var oldToken = await client.BookAndGetTokenAsync("2026-12-11T09:00", email: "old.patient@example.com");
        var recentToken = await client.BookAndGetTokenAsync("2026-12-14T09:00", email: "recent.patient@example.com");
        var old = await site.AppointmentAsync(oldToken);
        var recentId = (await site.AppointmentAsync(recentToken)).Id;

        try
        {
            // 24 months (Privacy:RetentionMonths) after the first appointment, not yet after the second.
            site.Clock.Now = new DateTimeOffset(old.StartUtc.AddMonths(24).AddHours(1));
            Assert.True((await site.RunPassAsync<PatientDataRetentionPass, RetentionPassResult>()).Anonymized >= 1);

            var after = await site.WithDbAsync(db => db.Appointments.Include(a => a.History).SingleAsync(a => a.Id == old.Id));
            Assert.Equal(Appointment.AnonymizedName, after.Patient.Name);
            Assert.Equal("anonymised@invalid", after.Patient.Email);
            Assert.Equal("", after.Patient.Phone);
            Assert.Null(after.Patient.Notes);
            Assert.Equal("", after.ProtectedManageToken);
            Assert.NotEqual(old.ManageTokenHash, after.ManageTokenHash);
            Assert.Equal((old.TreatmentId, old.PractitionerId, old.StartUtc, old.Status, old.ConsentedAtUtc, old.PrivacyNoticeVersion),
                (after.TreatmentId, after.PractitionerId, after.StartUtc, after.Status, after.ConsentedAtUtc, after.PrivacyNoticeVersion));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/book/manage/{oldToken}")).StatusCode);

            var recent = await site.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == recentId));
            Assert.Equal("recent.patient@example.com", recent.Patient.Email);
        }
        finally
        {
            site.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc);
        }
    }

    /// <summary>The booking site with every log line (Debug and up, Entity Framework included) captured.</summary>
    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("Logging:LogLevel:Default", "Debug");
            With("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Debug");
            WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }

        public CapturedLogs Logs { get; } = new();
    }
}
