using System.Net;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Platform;

public sealed class SitePlatformTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Healthz_is_healthy_and_the_sqlite_file_is_created_and_seeded()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(factory.DatabasePath));
        var (treatments, practitioners, hours) = await factory.WithDbAsync(async db =>
            (await db.Treatments.CountAsync(), await db.Practitioners.CountAsync(), await db.WorkingHours.CountAsync()));
        Assert.Equal(7, treatments);
        Assert.True(practitioners >= 1);
        Assert.True(hours >= 6);
    }

    [Fact]
    public async Task Liveness_answers_without_touching_the_database()
    {
        var response = await _client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "en", "Pico laser", "Book an appointment")]
    [InlineData("/ms", "ms", "Laser pico", "Tempah temujanji")]
    public async Task Home_page_speaks_the_language_of_its_url_and_lists_seeded_treatments(string url, string lang, string treatment, string bookLabel)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(treatment, page.QuerySelector("main")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.TextContent.Trim() == bookLabel);
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.Contains("Monday", (await _client.GetPageAsync("/")).QuerySelector("footer")!.TextContent);
    }

    [Theory]
    [InlineData("/no-such-page", "We could not find that page")]
    [InlineData("/ms/tiada-halaman-ini", "Halaman itu tidak dapat ditemui")]
    [InlineData("/error/-1", "We could not find that page")]
    [InlineData("/error/0", "We could not find that page")]
    [InlineData("/error/200", "We could not find that page")]
    [InlineData("/error/1000", "We could not find that page")]
    [InlineData("/error", "We could not find that page")] // opened directly, not after an error: nothing went wrong
    [InlineData("/error/500", "We could not find that page")]
    [InlineData("/error/429", "We could not find that page")]
    public async Task Unknown_pages_get_a_friendly_localized_404(string url, string heading)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/ms", HttpStatusCode.OK)]
    [InlineData("/book", HttpStatusCode.OK)]
    [InlineData("/articles", HttpStatusCode.OK)]
    [InlineData("/robots.txt", HttpStatusCode.OK)]
    [InlineData("/sitemap.xml", HttpStatusCode.OK)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/book?treatment=botox", HttpStatusCode.BadRequest)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task Head_answers_as_get_would_so_monitors_and_link_checkers_see_the_pages(string url, HttpStatusCode status)
    {
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task A_crash_shows_a_friendly_500_without_a_stack_trace()
    {
        var response = await _client.GetAsync(ThrowingEndpointStartupFilter.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on our side", body);
        Assert.DoesNotContain("secret detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body.Replace(" at our", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_assets_are_served_from_the_site_itself()
    {
        var page = await _client.GetPageAsync("/");
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.StartsWith("/", stylesheet, StringComparison.Ordinal);
        var css = await _client.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }
}
