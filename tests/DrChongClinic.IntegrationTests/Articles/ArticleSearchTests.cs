using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>Search as Malaysians type: synonyms from content/search-synonyms.txt, one typo, both languages.</summary>
public sealed class ArticleSearchTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/articles/search", "jerawat batu", "/articles/causes-of-pockmarks")]
    [InlineData("/ms/artikel/cari", "jerawat batu", "/ms/artikel/punca-lubang-jerawat")]
    [InlineData("/articles/search", "pokmark", "/articles/what-are-pockmarks")]
    [InlineData("/ms/artikel/cari", "pokmark", "/ms/artikel/apa-itu-lubang-jerawat")]
    [InlineData("/articles/search", "lubang jerawat", "/articles/what-are-pockmarks")]
    [InlineData("/ms/artikel/cari", "lubang jerawat", "/ms/artikel/apa-itu-lubang-jerawat")]
    [InlineData("/articles/search", "bopeng", "/articles/what-are-pockmarks")]
    [InlineData("/articles/search", "pockmrak", "/articles/what-are-pockmarks")]
    [InlineData("/ms/artikel/cari", "lubang jerawta", "/ms/artikel/apa-itu-lubang-jerawat")]
    public async Task Words_people_type_find_the_right_articles_in_the_page_language(string searchUrl, string query, string expected)
    {
        var results = await SearchAsync(searchUrl, query);

        var language = searchUrl.StartsWith("/ms", StringComparison.Ordinal) ? "ms" : "en";
        Assert.Contains(expected, results.Select(r => r.Url));
        Assert.Equal(language, results[0].Language);
    }

    [Theory]
    [InlineData("/articles/search")]
    [InlineData("/ms/artikel/cari")]
    public async Task An_unrelated_word_finds_nothing(string searchUrl)
    {
        Assert.Empty(await SearchAsync(searchUrl, "motorcycle"));
    }

    [Fact]
    public async Task Results_in_the_other_language_come_after_and_are_labelled()
    {
        // "kuping" (scab) is only in the Malay articles, and its English synonym "scab" finds the English ones.
        var results = await SearchAsync("/articles/search", "kuping");

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(r.Language == "ms" ? "Bahasa Malaysia" : "English", r.Badge));
        var languages = results.Select(r => r.Language).ToList();
        Assert.Equal(languages.OrderBy(l => l == "en" ? 0 : 1), languages);
    }

    [Fact]
    public async Task A_malay_only_word_with_no_english_match_shows_malay_articles_from_the_english_page()
    {
        var results = await SearchAsync("/articles/search", "berbanding");

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("ms", r.Language));
        Assert.All(results, r => Assert.Equal("Bahasa Malaysia", r.Badge));
    }

    [Theory]
    [InlineData("/articles/search")]
    [InlineData("/ms/artikel/cari")]
    public async Task A_long_search_that_ends_in_an_emoji_at_the_length_limit_is_cut_before_the_emoji(string searchUrl)
    {
        // 99 letters and an emoji: the emoji's two halves fall on either side of the 100-character limit.
        var query = new string('a', 99) + "\U0001F600";

        var response = await _client.GetAsync($"{searchUrl}?q={Uri.EscapeDataString(query)}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(new string('a', 99), page.QuerySelector("input[name=q]")!.GetAttribute("value"));
    }

    private async Task<List<(string Url, string Language, string Badge)>> SearchAsync(string searchUrl, string query)
    {
        var page = await _client.GetPageAsync($"{searchUrl}?q={Uri.EscapeDataString(query)}");
        return page.QuerySelectorAll(".article-card").Select(card => (
            card.QuerySelector(".article-card-title a")!.GetAttribute("href")!,
            card.QuerySelector(".language-badge")!.GetAttribute("lang")!,
            card.QuerySelector(".language-badge")!.TextContent.Trim())).ToList();
    }
}
