using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;

namespace DrChongClinic.IntegrationTests.Admin;

public sealed class AdminAccessTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task Every_admin_route_sends_anonymous_visitors_to_sign_in()
    {
        var anonymous = factory.CreateBrowser(followRedirects: false);
        var failures = new List<string>();

        foreach (var route in AdminRoutes.All(factory).Where(r => !r.AllowsAnonymous))
        {
            var response = await anonymous.SendAsync(AdminRoutes.Request(route));
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains(AdminSetup.SignInPath, StringComparison.Ordinal))
            {
                failures.Add($"{route} → {(int)response.StatusCode} {location}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Only_the_sign_in_steps_are_open_without_signing_in()
    {
        var open = AdminRoutes.All(factory).Where(r => r.AllowsAnonymous).Select(r => r.Url).Distinct().ToList();

        Assert.Equal(["/admin/account/sign-in", "/admin/account/sign-in/code", "/admin/account/sign-in/recovery-code"], open);
    }

    [Fact]
    public async Task Staff_cannot_reach_admin_only_pages()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var adminOnly = AdminRoutes.All(factory).Where(r => r.AdminOnly).ToList();
        Assert.NotEmpty(adminOnly);

        foreach (var route in adminOnly)
        {
            var response = await staff.SendAsync(AdminRoutes.Request(route));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route} gave {(int)response.StatusCode}");
        }

        var page = await Html.ReadAsync(await staff.GetAsync("/admin/staff"));
        Assert.Equal("You do not have access to this page", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain((await staff.GetPageAsync("/admin")).QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/admin/staff");
    }

    [Fact]
    public async Task Staff_open_every_staff_page_that_needs_no_record_id()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var pages = AdminRoutes.All(factory).Where(r => r is { Method: "GET", AdminOnly: false, AllowsAnonymous: false } && !r.Url.Contains("/1", StringComparison.Ordinal)).ToList();

        foreach (var route in pages)
        {
            var response = await staff.GetAsync(route.Url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} gave {(int)response.StatusCode}");

            // Two-factor is already on (Production requires it), so its set-up page shows the two-factor page instead.
            var expected = route.Url == "/admin/account/two-factor/enable" ? "/admin/account/two-factor" : route.Url;
            Assert.Equal(expected, response.RequestMessage!.RequestUri!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Admins_open_every_page_including_staff_accounts()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);

        foreach (var url in new[] { "/admin", "/admin/staff", "/admin/staff/new", "/admin/schedule/closures/new", "/admin/schedule/practitioners/1/hours" })
        {
            var response = await admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_admin_post_without_an_anti_forgery_token_is_refused()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var posts = AdminRoutes.All(factory).Where(r => r.Method == "POST").ToList();
        Assert.True(posts.Count >= 15, $"only {posts.Count} POST routes found");
        var failures = new List<string>();

        foreach (var route in posts)
        {
            var response = await admin.PostAsync(route.Url, new FormUrlEncodedContent([new("Name", "Dr Forged"), new("Email", "forged@example.test")]));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{route} → {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ms")]
    [InlineData("/no-such-page")]
    public async Task Public_pages_have_no_link_to_the_admin_area(string url)
    {
        var html = await (await factory.CreateClient().GetAsync(url)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("/admin", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Admin_pages_are_kept_out_of_search_engines_and_caches()
    {
        var response = await factory.CreateBrowser().GetAsync("/admin/account/sign-in");
        var page = await Html.ReadAsync(response);

        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
