using System.Globalization;
using System.Text.RegularExpressions;
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
/// A patient joins the waitlist from the booking page and claims the time it offers, with JavaScript switched off, on a
/// phone and on a desktop; every page is accessible (axe) and valid HTML (vnu). Staff see the entry on their waitlist page.
/// </summary>
public sealed partial class WaitlistBrowserTests(WaitlistBrowserSite browser) : IClassFixture<WaitlistBrowserSite>
{
    [Theory]
    [InlineData(Viewport.Desktop, "desktop", 20, "012-555 0001")]
    [InlineData(Viewport.Phone, "phone", 24, "012-555 0002")]
    public async Task Patient_joins_from_the_booking_page_without_javascript_and_claims_the_offered_time(Viewport viewport, string suffix, int daysAhead, string phone)
    {
        var page = await browser.NewPageAsync(viewport, javaScript: false);
        var email = $"waiting.{Guid.NewGuid():N}@example.com";
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sources = new Dictionary<string, string>();

        await page.GotoAsync($"/book?treatment=consultation&practitioner=any&date={day}");
        await page.Locator(".waitlist-link a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Join the waitlist");
        await Checkers.AssertAccessibleAsync(page);
        sources["join"] = await Checkers.SourceAsync(page, new Uri(page.Url).PathAndQuery);
        await Screenshots.KeepIfAskedAsync(page, $"waitlist-join-{suffix}.png");

        await page.FillAsync("#FirstDay", day);
        await page.FillAsync("#LastDay", day);
        await page.UncheckAsync("input[name=Times][value=afternoon]");
        await page.UncheckAsync("input[name=Times][value=evening]");
        await page.FillAsync("#Name", "Test Waiting Patient");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Phone", phone);
        await page.CheckAsync("#Consent");
        await page.Locator("form[data-waitlist-form] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You are on the waitlist");
        await Checkers.AssertAccessibleAsync(page);
        sources["joined"] = await Checkers.SourceAsync(page, "/waitlist/joined");

        // The pass offers the first free morning time of that day (the seed clinic has free times): joined + offer emails.
        var emails = await browser.Smtp.WaitForAsync(email, count: 2, timeout: TimeSpan.FromSeconds(60));
        var offer = emails.Single(m => m.Subject.Contains("freed up", StringComparison.Ordinal));
        var claimPath = new Uri(OfferLink().Match(offer.Text).Value).PathAndQuery;
        var leavePath = new Uri(LeaveLink().Match(offer.Text).Value).PathAndQuery;

        await page.GotoAsync(claimPath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("A time has freed up for you");
        await Checkers.AssertAccessibleAsync(page);
        sources["offer"] = await Checkers.SourceAsync(page, claimPath);
        await Screenshots.KeepIfAskedAsync(page, $"waitlist-offer-{suffix}.png");
        await page.Locator("form[data-claim-form] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator(".notice-success")).ToBeVisibleAsync();
        Assert.Contains("/book/manage/", page.Url, StringComparison.Ordinal);
        await browser.Smtp.WaitForAsync(email, count: 3, timeout: TimeSpan.FromSeconds(60)); // the booking's own email

        await page.GotoAsync(leavePath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Leave the waitlist");
        await Checkers.AssertAccessibleAsync(page);
        sources["leave"] = await Checkers.SourceAsync(page, leavePath);

        browser.AssertNoConsoleErrors(page);
        await Checkers.AssertValidHtmlAsync(sources);
        await page.Context.CloseAsync();
    }

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

    [GeneratedRegex(@"https?://\S+/waitlist/offer/[A-Za-z0-9_-]{43}")]
    private static partial Regex OfferLink();

    [GeneratedRegex(@"https?://\S+/waitlist/leave/[A-Za-z0-9_-]{43}")]
    private static partial Regex LeaveLink();
}
