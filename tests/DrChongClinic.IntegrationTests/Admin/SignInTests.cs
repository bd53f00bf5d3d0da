using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

public sealed class SignInTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task Staff_member_signs_in_and_lands_where_they_were_going()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var client = factory.CreateBrowser();

        var signInPage = await Html.ReadAsync(await client.GetAsync("/admin/schedule/closures"));
        var codePage = await client.SubmitAsync(signInPage, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal("/admin/account/sign-in/code", codePage.RequestMessage!.RequestUri!.AbsolutePath);
        var response = await client.SubmitAsync(await Html.ReadAsync(codePage), "#sign-in-code-form", new Dictionary<string, string?> { ["Code"] = await Totp.FreshCodeAsync(account.AuthenticatorKey!) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin/schedule/closures", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(account.Email, (await Html.ReadAsync(response)).QuerySelector(".admin-user")!.TextContent);
    }

    [Fact]
    public async Task Wrong_password_gets_a_clear_message_and_no_session()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var client = factory.CreateBrowser();

        var response = await StaffAccounts.SubmitPasswordAsync(client, account.Email, "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("do not match an account", (await Html.ReadAsync(response)).QuerySelector(".form-errors")!.TextContent);
        Assert.EndsWith("/admin/account/sign-in", (await client.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_the_account_so_a_stranger_cannot_lock_its_owner_out()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var client = factory.CreateBrowser();

        for (var i = 0; i < 6; i++)
        {
            await StaffAccounts.SubmitPasswordAsync(client, account.Email, $"Wrong-Password-{i}x");
        }

        // Guessing is slowed per address instead (SignInThrottleTests); this site's limit is set very high.
        await StaffAccounts.SignInAsync(client, account);
        var user = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_still_signs_in()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var client = factory.CreateBrowser();

        for (var i = 0; i < 4; i++)
        {
            await StaffAccounts.SubmitPasswordAsync(client, account.Email, $"Wrong-Password-{i}x");
        }

        await StaffAccounts.SignInAsync(client, account);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var dashboard = await client.GetPageAsync("/admin");

        var response = await client.SubmitAsync(dashboard, "form[action='/admin/account/sign-out']", new Dictionary<string, string?>());

        Assert.EndsWith("/admin/account/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You have signed out", await response.Content.ReadAsStringAsync());
        Assert.EndsWith("/admin/account/sign-in", (await client.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_out_by_a_plain_link_is_not_possible()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var response = await client.GetAsync("/admin/account/sign-out");

        // Sign-out answers POST only: a GET is refused as the wrong method and the session stays.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_return_address_outside_the_admin_area_is_ignored()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: false);
        var client = factory.CreateBrowser(followRedirects: false);
        var page = await client.GetPageAsync("/admin/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await client.SubmitAsync(page, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_staff_cookie_is_a_host_only_http_only_secure_same_site_session_cookie()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: false);
        var client = factory.CreateBrowser(followRedirects: false);
        var page = await client.GetPageAsync("/admin/account/sign-in");

        var response = await client.SubmitAsync(page, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-clinic.staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("path=/;", cookie + ";"); // __Host- cookies must be Path=/
        Assert.DoesNotContain("domain=", cookie);
        Assert.DoesNotContain("expires=", cookie); // ends with the browser session at the latest
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_follows_the_rules_and_is_audited()
    {
        var (client, account) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var wrongCurrent = await SubmitChangeAsync(client, "Not-Current-Pass-1", "New-Strong-Pass-2026");
        Assert.Contains("That password is not right", wrongCurrent.QuerySelector("[data-valmsg-for=CurrentPassword]")!.TextContent);

        var weak = await SubmitChangeAsync(client, account.Password, "short1A!");
        Assert.Contains("at least 12 characters", weak.QuerySelector("[data-valmsg-for=NewPassword]")!.TextContent);

        var noSymbol = await SubmitChangeAsync(client, account.Password, "LongEnoughPassword2026");
        Assert.Contains("at least one symbol", noSymbol.QuerySelector("[data-valmsg-for=NewPassword]")!.TextContent);

        // Identity's refusals in the staff area's language, not Identity's English (staff-area sweep).
        await client.SubmitAsync(await client.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = "/admin", ["language"] = "ms" });
        var malay = await SubmitChangeAsync(client, account.Password, "short1A!");
        Assert.Contains("sekurang-kurangnya 12 aksara", malay.QuerySelector("[data-valmsg-for=NewPassword]")!.TextContent);
        Assert.Contains("Kata laluan itu tidak betul", (await SubmitChangeAsync(client, "Not-Current-Pass-1", "New-Strong-Pass-2026")).QuerySelector("[data-valmsg-for=CurrentPassword]")!.TextContent);
        await client.SubmitAsync(await client.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = "/admin", ["language"] = "en" });

        var done = await SubmitChangeAsync(client, account.Password, "New-Strong-Pass-2026", HttpStatusCode.OK);
        Assert.Contains("Your password has been changed", done.QuerySelector(".flash")!.TextContent);

        await StaffAccounts.SignInAsync(factory.CreateBrowser(), account, "New-Strong-Pass-2026");
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.password-changed" && a.Actor == account.Email));
        Assert.True(audited);
    }

    [Fact]
    public async Task Passwords_are_stored_only_as_hashes()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var user = await users.FindByEmailAsync(account.Email);

        Assert.DoesNotContain(account.Password, user!.PasswordHash!, StringComparison.Ordinal);
        Assert.True(await users.CheckPasswordAsync(user, account.Password));
    }

    private static async Task<AngleSharp.Dom.IDocument> SubmitChangeAsync(HttpClient client, string current, string next, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var page = await client.GetPageAsync("/admin/account/password");
        var response = await client.SubmitAsync(page, "#change-password-form", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = next,
        });
        Assert.Equal(expected, response.StatusCode);
        return await Html.ReadAsync(response);
    }
}
