using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Every redirect to an address the visitor supplied (sign-in's return address, the staff language switch): a
/// non-ASCII address is percent-encoded, one with control or formatting characters falls back to the dashboard,
/// and neither is a 500 (a Location header may only hold ASCII).
/// </summary>
public sealed class ReturnAddressTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Theory]
    [InlineData("/admin/bookings?search=é", "/admin/bookings", "?search=%C3%A9")]
    [InlineData("/admin/bookings?search=\u202Eevil", "/admin", "")]
    [InlineData("/admin/\u0001", "/admin", "")]
    public async Task Sign_in_with_an_unusual_return_address_still_signs_in(string returnUrl, string path, string query)
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var client = factory.CreateBrowser();

        var page = await client.GetPageAsync("/admin/account/sign-in");
        var codePage = await client.SubmitAsync(page, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password, ["ReturnUrl"] = returnUrl });
        Assert.Equal("/admin/account/sign-in/code", codePage.RequestMessage!.RequestUri!.AbsolutePath);
        var response = await client.SubmitAsync(await Html.ReadAsync(codePage), "#sign-in-code-form", new Dictionary<string, string?> { ["Code"] = await Totp.FreshCodeAsync(account.AuthenticatorKey!) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(query, response.RequestMessage.RequestUri.Query);
        Assert.Equal("/admin", (await client.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath); // the session cookie was kept
    }

    [Theory]
    [InlineData("/admin/bookings?search=é", "/admin/bookings?search=%C3%A9")]
    [InlineData("/admin/\u007F", "/admin")]
    [InlineData("/admin/../../evil", "/admin")] // starts with /admin, but a browser resolves it to /evil (staff-area sweep)
    [InlineData("/admin/%2e%2e/evil", "/admin")]
    [InlineData("/admin/.%2E/evil", "/admin")]
    [InlineData("/admin/./bookings", "/admin")]
    [InlineData("/admin%2f..%2fevil", "/admin")]
    [InlineData("/admin\\..\\evil", "/admin")]
    [InlineData("/administrator", "/admin")]
    [InlineData("/admin/bookings?q=../x", "/admin/bookings?q=../x")] // dots in the query are only text
    public async Task Sign_in_with_a_password_only_redirects_to_a_header_safe_address(string returnUrl, string location)
    {
        var account = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff, twoFactor: false);
        var client = factory.CreateBrowser(followRedirects: false);

        var page = await client.GetPageAsync("/admin/account/sign-in");
        var response = await client.SubmitAsync(page, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("clinic.staff=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/admin?q=é", "/admin", "?q=%C3%A9")]
    [InlineData("/admin/bookings/é", "/admin/bookings/%C3%A9", "")]
    [InlineData("/admin?q=\u202E", "/admin", "")]
    [InlineData("/admin?q=\u007F", "/admin", "")]
    public async Task The_staff_language_switch_returns_to_unusual_addresses_without_an_error(string returnUrl, string path, string query)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var dashboard = await client.GetPageAsync("/admin");
        var response = await client.SubmitAsync(dashboard, "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = returnUrl, ["language"] = "ms" });

        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        Assert.Equal(path, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(query, response.RequestMessage.RequestUri.Query);
    }
}
