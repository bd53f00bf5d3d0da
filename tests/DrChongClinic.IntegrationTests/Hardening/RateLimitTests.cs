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

        var third = await client.BookAsync(BookingSteps.Patient("2026-12-09T11:00"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.Contains("Too many requests in a short time", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(count, await site.AppointmentCountAsync());
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
