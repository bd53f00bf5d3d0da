using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Home;

/// <summary>The home page in both languages: who the clinic is, the three scar types, treatments from the database, a way to book.</summary>
public sealed class HomePageTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/", "en", "/articles/types-of-acne-scars", "/book?treatment=consultation")]
    [InlineData("/ms", "ms", "/ms/artikel/jenis-parut-jerawat", "/ms/tempah?treatment=consultation")]
    public async Task Home_page_shows_the_three_scar_types_with_alt_text_and_links_to_their_article(string url, string language, string scarTypesArticle, string book)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        var pictures = page.QuerySelectorAll(".scar-types img");
        Assert.Equal(
            ["/content/images/ice-pick-scar.svg", "/content/images/boxcar-scar.svg", "/content/images/rolling-scar.svg"],
            pictures.Select(p => p.GetAttribute("src")!.Split('?')[0]));
        Assert.All(pictures, p => Assert.True(p.GetAttribute("alt")!.Length > 30, "each drawing is described"));
        Assert.NotNull(page.QuerySelector($"a[href='{scarTypesArticle}']"));
        Assert.NotNull(page.QuerySelector($".hero a.button[href='{book}']"));
        Assert.Contains("LCP", page.QuerySelector(".hero")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scar_drawings_are_served_by_the_site_itself()
    {
        var response = await _client.GetAsync("/content/images/rolling-scar.svg");

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pictures_are_asked_for_with_their_version_and_then_cached_for_a_year()
    {
        var page = await _client.GetPageAsync("/");
        var src = page.QuerySelectorAll(".scar-types img").Select(p => p.GetAttribute("src")!).First(s => s.Contains("rolling-scar", StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "content", "images", "rolling-scar.svg"));
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..10];
        Assert.Equal($"/content/images/rolling-scar.svg?v={version}", src);

        var current = await _client.GetAsync(src);
        var old = await _client.GetAsync("/content/images/rolling-scar.svg?v=0000000000");
        var plain = await _client.GetAsync("/content/images/rolling-scar.svg");

        Assert.Equal("public, max-age=31536000, immutable", current.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=86400", old.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=86400", plain.Headers.CacheControl!.ToString());
        Assert.Equal(bytes, await current.Content.ReadAsByteArrayAsync());

        var article = await _client.GetPageAsync("/articles/types-of-acne-scars");
        var inArticle = article.QuerySelectorAll("article img").Select(p => p.GetAttribute("src")!).ToList();
        Assert.NotEmpty(inArticle);
        Assert.All(inArticle, s => Assert.Matches(@"^/content/images/[a-z-]+\.svg\?v=[0-9a-f]{10}$", s));
        Assert.Contains(src, inArticle);
    }

    [Theory]
    [InlineData("/", "Pico laser", "/treatments#pico-laser")]
    [InlineData("/ms", "Laser pico", "/ms/rawatan#pico-laser")]
    public async Task Home_page_lists_the_active_treatments_with_links_to_their_descriptions(string url, string name, string link)
    {
        var page = await _client.GetPageAsync(url);

        var treatment = page.QuerySelectorAll(".treatment-cards a").Single(a => a.TextContent.Trim() == name);
        Assert.Equal(link, treatment.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".visit table.hours"));
    }
}
