using System.Buffers.Binary;
using System.Net;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Content;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>What makes an article trustworthy on the page: who reviewed it and when, structured data for only what
/// is shown, the reading order, and the picture a shared link carries.</summary>
public sealed class ArticleTrustTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private ArticleLibrary Library => factory.Services.GetRequiredService<ArticleStore>().Library;

    [Theory]
    [InlineData("/articles/pico-laser", "Medically reviewed by Test Reviewer, MBBS (test settings)", "Last reviewed 20 November 2026", "Next review 20 November 2027")]
    [InlineData("/ms/artikel/laser-pico", "Disemak dari segi perubatan oleh Test Reviewer, MBBS (test settings)", "Semakan terakhir 20 November 2026", "Semakan seterusnya 20 November 2027")]
    public async Task The_article_names_its_reviewer_from_the_settings_and_its_review_dates(string url, string reviewer, string last, string next)
    {
        var page = await _client.GetPageAsync(url);

        var line = Normalize(page.QuerySelector(".article-review")!.TextContent);
        Assert.Contains(reviewer, line, StringComparison.Ordinal);
        Assert.Contains(last, line, StringComparison.Ordinal);
        Assert.Contains(next, line, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".placeholder-badge"));
    }

    [Fact]
    public async Task Every_article_shows_a_reviewer_and_tells_search_engines_who_reviewed_it_and_when()
    {
        foreach (var article in Library.All)
        {
            var page = await _client.GetPageAsync(SitePaths.Article(article));

            Assert.Contains("Test Reviewer", page.QuerySelector(".article-reviewer")!.TextContent, StringComparison.Ordinal);
            var webPage = SearchEngineTests.JsonLd(page)["MedicalWebPage"];
            var reviewedBy = webPage.GetProperty("reviewedBy");
            Assert.Equal("Person", reviewedBy.GetProperty("@type").GetString());
            Assert.Equal("Test Reviewer", reviewedBy.GetProperty("name").GetString());
            Assert.Equal("MBBS (test settings)", reviewedBy.GetProperty("honorificSuffix").GetString());
            Assert.Equal("2026-11-20", webPage.GetProperty("lastReviewed").GetString());
        }
    }

    [Fact]
    public async Task Faq_structured_data_only_holds_questions_that_are_on_the_page()
    {
        var withFaq = 0;
        foreach (var article in Library.All)
        {
            var page = await _client.GetPageAsync(SitePaths.Article(article));
            if (!SearchEngineTests.JsonLd(page).TryGetValue("FAQPage", out var faq))
            {
                Assert.Empty(article.Faq);
                continue;
            }

            withFaq++;
            var headings = page.QuerySelectorAll(".prose h3").Select(h => Normalize(h.TextContent)).ToList();
            var questions = faq.GetProperty("mainEntity").EnumerateArray().Select(q => q.GetProperty("name").GetString()!).ToList();
            Assert.Equal(article.Faq.Count, questions.Count);
            Assert.All(questions, question => Assert.Contains(question, headings));
        }

        Assert.True(withFaq >= 10, $"only {withFaq} articles have FAQ structured data");
    }

    [Theory]
    [InlineData("/articles", "/articles/what-are-pockmarks", "/articles/pockmark-faq")]
    [InlineData("/ms/artikel", "/ms/artikel/apa-itu-lubang-jerawat", "/ms/artikel/soalan-lazim-lubang-jerawat")]
    public async Task The_article_list_follows_the_reading_order(string url, string first, string last)
    {
        var page = await _client.GetPageAsync(url);

        var links = page.QuerySelectorAll(".article-card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(14, links.Count);
        Assert.Equal(first, links[0]);
        Assert.Equal(last, links[^1]);
        var language = url.StartsWith("/ms", StringComparison.Ordinal) ? "ms" : "en";
        Assert.Equal(Library.InLanguage(language).OrderBy(a => a.Order).Select(SitePaths.Article), links);
    }

    [Fact]
    public async Task Every_article_and_the_home_page_carry_a_1200_by_630_share_picture_with_alt_text()
    {
        var pages = Library.All.Select(SitePaths.Article).Concat(["/", "/ms"]).ToList();
        foreach (var url in pages)
        {
            var page = await _client.GetPageAsync(url);
            string Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content") ?? throw new Xunit.Sdk.XunitException($"{url} has no {selector}");

            var image = new Uri(Meta("meta[property='og:image']"));
            Assert.StartsWith(ClinicFactory.PublicBaseUrl + "/content/images/share/", image.AbsoluteUri, StringComparison.Ordinal);
            Assert.Equal(image.AbsoluteUri, Meta("meta[name='twitter:image']"));
            Assert.Equal("summary_large_image", Meta("meta[name='twitter:card']"));
            Assert.Equal("1200", Meta("meta[property='og:image:width']"));
            Assert.Equal("630", Meta("meta[property='og:image:height']"));
            Assert.True(Meta("meta[property='og:image:alt']").Length > 20, $"{url}: the share picture needs alt text");
            Assert.Equal(Meta("meta[property='og:image:alt']"), Meta("meta[name='twitter:image:alt']"));

            var file = Path.Combine(RepositoryRoot.Path, "content", "images", Uri.UnescapeDataString(image.AbsolutePath["/content/images/".Length..]));
            Assert.True(File.Exists(file), $"{url}: {file} does not exist");
            Assert.Equal((1200, 630), PngSize(File.ReadAllBytes(file)));

            // The same picture as the site serves it, kept for a year at its versioned address.
            var response = await _client.GetAsync(image.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        }
    }

    [Fact]
    public async Task Each_language_shares_its_own_picture()
    {
        var english = await _client.GetPageAsync("/articles/pico-laser");
        var malay = await _client.GetPageAsync("/ms/artikel/laser-pico");

        Assert.Contains("/share/en-pico-laser.png", english.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Contains("/share/ms-pico-laser.png", malay.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Contains("Pico laser for acne scars", english.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Contains("artikel daripada Klinik Dr Chong", malay.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
