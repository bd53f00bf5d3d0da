using System.Net;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>The real articles in content/, as patients see them.</summary>
public sealed class ArticlePagesTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    internal const string BaseUrl = ClinicFactory.PublicBaseUrl;
    private readonly HttpClient _client = factory.CreateClient();

    private ArticleLibrary Library => factory.Services.GetRequiredService<ArticleStore>().Library;

    [Fact]
    public void The_real_content_loads_every_article_in_both_languages_without_problems()
    {
        var store = factory.Services.GetRequiredService<ArticleStore>();

        Assert.Empty(store.Problems);
        Assert.Equal(14, store.Library.InLanguage("en").Count);
        Assert.Equal(14, store.Library.InLanguage("ms").Count);
    }

    [Fact]
    public async Task Every_article_renders_in_its_language_with_review_date_disclaimer_and_booking_button()
    {
        foreach (var article in Library.All)
        {
            var url = SitePaths.Article(article);
            var page = await _client.GetPageAsync(url);

            Assert.Equal(article.Language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(article.Title, page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal($"{BaseUrl}{url}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal(article.Description, page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
            Assert.Equal(article.LastReviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".article-meta time")!.GetAttribute("datetime"));
            Assert.NotNull(page.QuerySelector(".disclaimer"));
            var booking = article.Language == "ms" ? "/ms/tempah" : "/book";
            Assert.NotNull(page.QuerySelector($".book-cta a[href='{booking}?treatment=consultation']"));
            // "Book a consultation" books a consultation, not the treatment the article is about (chemical peel, pico laser, subcision...).
            var consultationLinks = page.QuerySelectorAll("main a")
                .Where(a => a.GetAttribute("href")?.StartsWith('#') != true) // the table of contents links headings on the page
                .Where(a => a.TextContent.Contains("consultation", StringComparison.OrdinalIgnoreCase) || a.TextContent.Contains("konsultasi", StringComparison.OrdinalIgnoreCase))
                .ToList();
            Assert.True(consultationLinks.Count >= 2, url);
            Assert.All(consultationLinks, a => Assert.Equal($"{booking}?treatment=consultation", a.GetAttribute("href")));
            var crumbs = page.QuerySelectorAll(".breadcrumbs li a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal([article.Language == "ms" ? "/ms" : "/", SitePaths.Articles(article.Language), url], crumbs);
            Assert.NotEmpty(page.QuerySelectorAll(".prose p"));
        }
    }

    [Fact]
    public async Task Each_translation_links_to_the_other_through_the_language_switch_and_hreflang()
    {
        foreach (var article in Library.All)
        {
            var other = ClinicLanguage.Of(article.Language).Other.Code;
            var translation = Library.Translation(article, other)!;
            var page = await _client.GetPageAsync(SitePaths.Article(article));

            Assert.Equal(SitePaths.Article(translation), page.QuerySelector("a.lang-switch")!.GetAttribute("href"));
            Assert.Equal($"{BaseUrl}{SitePaths.Article(translation)}", page.QuerySelector($"link[rel=alternate][hreflang={other}]")!.GetAttribute("href"));
            Assert.Equal($"{BaseUrl}{SitePaths.Article(article)}", page.QuerySelector($"link[rel=alternate][hreflang={article.Language}]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task The_table_of_contents_links_to_headings_on_the_page()
    {
        var withContents = Library.All.Where(a => a.HasTableOfContents).ToList();
        Assert.NotEmpty(withContents);

        foreach (var article in withContents)
        {
            var page = await _client.GetPageAsync(SitePaths.Article(article));

            var links = page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(article.Headings.Count, links.Count);
            Assert.All(links, href => Assert.NotNull(page.QuerySelector($".prose [id='{href[1..]}']")));
        }
    }

    [Fact]
    public async Task Related_articles_are_other_articles_in_the_same_language()
    {
        var page = await _client.GetPageAsync("/articles/pico-laser");

        var related = page.QuerySelectorAll(".related .article-card-title a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.InRange(related.Count, 1, 3);
        Assert.All(related, href => Assert.StartsWith("/articles/", href, StringComparison.Ordinal));
        Assert.DoesNotContain("/articles/pico-laser", related);
        Assert.Contains("/articles/pico-vs-fractional-co2", related);
    }

    [Fact]
    public async Task Pictures_keep_their_alt_text_and_are_served_from_the_content_folder_with_a_long_cache()
    {
        var page = await _client.GetPageAsync("/articles/types-of-acne-scars");

        var images = page.QuerySelectorAll(".prose img").ToList();
        Assert.Equal(3, images.Count);
        foreach (var image in images)
        {
            Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
            var response = await _client.GetAsync(image.GetAttribute("src"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
            Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(7));
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/articles/no-such-article", "We could not find that page")]
    [InlineData("/ms/artikel/tiada-artikel-ini", "Halaman itu tidak dapat ditemui")]
    [InlineData("/articles/laser-pico", "We could not find that page")]
    [InlineData("/articles/tag/no-such-tag", "We could not find that page")]
    public async Task An_unknown_article_or_tag_gets_the_friendly_404(string url, string heading)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(heading, (await Html.ReadAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "/articles", "/ms/artikel")]
    [InlineData("ms", "/ms/artikel", "/articles")]
    public async Task The_article_list_shows_every_article_of_its_language_and_their_tags(string language, string url, string otherList)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        var listed = page.QuerySelectorAll(".article-card-title a").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.Equal(Library.InLanguage(language).Select(SitePaths.Article).ToHashSet(), listed);
        var topics = page.QuerySelectorAll(".topics a").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.Equal(Library.Tags(language).Select(t => SitePaths.Tag(language, t.Tag)).ToHashSet(), topics);
        Assert.Equal(otherList, page.QuerySelector("a.lang-switch")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Tag_pages_list_exactly_the_articles_with_that_tag_in_both_languages()
    {
        foreach (var language in ClinicLanguage.All.Select(l => l.Code))
        {
            foreach (var tag in Library.Tags(language))
            {
                var page = await _client.GetPageAsync(SitePaths.Tag(language, tag.Tag));

                var listed = page.QuerySelectorAll(".article-card-title a").Select(a => a.GetAttribute("href")!).ToHashSet();
                Assert.Equal(Library.Tagged(language, tag.Tag).Select(SitePaths.Article).ToHashSet(), listed);
                Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
                Assert.Equal(SitePaths.Articles(ClinicLanguage.Of(language).Other.Code), page.QuerySelector("a.lang-switch")!.GetAttribute("href"));
            }
        }
    }

    [Theory]
    [InlineData("/articles/tag/acne-scars", "Topic: Acne scars")]
    [InlineData("/articles/tag/faq", "Topic: FAQ")]
    [InlineData("/ms/artikel/tag/soalan-lazim", "Topik: Soalan lazim")]
    public async Task Tag_pages_are_titled_in_words_people_read(string url, string heading)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/articles/search?q=chickenpox", "/articles/causes-of-pockmarks")]
    [InlineData("/articles/search?q=CHICKENPOX", "/articles/causes-of-pockmarks")]
    [InlineData("/ms/artikel/cari?q=cacar", "/ms/artikel/punca-lubang-jerawat")]
    public async Task Search_finds_an_article_by_a_word_from_its_text(string url, string expected)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Contains(expected, page.QuerySelectorAll(".article-card-title a").Select(a => a.GetAttribute("href")));
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Search_finds_every_article_by_a_word_that_is_only_in_its_body()
    {
        foreach (var article in Library.All)
        {
            var heading = SearchText.Normalize(article.Title + " " + article.Description);
            var word = article.PlainText.Split(' ')
                .Select(w => w.Trim('.', ',', ':', ';', '(', ')', '"', '?', '!', '*'))
                .Where(w => w.Length >= 7 && w.All(char.IsLetter) && !heading.Contains(SearchText.Normalize(w), StringComparison.Ordinal))
                .OrderByDescending(w => w.Length)
                .First();

            var page = await _client.GetPageAsync($"{SitePaths.Search(article.Language)}?q={Uri.EscapeDataString(word)}");

            Assert.Contains(SitePaths.Article(article), page.QuerySelectorAll(".article-card-title a").Select(a => a.GetAttribute("href")));
        }
    }

    [Theory]
    [InlineData("/articles/search", "Search by a word")]
    [InlineData("/articles/search?q=zzzqqq", "No articles match")]
    [InlineData("/ms/artikel/cari?q=zzzqqq", "Tiada artikel yang sepadan")]
    public async Task Search_without_words_or_without_results_explains_what_to_do(string url, string text)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Contains(text, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".article-cards .article-card-title"));
    }

    [Fact]
    public async Task A_very_long_search_is_shortened_not_refused()
    {
        var response = await _client.GetAsync("/articles/search?q=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "en")]
    [InlineData("/ms", "ms")]
    public async Task The_home_page_lists_the_latest_articles_in_its_language(string url, string language)
    {
        var page = await _client.GetPageAsync(url);

        var latest = page.QuerySelectorAll(".latest-articles .article-card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Library.Latest(language, 3).Select(SitePaths.Article), latest);
    }
}
