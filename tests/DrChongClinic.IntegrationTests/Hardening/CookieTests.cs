using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Hardening;

public sealed class CookieTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Theory]
    [InlineData("/book?treatment=pico-laser&practitioner=any&date=2026-12-08")]
    [InlineData("/admin/account/sign-in")]
    public async Task In_production_the_anti_forgery_cookie_is_host_prefixed_secure_http_only_and_same_site(string url)
    {
        var response = await factory.Browser().GetAsync(url);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-clinic.af=", StringComparison.Ordinal));
        AssertHostCookie(cookie);
    }

    [Fact]
    public async Task Every_cookie_a_signed_in_staff_member_receives_is_host_prefixed_secure_http_only_and_same_site()
    {
        // Without two-factor, so the password step itself signs in and sets the staff cookie.
        var account = await StaffAccounts.CreateAsync(factory, "Staff", twoFactor: false);
        var client = factory.CreateBrowser(followRedirects: false);
        var page = await client.GetPageAsync("/admin/account/sign-in");

        var response = await client.SubmitAsync(page, "#sign-in-form", new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password });

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-clinic.staff=", StringComparison.Ordinal));
        Assert.All(cookies, AssertHostCookie);
    }

    private static void AssertHostCookie(string setCookie)
    {
        var cookie = setCookie.ToLowerInvariant();
        Assert.StartsWith("__host-", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("; path=/;", cookie + ";", StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
    }
}
