using System.Globalization;
using DrChongClinic.Application.Staff;
using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests;

/// <summary>The browser site sending email to an in-process SMTP server, with the waitlist pass running every second.</summary>
public sealed class WaitlistBrowserSite : BrowserSite
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void Configure(ClinicFactory site) => site
        .With("Email:Host", "127.0.0.1")
        .With("Email:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
        .With("Email:Security", "None")
        .With("Email:From", "bookings@drchong.test")
        .With("Email:ClinicInbox", "frontdesk@drchong.test")
        .With("Waitlist:PassInterval", "00:00:01");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// A patient joins the waitlist with JavaScript switched off and staff see the entry on their waitlist page, on a phone
/// and on a desktop; the staff page is accessible (axe) and valid HTML (vnu). (The patient's join-and-claim journey is
/// covered over HTTP by the integration tests; its browser version is not written yet.)
/// </summary>
public sealed class WaitlistBrowserTests(WaitlistBrowserSite browser) : IClassFixture<WaitlistBrowserSite>
{
    [Theory]
    [InlineData(Viewport.Desktop, "desktop")]
    [InlineData(Viewport.Phone, "phone")]
    public async Task Staff_waitlist_page_is_accessible_and_valid_html(Viewport viewport, string suffix)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var patient = await browser.NewPageAsync(viewport, javaScript: false);
        await patient.GotoAsync("/waitlist?treatment=pico-laser&practitioner=any");
        await patient.FillAsync("#FirstDay", day);
        await patient.FillAsync("#LastDay", day);
        await patient.FillAsync("#Name", "Test Staff View Patient");
        await patient.FillAsync("#Email", $"staff.view.{suffix}@example.com");
        await patient.FillAsync("#Phone", suffix == "phone" ? "012-555 0003" : "012-555 0004");
        await patient.CheckAsync("#Consent");
        await patient.Locator("form[data-waitlist-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(patient.Locator("h1")).ToHaveTextAsync("You are on the waitlist");

        var account = await StaffAccounts.CreateAsync(browser.Site, StaffRoles.Staff);
        var page = await browser.NewPageAsync(viewport);
        await page.GotoAsync("/admin/account/sign-in");
        await page.FillAsync("#Email", account.Email);
        await page.FillAsync("#Password", account.Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        var committed = new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit };
        await page.WaitForURLAsync(url => url.Contains("/sign-in/code", StringComparison.Ordinal), committed);
        await page.FillAsync("#Code", await Totp.FreshCodeAsync(account.AuthenticatorKey!));
        await page.Locator("#sign-in-code-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), committed);

        var response = await page.GotoAsync($"/admin/waitlist?date={day}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("#waitlist-entries")).ToContainTextAsync("Test Staff View Patient");
        await Checkers.AssertAccessibleAsync(page);
        await Screenshots.KeepIfAskedAsync(page, $"admin-waitlist-{suffix}.png");
        await Checkers.AssertValidHtmlAsync(new Dictionary<string, string> { ["admin-waitlist"] = await response.TextAsync() });
        await patient.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
