using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>Authenticator codes work once, and only while they are current.</summary>
public sealed class TwoFactorReplayTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task The_same_code_signs_in_once_and_is_refused_the_second_time()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var code = Totp.Code(account.AuthenticatorKey!);

        var first = await SignInWithCodeAsync(account, code);
        var second = await SignInWithCodeAsync(account, code);

        Assert.Equal("/admin", first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("/admin/account/sign-in/code", second.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("That code is not right", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_from_two_steps_ago_is_refused_and_the_current_one_then_works()
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);

        var old = await SignInWithCodeAsync(account, Totp.Code(account.AuthenticatorKey!, DateTimeOffset.UtcNow.AddSeconds(-60)));

        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("That code is not right", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/admin", (await SignInWithCodeAsync(account, Totp.Code(account.AuthenticatorKey!))).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_accounts_without_two_factor_in_production_must_set_it_up_before_seeing_or_exporting_bookings()
    {
        var staff = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: false);
        var client = factory.CreateBrowser();
        await StaffAccounts.SubmitPasswordAsync(client, staff.Email, staff.Password);

        foreach (var url in new[] { "/admin", "/admin/bookings", "/admin/bookings/export.csv", "/admin/schedule/closures" })
        {
            Assert.Equal(RequireTwoFactorFilter.SetUpPath, (await client.GetAsync(url)).RequestMessage!.RequestUri!.AbsolutePath);
        }

        var setUp = await client.GetPageAsync(RequireTwoFactorFilter.SetUpPath);
        Assert.Contains("Staff accounts must use two-factor sign-in", setUp.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var key = setUp.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        await client.SubmitAsync(setUp, "#enable-two-factor-form", new Dictionary<string, string?> { ["Code"] = await Totp.FreshCodeAsync(key) });

        Assert.Equal("/admin/bookings", (await client.GetAsync("/admin/bookings")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    private async Task<HttpResponseMessage> SignInWithCodeAsync(TestAccount account, string code)
    {
        var client = factory.CreateBrowser();
        await StaffAccounts.SubmitPasswordAsync(client, account.Email, account.Password);
        return await client.SubmitAsync(await client.GetPageAsync("/admin/account/sign-in/code"), "#sign-in-code-form", new Dictionary<string, string?> { ["Code"] = code });
    }
}
