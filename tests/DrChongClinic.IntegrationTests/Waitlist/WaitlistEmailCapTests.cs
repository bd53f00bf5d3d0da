using System.Net;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Waitlist;

/// <summary>
/// One cap for a mailbox (Email:MaxPerRecipientPerDay, 10 here): booking emails and waitlist emails count together, so a
/// stranger who books and joins the waitlist with someone's address cannot send them 10 of each in a day.
/// </summary>
public sealed class WaitlistEmailCapTests : IAsyncLifetime
{
    private const int Cap = 10;
    private static readonly int[] Hours = [9, 10, 11, 14, 15, 16];
    private readonly TestSmtpServer _smtp = new();
    private readonly BookingFactory _site = new();

    public WaitlistEmailCapTests()
    {
        _site.SendingTo(_smtp);
        _site.With("Email:MaxPerRecipientPerDay", Cap.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_mailbox_with_eight_booking_emails_sent_gets_two_waitlist_emails_and_the_third_is_held()
    {
        await BookAsync(8, "Shared.Cap@gmail.com", "2026-12-16", "012-345 7001");
        await _site.RunOutboxPassAsync();
        Assert.Equal(8, SentToMailbox("shared.cap@gmail.com"));

        var scene = await WaitlistScene.NewAsync(_site);
        await scene.OneMorningTimeHeldAsync(); // nothing free: only the "you are on the waitlist" emails
        foreach (var address in new[] { "sharedcap+w1@gmail.com", "s.h.a.r.e.d.cap@googlemail.com", "sharedcap@gmail.com" })
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync(address, phone: "012-345 7002")).StatusCode);
        }

        var pass = await _site.RunWaitlistPassAsync();

        Assert.Equal((2, 1), (pass.Sent, pass.Held));
        Assert.Equal(Cap, SentToMailbox("shared.cap@gmail.com", "sharedcap+w1@gmail.com", "s.h.a.r.e.d.cap@googlemail.com", "sharedcap@gmail.com"));
        Assert.Equal(1, await _site.WithDbAsync(db => db.WaitlistMessages.CountAsync(m => m.Status == OutboxStatus.Held && m.LastError!.Contains("Email:MaxPerRecipientPerDay"))));
    }

    [Fact]
    public async Task Staff_see_held_and_failed_waitlist_emails_with_the_others_and_send_them_again()
    {
        await BookAsync(Cap, "Held.Waitlist@gmail.com", "2026-12-16", "012-345 7005");
        await _site.RunOutboxPassAsync();
        var scene = await WaitlistScene.NewAsync(_site);
        await scene.OneMorningTimeHeldAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync("held.waitlist@gmail.com", phone: "012-345 7006")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync("failed.waitlist@example.com", phone: "012-345 7007")).StatusCode);
        Assert.Equal((1, 1), ((await _site.RunWaitlistPassAsync()).Sent, (await _site.WithDbAsync(db => db.WaitlistMessages.CountAsync(m => m.Status == OutboxStatus.Held)))));
        var held = await _site.WithDbAsync(db => db.WaitlistMessages.SingleAsync(m => m.Status == OutboxStatus.Held));
        var failed = await _site.WithDbAsync(async db =>
        {
            // As the pass leaves an email after its last try (the mail server refused it every time).
            var sent = await db.WaitlistMessages.SingleAsync(m => m.Status == OutboxStatus.Sent && m.Entry!.Patient.Email == "failed.waitlist@example.com");
            sent.Status = OutboxStatus.Failed;
            sent.Attempts = 10;
            sent.LastError = "550 mailbox unavailable";
            await db.SaveChangesAsync();
            return sent;
        });
        var (staff, account) = await StaffAccounts.SignedInAsync(_site, StaffRoles.Staff);
        Assert.Contains("2", (await staff.GetPageAsync("/admin")).QuerySelector("#stat-failed-emails")!.TextContent, StringComparison.Ordinal);

        var page = await staff.GetPageAsync("/admin/emails/failed");

        var rows = page.QuerySelectorAll("#failed-waitlist-emails tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("550 mailbox unavailable", StringComparison.Ordinal) && r.TextContent.Contains("Try again", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Held", StringComparison.Ordinal) && r.TextContent.Contains("Send anyway", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("/admin/waitlist?date=", r.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));
        Assert.DoesNotContain("gmail", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase); // no address on the page

        await staff.SubmitAsync(page, $"form[action='/admin/emails/waitlist/{held.Id}/retry']", new Dictionary<string, string?>());
        await staff.SubmitAsync(await staff.GetPageAsync("/admin/emails/failed"), $"form[action='/admin/emails/waitlist/{failed.Id}/retry']", new Dictionary<string, string?>());

        // Released, the held one is sent at the next pass and not held again; the failed one is tried afresh.
        var pass = await _site.RunWaitlistPassAsync();
        Assert.Equal((2, 0), (pass.Sent, pass.Held));
        Assert.True(await _site.WithDbAsync(db => db.WaitlistMessages.Where(m => m.Id == held.Id || m.Id == failed.Id).AllAsync(m => m.Status == OutboxStatus.Sent)));
        Assert.Equal(["email.released", "email.retried"], await _site.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Actor == account.Email && a.Subject!.StartsWith("Waitlist email ")).OrderBy(a => a.Action).Select(a => a.Action).ToListAsync()));
        Assert.Single((await staff.GetPageAsync("/admin/emails/failed")).QuerySelectorAll("#no-failed-emails"));

        // Neither can be sent again by a second post: it is no longer failed or held.
        var heldForm = $"form[action='/admin/emails/waitlist/{held.Id}/retry']";
        var again = await staff.SubmitAsync(page, heldForm, new Dictionary<string, string?>());
        Assert.Contains("no longer failed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, await _site.WithDbAsync(db => db.WaitlistMessages.Where(m => m.Id == held.Id).Select(m => m.Status).SingleAsync()));
        page.QuerySelector(heldForm)!.SetAttribute("action", "/admin/emails/waitlist/999999/retry");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.SubmitAsync(page, "form[action='/admin/emails/waitlist/999999/retry']", new Dictionary<string, string?>())).StatusCode);
    }

    [Fact]
    public async Task Waitlist_emails_sent_count_against_the_booking_emails_of_the_same_mailbox()
    {
        var scene = await WaitlistScene.NewAsync(_site);
        await scene.OneMorningTimeHeldAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync($"other.cap+{i}@example.com", phone: "012-345 7003")).StatusCode);
        }

        Assert.Equal(3, (await _site.RunWaitlistPassAsync()).Sent);
        await BookAsync(8, "Other.Cap@Example.com", "2026-12-22", "012-345 7004");

        var pass = await _site.RunOutboxPassAsync();

        Assert.Equal(1, pass.Held);
        Assert.Equal(Cap, SentToMailbox("other.cap+0@example.com", "other.cap+1@example.com", "other.cap+2@example.com", "Other.Cap@Example.com"));
    }

    private async Task BookAsync(int count, string email, string firstDay, string phone)
    {
        var client = _site.Browser();
        var day = DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var fields = BookingSteps.Patient(day.AddDays(i / Hours.Length).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T" + Hours[i % Hours.Length].ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00", email: email);
            fields["Phone"] = phone;
            Assert.Equal(HttpStatusCode.SeeOther, (await client.BookAsync(fields)).StatusCode);
        }
    }

    private int SentToMailbox(params string[] addresses) => addresses.Sum(a => _smtp.To(a).Count);
}
