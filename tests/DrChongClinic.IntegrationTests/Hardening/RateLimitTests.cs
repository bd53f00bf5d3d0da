using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>Low limits (set in <see cref="Site"/>) so a test can reach them; each test uses its own limit.</summary>
public sealed class RateLimitTests(RateLimitTests.Site site) : IClassFixture<RateLimitTests.Site>
{
    [Fact]
    public async Task Booking_submissions_over_the_limit_are_refused_and_store_nothing()
    {
        var client = site.Browser();
        var first = await client.BookAsync(BookingSteps.Patient("2026-12-09T09:00"));
        var second = await client.BookAsync(BookingSteps.Patient("2026-12-09T10:00"));
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        var count = await site.AppointmentCountAsync();

        var typed = BookingSteps.Patient("2026-12-09T11:00", name: "Siti Hajar binti Osman", email: "siti.hajar@example.com");
        typed["Phone"] = "+65 9123 4567";
        var third = await client.BookAsync(typed);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var retryAfter = int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 541, 600); // the ten-minute window, not "a minute"
        var page = await Html.ReadAsync(third);
        Assert.Equal("Too many booking attempts from this device", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Please wait 10 minutes", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("wait a minute", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Siti Hajar binti Osman", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal("siti.hajar@example.com", page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal("+65 9123 4567", page.QuerySelector("input[name=Phone]")!.GetAttribute("value"));
        Assert.Equal("First visit, rolling scars on both cheeks.", page.QuerySelector("textarea[name=Notes]")!.TextContent.Trim());
        Assert.Equal("2026-12-09T11:00", page.QuerySelector("input[name=Slot]")!.GetAttribute("value"));
        Assert.Equal("pico-laser", page.QuerySelector("input[name=Treatment]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=Consent][checked]"));
        Assert.Contains("Wednesday, 9 December 2026, 11:00 am", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(count, await site.AppointmentCountAsync());
    }

    [Fact]
    public async Task Other_pages_over_their_limit_say_the_true_wait_in_the_pages_language()
    {
        var client = TestClientAddress.From(site.Browser(), "198.51.100.61"); // its own count, apart from the other tests
        for (var i = 0; i < 4; i++)
        {
            await client.GetAsync($"/ms/tempah/urus/wait{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        }

        var refused = await client.GetAsync("/ms/tempah/urus/waitAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var text = (await Html.ReadAsync(refused)).QuerySelector("main")!.TextContent;
        Assert.Contains("Sila tunggu 10 minit dan cuba lagi.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tidak hilang", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_manage_links_is_slowed_to_a_few_tries_then_429()
    {
        var client = site.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.GetAsync($"/book/manage/guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], statuses.Take(4));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(4));
    }

    [Fact]
    public async Task Guessing_diary_addresses_is_slowed_to_a_few_tries_then_429()
    {
        var client = site.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.GetAsync($"{(i % 2 == 0 ? "/diary" : "/ms/diari")}/guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], statuses.Take(4));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(4));
    }

    [Fact]
    public async Task Staff_sign_in_attempts_over_the_limit_get_429_even_with_the_right_password()
    {
        var account = await StaffAccounts.CreateAsync(site, "Staff");
        var client = site.CreateBrowser(followRedirects: false);
        for (var i = 0; i < 3; i++)
        {
            var wrong = await StaffAccounts.SubmitPasswordAsync(client, $"nobody{i}@drchong.test", "Wrong-Password-2026");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var refused = await StaffAccounts.SubmitPasswordAsync(client, account.Email, account.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("RateLimits:Booking:PermitLimit", "2");
            With("RateLimits:Booking:Window", "00:10:00");
            With("RateLimits:ManageLink:PermitLimit", "4");
            With("RateLimits:ManageLink:Window", "00:10:00");
            With("RateLimits:DiaryFeed:PermitLimit", "4");
            With("RateLimits:DiaryFeed:Window", "00:10:00");
            With("RateLimits:SignIn:PermitLimit", "3");
            With("RateLimits:SignIn:Window", "00:10:00");
        }
    }
}

public sealed class SlotLookupRateLimitTests(SlotLookupRateLimitTests.Site site) : IClassFixture<SlotLookupRateLimitTests.Site>
{
    [Fact]
    public async Task Free_time_look_ups_over_the_limit_get_a_friendly_429_page_with_retry_after()
    {
        var client = site.Browser();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.GetAsync(i % 2 == 0 ? "/book/slots?treatment=pico-laser&practitioner=any&date=2026-12-08" : "/book?treatment=pico-laser&date=2026-12-08");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.GetAsync("/ms/tempah?treatment=pico-laser&date=2026-12-08");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        var page = await Html.ReadAsync(refused);
        Assert.Equal("ms", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Terlalu banyak permintaan dalam masa yang singkat", page.QuerySelector("h1")!.TextContent.Trim());
    }

    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("RateLimits:Slots:PermitLimit", "3");
            With("RateLimits:Slots:Window", "00:10:00");
        }
    }
}

/// <summary>Its own site, so its look-ups are not counted with the other class's.</summary>
public sealed class SlotJsonRateLimitTests(SlotLookupRateLimitTests.Site site) : IClassFixture<SlotLookupRateLimitTests.Site>
{
    [Fact]
    public async Task Free_time_json_over_the_limit_gets_a_json_429_that_booking_js_can_show()
    {
        var client = site.Browser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ms/tempah/slot?treatment=pico-laser&practitioner=any&date=2026-12-08")).StatusCode);
        }

        var refused = await client.GetAsync("/ms/tempah/slot?treatment=pico-laser&practitioner=any&date=2026-12-08");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/json", refused.Content.Headers.ContentType!.MediaType);
        Assert.NotEmpty(refused.Headers.GetValues("Retry-After"));
        using var json = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Sila tunggu 10 minit dan cuba lagi.", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
