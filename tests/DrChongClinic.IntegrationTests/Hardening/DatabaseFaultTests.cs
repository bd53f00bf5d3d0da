using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>The database file unavailable: a friendly 503, then the site carries on by itself.</summary>
public sealed class DatabaseFaultTests(BookingFactory site) : IClassFixture<BookingFactory>
{
    private readonly BookingFactory _site = site;

    [Theory]
    [InlineData("/book?treatment=pico-laser&practitioner=any&date=2026-12-08", "We are briefly unavailable")]
    [InlineData("/ms/tempah?treatment=pico-laser&practitioner=any&date=2026-12-08", "Kami tidak dapat dihubungi buat seketika")]
    public async Task A_locked_database_gives_a_friendly_503_in_the_pages_language_and_the_site_recovers(string url, string title)
    {
        var client = _site.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        using (DatabaseFiles.TakeAway(_site.DatabasePath))
        {
            var locked = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
            Assert.Equal("30", Assert.Single(locked.Headers.GetValues("Retry-After")));
            var page = await Html.ReadAsync(locked);
            Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
            Assert.DoesNotContain("SqliteException", page.Source.Text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
