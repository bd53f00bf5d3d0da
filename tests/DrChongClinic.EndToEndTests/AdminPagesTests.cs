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
        "/admin/schedule/closures/new", "/admin/schedule/closures/import", "/admin/account/password",
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
        await page.WaitForAddressAsync(url => url.Contains("/sign-in/code", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#sign-in-code-form")).ToBeVisibleAsync();
        await Checkers.AssertAccessibleAsync(page);
        sources["sign-in-code"] = await page.ContentAsync();
        await page.FillAsync("#Code", await Totp.FreshCodeAsync(account.AuthenticatorKey!));
        await page.Locator("#sign-in-code-form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));

        foreach (var path in StaffPages)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.DoesNotContain("/sign-in", page.Url, StringComparison.Ordinal);
            // On a phone nothing pushes the page sideways (the new closure's two dates did, by 26 px).
            // (Against the viewport's own width: a mobile browser widens window.innerWidth to fit a page that overflows.)
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= page.ViewportSize!.Width, $"{path} scrolls sideways");
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
        await page.SignInAsStaffAsync(account);

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

    /// <summary>
    /// Staff import public holidays from an .ics file (upload, preview, confirm), then book a phone-in patient without an
    /// email address and see that plainly; each page accessible and valid HTML, captured for docs/screenshots.
    /// </summary>
    [Theory]
    [InlineData(Viewport.Phone, "phone")]
    [InlineData(Viewport.Desktop, "desktop")]
    public async Task Holiday_import_and_a_phone_booking_without_email_work_in_the_browser(Viewport viewport, string suffix)
    {
        var account = await StaffAccounts.CreateAsync(browser.Site, StaffRoles.Staff);
        var page = await browser.NewPageAsync(viewport);
        await page.SignInAsStaffAsync(account);
        var sources = new Dictionary<string, string>();

        // Made-up holidays a few months ahead (different days for the two runs sharing this site).
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(viewport == Viewport.Phone ? 120 : 150);
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Made-up Holidays//EN\r\n"
            + $"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{first:yyyyMMdd}\r\nDTEND;VALUE=DATE:{first.AddDays(1):yyyyMMdd}\r\nSUMMARY:Fake Founders Day\r\nEND:VEVENT\r\n"
            + $"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{first.AddDays(20):yyyyMMdd}\r\nDTEND;VALUE=DATE:{first.AddDays(22):yyyyMMdd}\r\nSUMMARY:Pretend Festival\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";
        await page.GotoAsync("/admin/schedule/closures");
        await page.Locator("#import-holidays").ClickAsync();
        await page.Locator("#holiday-file").SetInputFilesAsync(new FilePayload { Name = "holidays.ics", MimeType = "text/calendar", Buffer = System.Text.Encoding.UTF8.GetBytes(ics) });
        var preview = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#holiday-upload-form button[type=submit]").ClickAsync(),
            response => response.Url.EndsWith("/closures/import", StringComparison.Ordinal) && response.Request.Method == "POST");
        await Assertions.Expect(page.Locator("#holidays-table tbody tr")).ToHaveCountAsync(2);
        await Checkers.AssertAccessibleAsync(page);
        sources["holiday-preview"] = await preview.TextAsync();
        await Screenshots.KeepIfAskedAsync(page, $"admin-holiday-import-{suffix}.png");
        await page.Locator("#holiday-import-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("2 closures added");
        await Assertions.Expect(page.Locator("#closures-table")).ToContainTextAsync("Pretend Festival");
        await Checkers.AssertAccessibleAsync(page);
        await Screenshots.KeepIfAskedAsync(page, $"admin-closures-{suffix}.png");

        await page.GotoAsync("/book?treatment=pico-laser");
        var date = await page.Locator("[data-day-list] a[data-date]").Nth(viewport == Viewport.Phone ? 0 : 1).GetAttributeAsync("data-date");
        await page.GotoAsync($"/admin/bookings/new?treatment=pico-laser&date={date}");
        await page.Locator("#phone-booking-form input[name=Slot]").First.CheckAsync();
        await page.FillAsync("#Name", $"Phone Only Patient {suffix}");
        await page.FillAsync("#Phone", "012-345 6789");
        await page.CheckAsync("#Consent");
        await Checkers.AssertAccessibleAsync(page);
        await Screenshots.KeepIfAskedAsync(page, $"admin-phone-booking-{suffix}.png");
        var detail = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#phone-booking-form button[type=submit]").ClickAsync(),
            response => response.Url.Contains("/admin/bookings/", StringComparison.Ordinal) && response.Request.Method == "GET" && !response.Url.Contains("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#no-email")).ToContainTextAsync("No email address");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("gets no emails");
        await Checkers.AssertAccessibleAsync(page);
        sources["booking-without-email"] = await detail.TextAsync();
        await Screenshots.KeepIfAskedAsync(page, $"admin-booking-no-email-{suffix}.png");

        await page.GotoAsync("/admin");
        await Checkers.AssertAccessibleAsync(page);
        await Screenshots.KeepIfAskedAsync(page, $"admin-dashboard-{suffix}.png");

        // A doctor's diary on their phone: staff make the private address and see it once, ready to copy.
        await page.GotoAsync("/admin/schedule/practitioners");
        await page.Locator(".card-actions a:not([href$='/hours'])").First.ClickAsync();
        var issued = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#diary-issue-form button[type=submit]").ClickAsync(),
            response => response.Url.EndsWith("/diary-feed", StringComparison.Ordinal) && response.Request.Method == "POST");
        await Assertions.Expect(page.Locator("#https-en")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/diary/[A-Za-z0-9_-]{43}\\.ics$"));
        await Assertions.Expect(page.Locator("#webcal-en")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^webcal://"));
        await Checkers.AssertAccessibleAsync(page);
        sources["diary-address"] = await issued.TextAsync();
        await Screenshots.KeepIfAskedAsync(page, $"admin-doctor-diary-{suffix}.png");
        await page.Locator("a.button", new() { HasText = "Back to the doctor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#diary-status")).ToContainTextAsync("A diary address was made on");
        await Checkers.AssertAccessibleAsync(page);

        browser.AssertNoConsoleErrors(page);
        await Checkers.AssertValidHtmlAsync(sources);
    }
}
