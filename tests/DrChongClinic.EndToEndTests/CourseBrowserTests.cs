using DrChongClinic.Application.Staff;
using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests;

/// <summary>The browser site with pico laser given as a course of 3 sessions, 4 to 6 weeks apart (test settings).</summary>
public sealed class CourseBrowserSite : BrowserSite, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Site.ChangeScheduleDirectlyAsync(db => db.Treatments.Where(t => t.Code == "pico-laser").ExecuteUpdateAsync(set => set
            .SetProperty(t => t.CourseSessions, 3).SetProperty(t => t.CourseMinWeeks, 4).SetProperty(t => t.CourseMaxWeeks, 6)));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync();
}

/// <summary>
/// Treatment courses in a real browser with JavaScript switched off, on a phone and on a desktop: a patient books the
/// rest of a course from the confirmation page and sees every session on the manage page, and moves session 2 from
/// the course page its own manage page sends it to; staff book the rest of a course for a phone-in from the booking detail page. Every page reached is
/// checked with axe (0 serious) and vnu (0 errors), in English and Malay; with DRCHONG_SCREENSHOTS_DIR set they are kept
/// as docs/screenshots/course-*.png and admin-course-*.png. Every wait is bounded to seconds.
/// </summary>
/// <remarks>
/// axe and the screenshot's height run script in the page, and Chromium never answers a script evaluation in a context
/// with JavaScript switched off (the call waits forever, beyond any Playwright timeout). So the journey is clicked with
/// JavaScript off, and each page it reaches is opened again by a second page with JavaScript on (same cookies) to be
/// checked and captured.
/// </remarks>
public sealed class CourseBrowserTests(CourseBrowserSite browser) : IClassFixture<CourseBrowserSite>
{
    private const float Wait = 15_000;
    private static readonly TimeSpan CheckLimit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(Viewport.Phone, "phone", 1)]
    [InlineData(Viewport.Desktop, "desktop", 2)]
    public async Task Patient_books_the_rest_of_a_course_from_the_confirmation_page_and_sees_every_session(Viewport viewport, string suffix, int nthDate)
    {
        var page = await NoScriptPageAsync(viewport);
        var checker = await CheckerAsync(viewport);
        var sources = new Dictionary<string, string>();

        // The first session, booked the ordinary way.
        await page.GotoAsync("/book?treatment=pico-laser");
        await page.Locator("[data-day-list] a[data-date]").Nth(nthDate).ClickAsync();
        await page.Locator("label.time").First.ClickAsync();
        await page.FillAsync("#Name", "Test Course Patient");
        await page.FillAsync("#Email", $"course.{suffix}.{Guid.NewGuid():N}@example.com");
        await page.FillAsync("#Phone", suffix == "phone" ? "012-555 0101" : "012-555 0102");
        await page.CheckAsync("#Consent");
        await page.Locator("form[data-booking-form] button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("done=booked", StringComparison.Ordinal));
        var manage = new Uri(page.Url).AbsolutePath;
        var token = manage[(manage.LastIndexOf('/') + 1)..];

        // The confirmation offers the rest of the course.
        var offer = page.Locator("#course a.button");
        await Assertions.Expect(offer).ToHaveTextAsync("Book the remaining 2 sessions");
        await CheckAsync(checker, PathOf(page), $"course-offer-{suffix}", sources);
        await offer.ClickAsync();

        // The proposal: one choice per later session, at the same weekday and time where it can be.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your treatment course");
        await Assertions.Expect(page.Locator("#proposal select")).ToHaveCountAsync(2);
        await CheckAsync(checker, PathOf(page), $"course-proposal-{suffix}", sources);
        await page.Locator("#proposal form button[type=submit]:not([name])").ClickAsync();

        // Back on the manage page: the whole course, three sessions.
        await page.WaitForAddressAsync(url => url.Contains("done=course", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#course .notice-success")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#course .course-sessions li")).ToHaveCountAsync(3);
        await CheckAsync(checker, PathOf(page), $"course-manage-{suffix}", sources);

        // The booked course page, with a move choice per later session.
        await page.Locator("#course a", new() { HasText = "Change a session's time" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sessions .course-sessions > li")).ToHaveCountAsync(3);
        await CheckAsync(checker, PathOf(page), $"course-booked-{suffix}", sources);

        // Session 2's own manage page offers no times of its own (they would include dates that break the weeks between
        // sessions): it sends the patient to the course page, where session 2 moves within its weeks.
        await page.GotoAsync(manage);
        var sessionTwo = await page.Locator("#course a", new() { HasText = "Open session 2" }).GetAttributeAsync("href");
        await checker.GotoAsync(sessionTwo!).WaitAsync(CheckLimit);
        await Assertions.Expect(checker.Locator("#reschedule")).ToContainTextAsync("This is session 2 of your course");
        await Assertions.Expect(checker.Locator("#reschedule input[type=radio], #reschedule [data-day-list]")).ToHaveCountAsync(0);
        await Checkers.AssertAccessibleAsync(checker).WaitAsync(CheckLimit);
        await KeepPartAsync(checker, "#reschedule", $"course-session-reschedule-{suffix}");
        sources["session-two"] = await checker.ContentAsync().WaitAsync(CheckLimit);
        await checker.Locator("#reschedule a", new() { HasText = "Change a time in your course" }).ClickAsync().WaitAsync(CheckLimit);
        await Assertions.Expect(checker.Locator("#move-form-2")).ToBeAttachedAsync();
        await checker.Locator("details:has(#move-form-2) summary").ClickAsync().WaitAsync(CheckLimit);
        await checker.Locator("#move-form-2 select").SelectOptionAsync(new SelectOptionValue { Index = 0 }).WaitAsync(CheckLimit);
        await checker.Locator("#move-form-2 button[type=submit]").ClickAsync().WaitAsync(CheckLimit);
        await checker.WaitForURLAsync(url => url.Contains("done=moved", StringComparison.Ordinal)).WaitAsync(CheckLimit);
        await Assertions.Expect(checker.Locator(".notice-success")).ToBeVisibleAsync();

        // The same pages in Malay.
        foreach (var path in new[] { $"/ms/tempah/urus/{token}", $"/ms/tempah/urus/{token}/kursus" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ms");
            await Assertions.Expect(page.Locator("#course, #sessions").First).ToContainTextAsync("Sesi 3");
            await CheckAsync(checker, path, path.EndsWith("kursus", StringComparison.Ordinal) ? $"course-booked-ms-{suffix}" : $"course-manage-ms-{suffix}", sources);
        }

        browser.AssertNoConsoleErrors(checker);
        await Checkers.AssertValidHtmlAsync(sources);
        await page.Context.CloseAsync();
        await checker.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Viewport.Desktop, "desktop", 10)]
    [InlineData(Viewport.Phone, "phone", 11)]
    public async Task Staff_book_the_rest_of_a_course_for_a_phone_in_from_the_booking_detail_page(Viewport viewport, string suffix, int hour)
    {
        var first = await FirstSessionAsync(hour);
        var account = await StaffAccounts.CreateAsync(browser.Site, StaffRoles.Staff);
        var page = await NoScriptPageAsync(viewport);
        await page.SignInAsStaffAsync(account);
        var checker = await CheckerAsync(viewport);
        await ShareCookiesAsync(page, checker);
        var sources = new Dictionary<string, string>();

        await page.GotoAsync($"/admin/bookings/{first}");
        await page.Locator(".course-link a", new() { HasText = "Book the remaining 2 sessions" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Treatment course");
        await Assertions.Expect(page.Locator("#proposal select")).ToHaveCountAsync(2);
        await CheckAsync(checker, PathOf(page), $"admin-course-proposal-{suffix}", sources);

        await page.Locator("#proposal form button[type=submit]:not([name])").ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith($"/admin/bookings/{first}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("The course is booked");
        var sessions = await browser.Site.WithDbAsync(db => db.Appointments.Where(a => a.CourseId == first).OrderBy(a => a.CourseSession).ToListAsync());
        Assert.Equal([1, 2, 3], sessions.Select(s => s.CourseSession ?? 0));
        Assert.All(sessions, s => Assert.Equal(sessions[0].PractitionerId, s.PractitionerId));

        await page.Locator(".course-link a").ClickAsync();
        await Assertions.Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(3);
        await CheckAsync(checker, PathOf(page), $"admin-course-{suffix}", sources);

        var treatment = await browser.Site.WithDbAsync(db => db.Treatments.Where(t => t.Code == "pico-laser").Select(t => t.Id).SingleAsync());
        await page.GotoAsync($"/admin/schedule/treatments/{treatment}");
        await Assertions.Expect(page.Locator("#CourseSessions")).ToHaveValueAsync("3");
        await CheckAsync(checker, PathOf(page), $"admin-treatment-course-{suffix}", sources, "#course-settings");

        // The same pages with the staff area in Malay (the switch is a form: the cookie goes to the checker too).
        await page.Locator("#admin-language-form button").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ms");
        await ShareCookiesAsync(page, checker);
        await CheckAsync(checker, PathOf(page), $"admin-treatment-course-ms-{suffix}", sources, "#course-settings");
        await page.GotoAsync($"/admin/bookings/{first}/course");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kursus rawatan");
        await CheckAsync(checker, PathOf(page), $"admin-course-ms-{suffix}", sources);

        browser.AssertNoConsoleErrors(checker);
        await Checkers.AssertValidHtmlAsync(sources);
        await page.Context.CloseAsync();
        await checker.Context.CloseAsync();
    }

    private static async Task ShareCookiesAsync(IPage from, IPage to) =>
        await to.Context.AddCookiesAsync((await from.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));

    /// <summary>Keeps a screenshot of one part of a long page (the whole page is cut off above it) when DRCHONG_SCREENSHOTS_DIR is set.</summary>
    private static async Task KeepPartAsync(IPage page, string selector, string name)
    {
        var kept = Environment.GetEnvironmentVariable("DRCHONG_SCREENSHOTS_DIR");
        if (!string.IsNullOrEmpty(kept))
        {
            var folder = Directory.CreateDirectory(Path.GetFullPath(kept, RepositoryRoot.Path)).FullName;
            await page.Locator(selector).ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), Animations = ScreenshotAnimations.Disabled }).WaitAsync(CheckLimit);
        }
    }

    private static string PathOf(IPage page) => new Uri(page.Url).PathAndQuery;

    private async Task<IPage> NoScriptPageAsync(Viewport viewport)
    {
        var page = await browser.NewPageAsync(viewport, javaScript: false);
        page.SetDefaultTimeout(Wait);
        page.SetDefaultNavigationTimeout(Wait);
        return page;
    }

    private async Task<IPage> CheckerAsync(Viewport viewport)
    {
        var page = await browser.NewPageAsync(viewport);
        page.SetDefaultTimeout(Wait);
        page.SetDefaultNavigationTimeout(Wait);
        return page;
    }

    /// <summary>Opens the page with JavaScript on, runs axe, keeps the screenshot (scrolled to <paramref name="anchor"/>) and the HTML for vnu.</summary>
    private static async Task CheckAsync(IPage checker, string path, string name, Dictionary<string, string> sources, string? anchor = null)
    {
        var response = await checker.GotoAsync(path).WaitAsync(CheckLimit);
        Assert.Equal(200, response!.Status);
        await Checkers.AssertAccessibleAsync(checker).WaitAsync(CheckLimit);
        if (anchor is not null)
        {
            await KeepPartAsync(checker, anchor, name);
        }
        else
        {
            await Screenshots.KeepIfAskedAsync(checker, $"{name}.png").WaitAsync(CheckLimit);
        }
        sources[name] = await response.TextAsync().WaitAsync(CheckLimit);
    }

    /// <summary>A phone-in's first session of pico laser (a made-up patient) on a weekday two weeks on, at the given hour.</summary>
    private async Task<int> FirstSessionAsync(int hour)
    {
        var (doctor, treatment) = await browser.Site.WithDbAsync(async db => (
            await db.Practitioners.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.Treatments.Where(t => t.Code == "pico-laser").Select(t => t.Id).SingleAsync()));
        var day = TestBookings.NextWeek(DayOfWeek.Wednesday).AddDays(7);
        var appointment = await TestBookings.BookAsync(browser.Site, doctor, treatment, TestBookings.ClinicTime(day, hour), patientName: "Test Phone Patient");
        return appointment.Id;
    }
}
