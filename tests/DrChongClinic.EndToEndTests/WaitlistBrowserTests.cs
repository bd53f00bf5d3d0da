using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrChongClinic.Application.Staff;
using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests;

/// <summary>The browser site sending email to an in-process SMTP server, with the waitlist and outbox passes running every second.</summary>
public sealed class WaitlistBrowserSite : BrowserSite
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void Configure(ClinicFactory site) => site
        .With("Email:Host", "127.0.0.1")
        .With("Email:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
        .With("Email:Security", "None")
        .With("Email:From", "bookings@drchong.test")
        .With("Email:ClinicInbox", "frontdesk@drchong.test")
        .With("Waitlist:PassInterval", "00:00:01")
        .With("Email:PollInterval", "00:00:01")
        .With("Email:RetryBackoff", "00:00:00.200");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// A patient joins the waitlist from the booking page and claims the time it offers, with JavaScript switched off, on a
/// phone and on a desktop; staff see the entry on their waitlist page. Every page is accessible (axe, 0 serious) and valid
/// HTML (vnu, 0 errors).
/// <para>
/// Every wait is bounded in seconds, so a failure fails fast: Playwright's actions and navigations (<see cref="StepTimeout"/>),
/// each email (<see cref="EmailTimeout"/>, the passes run every second) and each checker run. The journey's first version
/// hung past 4 minutes: it ran axe in the JavaScript-less page itself, and with scripts switched off the promise of
/// <c>axe.run</c> never settles, so <c>EvaluateAsync</c> (which has no timeout of its own) waited for ever. Here axe runs
/// in a second page with scripts on that loads the same addresses (GETs only; the claim and the join are posted by the
/// JavaScript-less page). Its day was also fixed (today + 20), which can be a day the clinic is closed, when no offer
/// ever comes: the day is now one the booking page lists as having free times.
/// </para>
/// </summary>
public sealed partial class WaitlistBrowserTests(WaitlistBrowserSite browser) : IClassFixture<WaitlistBrowserSite>
{
    /// <summary>Any one click, fill, navigation or expectation.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);

    /// <summary>An email: the waitlist and outbox passes run every second, so this is many passes.</summary>
    private static readonly TimeSpan EmailTimeout = TimeSpan.FromSeconds(20);

    /// <summary>axe on one page, or one vnu run (a JVM start) over all the pages.</summary>
    private static readonly TimeSpan CheckerTimeout = TimeSpan.FromSeconds(45);

    [Theory(Timeout = 150_000)]
    [InlineData(Viewport.Desktop, "desktop", 14, "012-555 0001")]
    [InlineData(Viewport.Phone, "phone", 21, "012-555 0002")]
    public async Task Patient_joins_from_the_booking_page_without_javascript_and_claims_the_offered_time(Viewport viewport, string suffix, int daysAhead, string phone)
    {
        var page = await BoundedPageAsync(viewport, javaScript: false);
        var checker = await BoundedPageAsync(viewport, javaScript: true);
        var email = $"waiting.{Guid.NewGuid():N}@example.com";
        var day = await DayWithFreeTimesAsync(checker, daysAhead);
        var sources = new Dictionary<string, string>();

        await page.GotoAsync($"/book?treatment=consultation&practitioner=any&date={day}");
        await page.Locator(".waitlist-link a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Join the waitlist");
        var joinPath = new Uri(page.Url).PathAndQuery;
        sources["join"] = await CheckAsync(checker, joinPath);
        await Screenshots.KeepIfAskedAsync(page, $"waitlist-join-{suffix}.png");

        await page.FillAsync("#FirstDay", day);
        await page.FillAsync("#LastDay", day);
        await page.FillAsync("#Name", "Test Waiting Patient");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Phone", phone);
        await page.CheckAsync("#Consent");
        await page.Locator("form[data-waitlist-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You are on the waitlist");
        sources["joined"] = await CheckAsync(checker, new Uri(page.Url).PathAndQuery);

        // The pass offers the day's first free time (one open offer per patient): the joined email, then the offer.
        var emails = await browser.Smtp.WaitForAsync(email, count: 2, timeout: EmailTimeout);
        var offer = Assert.Single(emails, m => m.Subject.Contains("freed up", StringComparison.Ordinal));
        var claimPath = new Uri(OfferLink().Match(offer.Text).Value).PathAndQuery;
        var leavePath = new Uri(LeaveLink().Match(offer.Text).Value).PathAndQuery;

        await page.GotoAsync(claimPath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("A time has freed up for you");
        sources["offer"] = await CheckAsync(checker, claimPath);
        await Screenshots.KeepIfAskedAsync(page, $"waitlist-offer-{suffix}.png");

        // The claim: a POST answered with a redirect to the booking's manage page (waited for by its address).
        await page.Locator("form[data-claim-form] button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("done=booked", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".notice-success")).ToBeVisibleAsync();
        var managePath = new Uri(page.Url).PathAndQuery;
        Assert.Contains("/book/manage/", managePath, StringComparison.Ordinal);
        sources["manage"] = await CheckAsync(checker, managePath);
        await Screenshots.KeepIfAskedAsync(page, $"waitlist-claimed-{suffix}.png");
        var booked = await browser.Smtp.WaitForAsync(email, count: 3, timeout: EmailTimeout); // the booking's own email
        Assert.Single(booked, m => m.Subject.Contains("booking request", StringComparison.Ordinal) || m.Subject.Contains("is confirmed", StringComparison.Ordinal));

        // The offer link now shows the booking made, and the leave page still answers (the entry is booked).
        await page.GotoAsync(claimPath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You have booked this time");
        await page.GotoAsync(leavePath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Leave the waitlist");
        sources["leave"] = await CheckAsync(checker, leavePath);

        browser.AssertNoConsoleErrors(page);
        browser.AssertNoConsoleErrors(checker);
        await Checkers.AssertValidHtmlAsync(sources).WaitAsync(CheckerTimeout);
        await page.Context.CloseAsync();
        await checker.Context.CloseAsync();
    }

    [Theory(Timeout = 90_000)]
    [InlineData(Viewport.Desktop, "desktop")]
    [InlineData(Viewport.Phone, "phone")]
    public async Task Staff_waitlist_page_is_accessible_and_valid_html(Viewport viewport, string suffix)
    {
        // A day the clinic is open: today + 30 fell on a Sunday (3 January 2027) and the waitlist rightly refused it.
        var patient = await BoundedPageAsync(viewport, javaScript: false);
        var day = await DayWithFreeTimesAsync(patient, 30);
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
        var page = await BoundedPageAsync(viewport, javaScript: true);
        await page.SignInAsStaffAsync(account);

        var response = await page.GotoAsync($"/admin/waitlist?date={day}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("#waitlist-entries")).ToContainTextAsync("Test Staff View Patient");
        await Checkers.AssertAccessibleAsync(page).WaitAsync(CheckerTimeout);
        await Screenshots.KeepIfAskedAsync(page, $"admin-waitlist-{suffix}.png");
        await Checkers.AssertValidHtmlAsync(new Dictionary<string, string> { ["admin-waitlist"] = await response.TextAsync() }).WaitAsync(CheckerTimeout);
        await patient.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>A page whose every action, navigation and expectation gives up after <see cref="StepTimeout"/>.</summary>
    private async Task<IPage> BoundedPageAsync(Viewport viewport, bool javaScript)
    {
        var page = await browser.NewPageAsync(viewport, javaScript);
        page.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)StepTimeout.TotalMilliseconds);
        return page;
    }

    /// <summary>
    /// The first day from <paramref name="daysAhead"/> on that has free consultation times (the slot list the booking page
    /// reads): a fixed "today + n" may be a day the clinic is closed, and then no offer ever comes.
    /// </summary>
    private static async Task<string> DayWithFreeTimesAsync(IPage page, int daysAhead)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        for (var i = daysAhead; i < daysAhead + 14; i++)
        {
            var day = today.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var response = await page.Context.APIRequest.GetAsync($"/book/slots?treatment=consultation&practitioner=any&date={day}");
            using var json = JsonDocument.Parse(await response.TextAsync());
            if (json.RootElement.GetProperty("times").GetArrayLength() > 0)
            {
                return day;
            }
        }

        throw new InvalidOperationException($"no day with free consultation times from today + {daysAhead}");
    }

    /// <summary>
    /// Loads <paramref name="path"/> (a GET) in the page with scripts on, runs axe there, and returns the HTML as the server
    /// sent it for vnu. Bounded: axe's promise never settling must fail the test, not hang it.
    /// </summary>
    private static async Task<string> CheckAsync(IPage checker, string path)
    {
        var response = await checker.GotoAsync(path);
        Assert.NotNull(response);
        await Checkers.AssertAccessibleAsync(checker).WaitAsync(CheckerTimeout);
        return await response.TextAsync();
    }

    [GeneratedRegex(@"https?://\S+/waitlist/offer/[A-Za-z0-9_-]{43}")]
    private static partial Regex OfferLink();

    [GeneratedRegex(@"https?://\S+/waitlist/leave/[A-Za-z0-9_-]{43}")]
    private static partial Regex LeaveLink();
}
