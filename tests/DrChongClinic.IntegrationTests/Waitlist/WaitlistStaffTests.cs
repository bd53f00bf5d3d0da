using System.Globalization;
using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Waitlist;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Waitlist;

/// <summary>Staff's waitlist by day, and a time offered by hand (audited, emailed like any offer).</summary>
public sealed class WaitlistStaffTests(WaitlistFixture fixture) : IClassFixture<WaitlistFixture>
{
    [Fact]
    public async Task Staff_see_who_waits_for_a_day_and_offer_a_free_time_by_hand_which_is_audited_and_emailed()
    {
        var site = fixture.Site;
        var scene = await WaitlistScene.NewAsync(site);
        await scene.OneMorningTimeHeldAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync("by.hand@example.com", extra: new() { ["Name"] = "Hand Offered Patient" })).StatusCode);
        var entry = (await scene.EntriesAsync()).Single();
        var (staff, account) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);

        var page = await staff.GetPageAsync("/admin/waitlist?date=2026-12-08");
        var row = page.QuerySelector("#waitlist-entries tbody tr")!;
        Assert.Contains("Hand Offered Patient", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(scene.Treatment.NameEn, row.TextContent, StringComparison.Ordinal);
        var form = $"form[action='/admin/waitlist/{entry.Id.ToString(CultureInfo.InvariantCulture)}/offer']";

        // A taken time is refused with a message, nothing offered.
        var taken = await staff.SubmitAsync(page, form, new Dictionary<string, string?> { ["time"] = "10:00", ["practitioner"] = scene.DoctorValue });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("That time is not free", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unreadable = await staff.SubmitAsync(page, form, new Dictionary<string, string?> { ["time"] = "25:99", ["practitioner"] = scene.DoctorValue });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Empty(await scene.OffersAsync());

        // The afternoon is free (the patient asked for mornings, but staff may offer what was agreed on the phone).
        var offered = await staff.SubmitAsync(page, form, new Dictionary<string, string?> { ["time"] = "14:00", ["practitioner"] = scene.DoctorValue });
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode); // after the redirect (this client follows them)
        Assert.Contains("the patient is being emailed", await offered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var offer = Assert.Single(await scene.OffersAsync());
        Assert.Equal(account.Email, offer.OfferedBy);
        Assert.Equal(TestBookings.ClinicTime(WaitlistScene.Tuesday, 14), offer.StartUtc);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Waitlist time offered" && a.Subject == $"Waitlist entry {entry.Id}" && a.Actor == account.Email)));

        // A second offer while one is open is refused.
        var second = await staff.SubmitAsync(page, form, new Dictionary<string, string?> { ["time"] = "15:00", ["practitioner"] = scene.DoctorValue });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        await site.RunWaitlistPassAsync();
        var email = fixture.Smtp.To("by.hand@example.com").Single(m => m.Subject.Contains("freed up", StringComparison.Ordinal));
        Assert.Contains("2:00", email.Text, StringComparison.Ordinal);

        var day = await staff.GetPageAsync("/admin/waitlist?date=2026-12-08");
        Assert.Contains(account.Email, day.QuerySelector("#waitlist-offers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(scene.Treatment.NameEn, day.QuerySelector("#waitlist-offers")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(WaitlistStatus.Offered, (await scene.EntriesAsync()).Single().Status);

        // With the staff area in Bahasa Malaysia, both tables name the treatment in Malay.
        var malay = await Html.ReadAsync(await staff.SubmitAsync(day, "#admin-language-form", new Dictionary<string, string?>()));
        Assert.Equal("ms", malay.DocumentElement.GetAttribute("lang"));
        foreach (var table in new[] { "#waitlist-entries", "#waitlist-offers" })
        {
            var text = malay.QuerySelector(table)!.TextContent;
            Assert.Contains(scene.Treatment.NameMs, text, StringComparison.Ordinal);
            Assert.DoesNotContain(scene.Treatment.NameEn, text, StringComparison.Ordinal);
        }

        await staff.SubmitAsync(malay, "#admin-language-form", new Dictionary<string, string?>()); // back to English
    }

    [Fact]
    public async Task The_staff_waitlist_needs_a_signed_in_staff_member_and_refuses_an_unreadable_day_with_400()
    {
        var anonymous = fixture.Site.Browser();
        var response = await anonymous.GetAsync("/admin/waitlist");
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized, $"{response.StatusCode}");

        var (staff, _) = await StaffAccounts.SignedInAsync(fixture.Site, StaffRoles.Staff);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/admin/waitlist?date=9999-99-99")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/waitlist")).StatusCode);
    }
}
