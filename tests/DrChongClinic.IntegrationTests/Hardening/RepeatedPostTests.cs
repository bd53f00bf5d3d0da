using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Repeated-post sweep: a form sent twice, ten times at once, or again from an old page after it was done. A staff
/// action that puts something into a state (locked, unlocked, two-factor off, photo removed, email queued again) is
/// done and audited once; the repeat hears it had already happened, never a 500.
/// </summary>
public sealed class RepeatedPostTests(ClinicFactory site) : IClassFixture<ClinicFactory>
{
    private const int Posts = 10;

    [Theory]
    [InlineData("lock", "staff.locked", "was already locked")]
    [InlineData("two-factor/reset", "staff.two-factor-reset", "was already off")]
    public async Task A_staff_account_change_sent_ten_times_at_once_and_again_later_is_done_and_audited_once(string action, string audited, string already)
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Admin);
        var staff = await StaffAccounts.CreateAsync(site, StaffRoles.Staff);
        var list = await admin.GetPageAsync("/admin/staff");
        var form = $"tr[data-email='{staff.Email}'] form[action$='/{action}']";

        await Races.RunAsync(() => admin.SubmitAsync(list, form, new Dictionary<string, string?>()), Posts);
        var again = await admin.SubmitAsync(list, form, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(already, (await Html.ReadAsync(again)).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await AuditedAsync(audited, staff.Email));
    }

    [Fact]
    public async Task Unlocking_twice_audits_once_and_the_second_says_the_account_could_already_sign_in()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Admin);
        var staff = await StaffAccounts.CreateAsync(site, StaffRoles.Staff);
        await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff"), $"tr[data-email='{staff.Email}'] form[action$='/lock']", new Dictionary<string, string?>());
        var locked = await admin.GetPageAsync("/admin/staff");
        var form = $"tr[data-email='{staff.Email}'] form[action$='/unlock']";

        await admin.SubmitAsync(locked, form, new Dictionary<string, string?>());
        var again = await admin.SubmitAsync(locked, form, new Dictionary<string, string?>());

        Assert.Contains("was already able to sign in", (await Html.ReadAsync(again)).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await AuditedAsync("staff.unlocked", staff.Email));
    }

    [Fact]
    public async Task Try_again_on_a_failed_email_ten_times_at_once_queues_it_once_and_audits_it_once()
    {
        var practitioner = await TestBookings.PractitionerAsync(site);
        var booking = await TestBookings.BookAsync(site, practitioner.Id, (await TestBookings.TreatmentAsync(site)).Id, DateTime.UtcNow.AddDays(9));
        var failedId = await TestBookings.FailedEmailAsync(site, booking);
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var page = await client.GetPageAsync("/admin/emails/failed");
        var form = $"form[action='/admin/emails/{failedId}/retry']";

        await Races.RunAsync(() => client.SubmitAsync(page, form, new Dictionary<string, string?>()), Posts);
        var again = await client.SubmitAsync(page, form, new Dictionary<string, string?>());

        Assert.Contains("no longer failed", (await Html.ReadAsync(again)).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "email.retried" && a.Subject == $"Email {failedId}")));
    }

    [Fact]
    public async Task Removing_a_doctors_photo_again_from_the_old_page_changes_nothing_and_records_nothing()
    {
        var practitioner = await TestBookings.PractitionerAsync(site);
        await site.WithDbAsync(async db =>
        {
            db.PractitionerPhotos.Add(new PractitionerPhoto { PractitionerId = practitioner.Id, Content = [1, 2, 3], ContentType = "image/jpeg" });
            (await db.Practitioners.SingleAsync(p => p.Id == practitioner.Id)).PhotoVersion = "0123456789abcdef";
            return await db.SaveChangesAsync();
        });
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var edit = await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}");
        var form = $"form[action='/admin/schedule/practitioners/{practitioner.Id}/photo/remove']";

        var answers = await Races.RunAsync(() => client.SubmitAsync(edit, form, new Dictionary<string, string?>()), Posts);
        var again = await client.SubmitAsync(edit, form, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.False(await site.WithDbAsync(db => db.PractitionerPhotos.AnyAsync(p => p.PractitionerId == practitioner.Id)));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "practitioner.photo-removed" && a.Subject == $"Practitioner {practitioner.Id}")));
    }

    [Fact]
    public async Task Turning_two_factor_on_with_one_code_sent_ten_times_at_once_never_answers_that_the_code_is_wrong()
    {
        var account = await StaffAccounts.CreateAsync(site, StaffRoles.Staff, twoFactor: false);
        var client = site.CreateBrowser();
        await StaffAccounts.SubmitPasswordAsync(client, account.Email, account.Password);
        var setUp = await client.GetPageAsync("/admin/account/two-factor/enable");
        var code = await Totp.FreshCodeAsync(setUp.QuerySelector("#shared-key")!.TextContent);

        var answers = await Races.RunAsync(() => client.SubmitAsync(setUp, "#enable-two-factor-form", new Dictionary<string, string?> { ["Code"] = code }), Posts);

        // One shows the recovery codes; the others the two-factor page saying it is on (or, lost on the code's own
        // record, the friendly 409): never the set-up page saying the code is wrong while two-factor is in fact on.
        Assert.Single(answers, a => a.Text.Contains("Your recovery codes", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Text.Contains("That code is not right", StringComparison.Ordinal));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "account.two-factor-enabled" && a.Actor == account.Email)));
    }

    [Fact]
    public async Task The_sign_in_form_sent_again_after_signing_in_goes_to_the_staff_area_saying_so()
    {
        var account = await StaffAccounts.CreateAsync(site, StaffRoles.Staff);
        var client = site.CreateBrowser();
        var before = await client.GetPageAsync("/admin/account/sign-in"); // a second tab, or the page the back button shows
        await StaffAccounts.SignInAsync(client, account);

        var again = await client.SubmitAsync(before, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("/admin", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You are already signed in.", (await Html.ReadAsync(again)).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    private Task<int> AuditedAsync(string action, string email) =>
        site.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.AuditEntries.CountAsync(a => a.Action == action && a.Subject == $"User {id}");
        });
}
