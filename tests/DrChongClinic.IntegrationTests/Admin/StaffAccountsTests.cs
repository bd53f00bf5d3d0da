using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

public sealed class StaffAccountsTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task Admin_creates_a_staff_account_that_can_sign_in_and_it_is_audited()
    {
        var (admin, adminAccount) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var email = $"new-{Guid.NewGuid():N}@drchong.test";

        var response = await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff/new"), "#new-staff-form", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["Role"] = StaffRoles.Staff,
            ["Password"] = "First-Password-2026",
            ["ConfirmPassword"] = "First-Password-2026",
        });

        var list = await Html.ReadAsync(response);
        Assert.Equal("/admin/staff", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(email, list.QuerySelector(".flash")!.TextContent);
        Assert.Contains("Staff", list.QuerySelector($"tr[data-email='{email}']")!.TextContent);
        await StaffAccounts.SignInAsync(factory.CreateBrowser(), new TestAccount(email, "First-Password-2026", StaffRoles.Staff, null));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "staff.created" && a.Details!.Contains(email)));
        Assert.Equal(adminAccount.Email, audit.Actor);
    }

    [Fact]
    public async Task A_new_account_with_a_weak_password_or_a_taken_email_is_refused_with_reasons()
    {
        var (admin, adminAccount) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var weak = await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff/new"), "#new-staff-form", new Dictionary<string, string?>
        {
            ["Email"] = "weak@drchong.test",
            ["Role"] = StaffRoles.Staff,
            ["Password"] = "password",
            ["ConfirmPassword"] = "password",
        });
        var taken = await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff/new"), "#new-staff-form", new Dictionary<string, string?>
        {
            ["Email"] = adminAccount.Email,
            ["Role"] = StaffRoles.Admin,
            ["Password"] = "Good-Password-2026",
            ["ConfirmPassword"] = "Good-Password-2026",
        });
        var badRole = await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff/new"), "#new-staff-form", new Dictionary<string, string?>
        {
            ["Email"] = "role@drchong.test",
            ["Role"] = "Owner",
            ["Password"] = "Good-Password-2026",
            ["ConfirmPassword"] = "Good-Password-2026",
        });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("at least 12 characters", (await Html.ReadAsync(weak)).QuerySelector("[data-valmsg-for=Password]")!.TextContent);
        Assert.Contains("There is already a staff account with the email", (await Html.ReadAsync(taken)).QuerySelector(".form-errors")!.TextContent);
        Assert.Contains("Choose Staff or Admin", (await Html.ReadAsync(badRole)).QuerySelector("[data-valmsg-for=Role]")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Locking_an_account_stops_its_sign_in_and_unlocking_restores_it_both_audited()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var staff = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);

        var locked = await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff"), $"tr[data-email='{staff.Email}'] form[action$='/lock']", new Dictionary<string, string?>());
        Assert.Contains("is locked", (await Html.ReadAsync(locked)).QuerySelector(".flash")!.TextContent);
        var refused = await StaffAccounts.SubmitPasswordAsync(factory.CreateBrowser(), staff.Email, staff.Password);
        Assert.Contains("This account is locked", await refused.Content.ReadAsStringAsync());

        await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff"), $"tr[data-email='{staff.Email}'] form[action$='/unlock']", new Dictionary<string, string?>());
        await StaffAccounts.SignInAsync(factory.CreateBrowser(), staff);

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Details == staff.Email).Select(a => a.Action).ToListAsync());
        Assert.Equal(["staff.locked", "staff.unlocked"], actions);
    }

    [Fact]
    public async Task Admin_cannot_lock_their_own_account()
    {
        var (admin, account) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync());
        var page = await admin.GetPageAsync("/admin/staff");
        Assert.Null(page.QuerySelector($"tr[data-email='{account.Email}'] form[action$='/lock']"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await admin.PostAsync($"/admin/staff/{id}/lock", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Contains("You cannot lock your own account", await response.Content.ReadAsStringAsync());
        Assert.Null(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_cannot_reset_their_own_password_or_two_factor_from_the_staff_list_where_no_password_is_asked()
    {
        var (admin, account) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync());
        var list = await admin.GetPageAsync("/admin/staff");
        Assert.Equal("/admin/account/password", list.QuerySelector($"tr[data-email='{account.Email}'] a[href$='/password']")!.GetAttribute("href"));
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stampBefore = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

        var password = await admin.PostAsync($"/admin/staff/{id}/password", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Email", account.Email), new("NewPassword", "Taken-Over-Pass-2026"), new("ConfirmPassword", "Taken-Over-Pass-2026")]));
        var twoFactor = await admin.PostAsync($"/admin/staff/{id}/two-factor/reset", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        foreach (var response in new[] { password, twoFactor })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("on your account page", (await Html.ReadAsync(response)).QuerySelector("#staff-refused")!.TextContent);
        }

        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(stampBefore, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal("/admin/account/password", (await admin.GetAsync($"/admin/staff/{id}/password")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Resetting_a_password_lets_the_person_sign_in_with_the_new_one_only()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var staff = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var list = await admin.GetPageAsync("/admin/staff");
        var resetUrl = list.QuerySelector($"tr[data-email='{staff.Email}'] a[href$='/password']")!.GetAttribute("href")!;

        var response = await admin.SubmitAsync(await admin.GetPageAsync(resetUrl), "#reset-password-form", new Dictionary<string, string?>
        {
            ["NewPassword"] = "Reset-By-Admin-2026",
            ["ConfirmPassword"] = "Reset-By-Admin-2026",
        });

        Assert.Contains("New password set", (await Html.ReadAsync(response)).QuerySelector(".flash")!.TextContent);
        Assert.Contains("do not match", await (await StaffAccounts.SubmitPasswordAsync(factory.CreateBrowser(), staff.Email, staff.Password)).Content.ReadAsStringAsync());
        await StaffAccounts.SignInAsync(factory.CreateBrowser(), staff, "Reset-By-Admin-2026");
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "staff.password-reset" && a.Details == staff.Email)));
    }

    [Fact]
    public async Task Resetting_two_factor_lets_someone_who_lost_their_phone_sign_in_with_the_password()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var staff = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: true);

        await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff"), $"tr[data-email='{staff.Email}'] form[action$='/two-factor/reset']", new Dictionary<string, string?>());

        await StaffAccounts.SignInAsync(factory.CreateBrowser(), staff with { AuthenticatorKey = null });
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "staff.two-factor-reset" && a.Details == staff.Email)));
    }

    [Fact]
    public async Task An_account_change_whose_audit_entry_cannot_be_saved_is_not_kept()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var staff = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var list = await admin.GetPageAsync("/admin/staff");

        // The audit log refuses every entry: the lock it records must not stay on its own.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER audit_refused BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit log refused'); END"));
        HttpResponseMessage response;
        try
        {
            response = await admin.SubmitAsync(list, $"tr[data-email='{staff.Email}'] form[action$='/lock']", new Dictionary<string, string?>());
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_refused"));
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == staff.Email));
        Assert.Null(user.LockoutEnd);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "staff.locked" && a.Details == staff.Email)));
        await StaffAccounts.SignInAsync(factory.CreateBrowser(), staff);
    }
}
