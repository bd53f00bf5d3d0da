using DrChongClinic.Application.Staff;
using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.IntegrationTests.Infrastructure;
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
        // Production requires two-factor for every staff account: the code step, checked like the others.
        var committed = new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit };
        await page.WaitForURLAsync(url => url.Contains("/sign-in/code", StringComparison.Ordinal), committed);
        await Assertions.Expect(page.Locator("#sign-in-code-form")).ToBeVisibleAsync();
        await Checkers.AssertAccessibleAsync(page);
        sources["sign-in-code"] = await page.ContentAsync();
        await page.FillAsync("#Code", await Totp.FreshCodeAsync(account.AuthenticatorKey!));
        await page.Locator("#sign-in-code-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), committed);

        foreach (var path in StaffPages)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.DoesNotContain("/sign-in", page.Url, StringComparison.Ordinal);
            await Checkers.AssertAccessibleAsync(page);
            sources[path] = await response.TextAsync();
        }

        browser.AssertNoConsoleErrors(page, "status of 400"); // the wrong password: a refused form answers 400
        await Checkers.AssertValidHtmlAsync(sources);
    }

    [Theory]
    [InlineData(Viewport.Phone, "phone")]
    [InlineData(Viewport.Desktop, "desktop")]
    public async Task Two_factor_page_asks_for_the_password_and_shows_a_wrong_one_accessibly(Viewport viewport, string suffix)
    {
        var account = await StaffAccounts.CreateAsync(browser.Site, StaffRoles.Staff, twoFactor: true);
        var page = await browser.NewPageAsync(viewport);
        await page.GotoAsync("/admin/account/sign-in");
        await page.FillAsync("#Email", account.Email);
        await page.FillAsync("#Password", account.Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        // Waiting for the address only (Commit): waiting for the "load" event after the redirect timed out once in CI
        // although the page had arrived. Fill and Goto below wait for what they need themselves.
        var committed = new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit };
        await page.WaitForURLAsync(url => url.Contains("/sign-in/code", StringComparison.Ordinal), committed);
        await page.FillAsync("#Code", await Totp.FreshCodeAsync(account.AuthenticatorKey!));
        await page.Locator("#sign-in-code-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), committed);

        await page.GotoAsync("/admin/account/two-factor");
        await page.FillAsync("#two-factor-password", "Not-The-Password-1");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-factor sign-in" }).ClickAsync(),
            response => response.Url.EndsWith("/two-factor/disable", StringComparison.Ordinal));

        Assert.Equal(400, refused.Status);
        await Assertions.Expect(page.Locator("#two-factor-password-error")).ToHaveTextAsync("That password is not right. Nothing has changed.");
        await Assertions.Expect(page.Locator("#two-factor-password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Checkers.AssertAccessibleAsync(page);
        await Checkers.AssertValidHtmlAsync(new Dictionary<string, string> { ["two-factor"] = await refused.TextAsync() });
        await Screenshots.KeepIfAskedAsync(page, $"admin-two-factor-{suffix}.png");
        browser.AssertNoConsoleErrors(page, "status of 400");
    }
}
