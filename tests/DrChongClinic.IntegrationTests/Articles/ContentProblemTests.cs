using System.Net;
using System.Text.Json;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>
/// A copy of the real content plus hostile and broken files. Bad files are reported with their name and
/// skipped; hostile Markdown never reaches the page as markup; everything else still works.
/// </summary>
public sealed class ContentProblemTests(ContentProblemTests.Site site) : IClassFixture<ContentProblemTests.Site>
{
    internal const string HostileTitle = "Scars </script><script>alert('title')</script> explained";
    private readonly HttpClient _client = site.CreateClient();

    public sealed class Site : ContentSiteFactory
    {
        public Site()
        {
            const string hostileBody = """
                Before <script>alert('body')</script> after.

                <img src="x" onerror="alert('img')">

                [Click me](javascript:alert('link')) and <div onclick="alert('div')">a div</div>.

                ## A heading
                """;
            WriteContent("en/hostile.md", ArticleText("hostile", "hostile", "en", HostileTitle, hostileBody, lastReviewed: "2026-08-05"));
            WriteContent("ms/hostile.md", ArticleText("hostile", "hostile", "ms", "Parut", "Teks biasa.", lastReviewed: "2026-08-05"));

            WriteContent("en/broken-yaml.md", ArticleText("broken", "broken-yaml", "en").Replace("tags: [basics]", "tags: [basics", StringComparison.Ordinal));
            WriteContent("ms/broken-yaml.md", ArticleText("broken", "broken-yaml", "ms"));

            WriteContent("en/a-copy-of-pico-laser.md", ArticleText("copy", "pico-laser", "en", "A copy that must not win"));
            WriteContent("ms/a-copy-of-pico-laser.md", ArticleText("copy", "salinan", "ms"));

            WriteContent("en/english-only.md", ArticleText("english-only", "english-only", "en"));
        }
    }

    [Fact]
    public async Task Raw_html_and_script_in_markdown_do_not_reach_the_page()
    {
        var response = await _client.GetAsync("/articles/hostile");
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(page.QuerySelectorAll("script"), script => Assert.Equal("application/ld+json", script.GetAttribute("type")));
        Assert.Empty(page.QuerySelectorAll("[onerror], [onclick]"));
        Assert.Empty(page.QuerySelectorAll(".prose img, .prose div"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('body')</script>", page.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_tag_in_a_title_cannot_break_out_of_the_json_ld()
    {
        var page = await _client.GetPageAsync("/articles/hostile");

        Assert.Equal(HostileTitle, page.QuerySelector("h1")!.TextContent);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.All(scripts, script => Assert.Equal("application/ld+json", script.GetAttribute("type")));
        var webPage = scripts.Select(s => JsonDocument.Parse(s.TextContent).RootElement).Single(j => j.GetProperty("@type").GetString() == "MedicalWebPage");
        Assert.Equal(HostileTitle, webPage.GetProperty("name").GetString());
    }

    [Fact]
    public void Problems_are_logged_at_start_up_with_the_file_name_and_what_is_wrong()
    {
        var errors = site.Logs.Lines.Where(l => l.Level == LogLevel.Error && l.Category.EndsWith("ArticleStore", StringComparison.Ordinal)).Select(l => l.Message).ToList();

        Assert.Contains(errors, m => m.Contains("en/broken-yaml.md", StringComparison.Ordinal) && m.Contains("could not be read near line", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("ms/broken-yaml.md", StringComparison.Ordinal) && m.Contains("no translation", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("en/a-copy-of-pico-laser.md", StringComparison.Ordinal) && m.Contains("slug 'pico-laser' is already used by en/pico-laser.md", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("en/english-only.md", StringComparison.Ordinal) && m.Contains("no translation in the 'ms' folder", StringComparison.Ordinal));
        Assert.Contains(site.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("en/hostile.md", StringComparison.Ordinal) && l.Message.Contains("javascript:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/articles/broken-yaml")]
    [InlineData("/ms/artikel/broken-yaml")]
    [InlineData("/articles/english-only")]
    [InlineData("/ms/artikel/salinan")]
    public async Task Skipped_files_are_not_on_the_site(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_rest_of_the_site_still_works_and_the_real_article_keeps_its_address()
    {
        var pico = await _client.GetPageAsync("/articles/pico-laser");
        Assert.Equal("Pico laser for acne scars", pico.QuerySelector("h1")!.TextContent.Trim());

        var list = await _client.GetPageAsync("/articles");
        var listed = list.QuerySelectorAll(".article-card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(15, listed.Count);
        Assert.DoesNotContain("/articles/english-only", listed);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/sitemap.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("/articles/hostile", "5 August 2026")]
    [InlineData("/ms/artikel/hostile", "5 Ogos 2026")]
    public async Task The_last_reviewed_date_is_written_in_the_page_language(string url, string date)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(date, page.QuerySelector(".article-meta time")!.TextContent);
    }
}
