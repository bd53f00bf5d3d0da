using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Platform;

public sealed class SecurityHeadersTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/ms")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await _client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_have_no_inline_script()
    {
        var page = await _client.GetPageAsync("/");

        Assert.All(page.QuerySelectorAll("script"), script =>
            Assert.True(script.HasAttribute("src") || script.GetAttribute("type") == "application/ld+json",
                "Inline script found: " + script.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/bookings?search=tan")]
    [InlineData("/admin/account/sign-in")]
    [InlineData("/ADMIN/bookings")]
    public async Task Staff_pages_keep_other_sites_windows_away(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Opener-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/book")]
    [InlineData("/ms/tempah/urus/abc")]
    public async Task Public_and_patient_pages_leave_the_opener_policy_to_the_browser(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.False(response.Headers.Contains("Cross-Origin-Opener-Policy"), $"{path} sent Cross-Origin-Opener-Policy");
    }

    [Theory]
    [InlineData("/book")]
    [InlineData("/ms/tempah/urus/abc")]
    [InlineData("/admin")]
    public async Task Booking_manage_and_admin_responses_are_never_cached(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}
