using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests;

/// <summary>The staff area in a real browser: the sign-in page and the pages a Staff member works with are accessible and valid HTML.</summary>
public sealed class AdminPagesTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static readonly string[] StaffPages =
    [
        "/admin", "/admin/schedule/treatments", "/admin/schedule/practitioners", "/admin/schedule/closures",
        "/admin/schedule/closures/new", "/admin/account/password",
    ];

    [Fact]
    public async Task Sign_in_page_and_staff_pages_are_accessible_and_valid_html()
    {
        var sources = new Dictionary<string, string>();
        var account = await StaffAccounts.CreateAsync(browser.Site, StaffRoles.Staff);
        var page = await browser.NewPageAsync(Viewport.Phone);

        var signIn = await page.GotoAsync("/admin/account/sign-in");
        await Checkers.AssertAccessibleAsync(page);
        sources["sign-in"] = await signIn!.TextAsync();

        await page.FillAsync("#Email", account.Email);
        await page.FillAsync("#Password", "not the password");
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
        await Checkers.AssertAccessibleAsync(page);

        await page.FillAsync("#Email", account.Email);
        await page.FillAsync("#Password", account.Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));

        foreach (var path in StaffPages)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.DoesNotContain("/sign-in", page.Url, StringComparison.Ordinal);
            await Checkers.AssertAccessibleAsync(page);
            sources[path] = await response.TextAsync();
        }

        browser.AssertNoConsoleErrors(page);
        await Checkers.AssertValidHtmlAsync(sources);
    }
}
