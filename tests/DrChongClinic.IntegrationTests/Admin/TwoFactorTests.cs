using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

public sealed class TwoFactorTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    /// <summary>The "turn off" button of the two-factor form, which shares its password field with "new recovery codes".</summary>
    internal const string TurnOff = "button[formaction$='/disable']";

    [Fact]
    public async Task Staff_turn_on_two_factor_with_an_authenticator_app_and_then_sign_in_with_its_code()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: false);
        var client = factory.CreateBrowser();
        var setUpAddress = await StaffAccounts.SubmitPasswordAsync(client, account.Email, account.Password);
        Assert.Equal(RequireTwoFactorFilter.SetUpPath, setUpAddress.RequestMessage!.RequestUri!.AbsolutePath);

        var setUp = await client.GetPageAsync("/admin/account/two-factor/enable");
        var key = setUp.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var uri = setUp.QuerySelector("#authenticator-uri")!.TextContent;
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={key}", uri, StringComparison.Ordinal);
        Assert.Contains("issuer=Dr%20Chong%20Clinic", uri, StringComparison.Ordinal);
        Assert.NotNull(setUp.QuerySelector(".qr-code svg"));

        var wrong = await client.SubmitAsync(setUp, "#enable-two-factor-form", new Dictionary<string, string?> { ["Code"] = WrongCode(key) });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());

        var enabled = await client.SubmitAsync(await client.GetPageAsync("/admin/account/two-factor/enable"), "#enable-two-factor-form",
            new Dictionary<string, string?> { ["Code"] = await Totp.FreshCodeAsync(key) });
        var codes = (await Html.ReadAsync(enabled)).QuerySelectorAll("#recovery-codes code");
        Assert.Equal(10, codes.Length);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.two-factor-enabled" && a.Actor == account.Email)));

        var browser = factory.CreateBrowser();
        var afterPassword = await StaffAccounts.SubmitPasswordAsync(browser, account.Email, account.Password);
        Assert.Equal("/admin/account/sign-in/code", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.EndsWith("/admin/account/sign-in", (await browser.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);

        var codePage = await browser.GetPageAsync("/admin/account/sign-in/code");
        var refused = await browser.SubmitAsync(codePage, "#sign-in-code-form", new Dictionary<string, string?> { ["Code"] = WrongCode(key) });
        Assert.Contains("That code is not right", await refused.Content.ReadAsStringAsync());

        await StaffAccounts.SignInAsync(factory.CreateBrowser(), account with { AuthenticatorKey = key });
    }

    [Fact]
    public async Task Opening_the_set_up_page_keeps_the_staff_members_other_sessions_and_shows_the_same_key_each_time()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: false);
        var (first, second) = (factory.CreateBrowser(), factory.CreateBrowser());
        await StaffAccounts.SubmitPasswordAsync(first, account.Email, account.Password);
        await StaffAccounts.SubmitPasswordAsync(second, account.Email, account.Password);
        var stamp = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.SecurityStamp).SingleAsync());

        // A GET, so any other site could link to it: it must change nothing but make the key once.
        var key = (await second.GetPageAsync("/admin/account/two-factor/enable")).QuerySelector("#shared-key")!.TextContent;
        var again = (await second.GetPageAsync("/admin/account/two-factor/enable")).QuerySelector("#shared-key")!.TextContent;

        Assert.Equal(key, again);
        Assert.Equal(stamp, await factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.SecurityStamp).SingleAsync()));
        var stillIn = await first.GetAsync("/admin/account/two-factor/enable");
        Assert.Equal(RequireTwoFactorFilter.SetUpPath, stillIn.RequestMessage!.RequestUri!.AbsolutePath); // not sent to sign in
        Assert.Equal(key, (await Html.ReadAsync(stillIn)).QuerySelector("#shared-key")!.TextContent);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_only_once()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: true);
        var (client, _) = (factory.CreateBrowser(), account);
        await StaffAccounts.SignInAsync(client, account);
        var refused = await client.SubmitAsync(await client.GetPageAsync("/admin/account/two-factor"), "#two-factor-form", new Dictionary<string, string?> { ["password"] = "Not-The-Password-1" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null((await Html.ReadAsync(refused)).QuerySelector("#recovery-codes"));
        var codesPage = await client.SubmitAsync(await client.GetPageAsync("/admin/account/two-factor"), "#two-factor-form", new Dictionary<string, string?> { ["password"] = account.Password });
        var recoveryCode = (await Html.ReadAsync(codesPage)).QuerySelector("#recovery-codes code")!.TextContent.Trim();

        var first = await SignInWithRecoveryCodeAsync(account, recoveryCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("/admin", first.RequestMessage!.RequestUri!.AbsolutePath);

        var second = await SignInWithRecoveryCodeAsync(account, recoveryCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("/admin/account/sign-in/recovery-code", second.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("That code is not right", await second.Content.ReadAsStringAsync());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.recovery-codes-regenerated" && a.Actor == account.Email)));
    }

    [Fact]
    public async Task Admin_without_two_factor_in_production_can_do_nothing_until_it_is_set_up()
    {
        var admin = await StaffAccounts.CreateAsync(factory, StaffRoles.Admin, twoFactor: false);
        var client = factory.CreateBrowser();
        await StaffAccounts.SubmitPasswordAsync(client, admin.Email, admin.Password);

        foreach (var url in new[] { "/admin", "/admin/staff", "/admin/schedule/treatments", "/admin/account/password" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(RequireTwoFactorFilter.SetUpPath, response.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var setUp = await client.GetPageAsync(RequireTwoFactorFilter.SetUpPath);
        Assert.Contains("Staff accounts must use two-factor sign-in", setUp.QuerySelector(".notice")!.TextContent);
        var lockAttempt = await client.PostAsync("/admin/staff/1/lock", new FormUrlEncodedContent([new("__RequestVerificationToken", setUp.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(RequireTwoFactorFilter.SetUpPath, lockAttempt.RequestMessage!.RequestUri!.AbsolutePath);

        var key = setUp.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        await client.SubmitAsync(setUp, "#enable-two-factor-form", new Dictionary<string, string?> { ["Code"] = await Totp.FreshCodeAsync(key) });

        Assert.Equal("/admin/staff", (await client.GetAsync("/admin/staff")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_may_turn_two_factor_off_with_their_password_it_is_audited_and_they_must_set_it_up_again()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: true);
        var client = factory.CreateBrowser();
        await StaffAccounts.SignInAsync(client, account);

        var page = await client.GetPageAsync("/admin/account/two-factor");
        var wrong = await client.SubmitAsync(page, "#two-factor-form", new Dictionary<string, string?> { ["password"] = "Not-The-Password-1" }, TurnOff);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("That password is not right. Nothing has changed.", (await Html.ReadAsync(wrong)).QuerySelector("#two-factor-password-error")!.TextContent.Trim());
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var response = await client.SubmitAsync(page, "#two-factor-form", new Dictionary<string, string?> { ["password"] = account.Password }, TurnOff);

        Assert.Contains("Two-factor sign-in is off", (await Html.ReadAsync(response)).QuerySelector(".flash")!.TextContent);
        Assert.Equal(RequireTwoFactorFilter.SetUpPath, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.two-factor-disabled" && a.Actor == account.Email)));
        await StaffAccounts.SignInAsync(factory.CreateBrowser(), account with { AuthenticatorKey = null });
    }

    [Fact]
    public async Task An_admin_who_turns_two_factor_off_is_sent_straight_back_to_set_it_up()
    {
        var (client, admin) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/account/two-factor"), "#two-factor-form", new Dictionary<string, string?> { ["password"] = admin.Password }, TurnOff);

        Assert.Equal(RequireTwoFactorFilter.SetUpPath, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(RequireTwoFactorFilter.SetUpPath, (await client.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: true);
        var client = factory.CreateBrowser();
        await StaffAccounts.SubmitPasswordAsync(client, account.Email, account.Password);

        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            response = await client.SubmitAsync(await client.GetPageAsync("/admin/account/sign-in/code"), "#sign-in-code-form",
                new Dictionary<string, string?> { ["Code"] = WrongCode(account.AuthenticatorKey!) });
        }

        Assert.Contains("This account is locked", await response.Content.ReadAsStringAsync());
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(account.Email))!));
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(TestAccount account, string code)
    {
        var client = factory.CreateBrowser();
        await StaffAccounts.SubmitPasswordAsync(client, account.Email, account.Password);
        var page = await client.GetPageAsync("/admin/account/sign-in/recovery-code");
        return await client.SubmitAsync(page, "#sign-in-recovery-form", new Dictionary<string, string?> { ["Code"] = code });
    }

    /// <summary>A six-digit code that is neither the current nor a neighbouring one (Identity accepts a little clock drift).</summary>
    private static string WrongCode(string key)
    {
        var valid = new[] { -60, -30, 0, 30, 60 }.Select(s => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }
}
