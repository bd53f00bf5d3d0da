using DrChongClinic.Infrastructure.Content;

namespace DrChongClinic.UnitTests.Content;

public class ArticleReviewAndReferencesTests
{
    internal const string Cited = """
        Pico lasers deliver energy in very short bursts [1]. Collagen rebuilds over months [2].

        ## Frequently asked questions

        ### Does it hurt?

        Most people feel warmth [1].

        ## References

        1. First source. *Journal*. 2020;1:1–2.
        2. Second source. *Journal*. 2021;2:3–4.
        """;

    private static ArticleFileResult Parse(string body, string front = ArticleFileTests.FrontMatter, IReadOnlyCollection<string>? reviewers = null) =>
        ArticleFile.Parse("en/pico-laser.md", "en", front + "\n" + body, reviewers: reviewers);

    [Fact]
    public void Order_next_review_and_reviewer_come_from_the_front_matter()
    {
        var article = Parse(Cited, reviewers: ["Medical-Director"]).Article!;

        Assert.Equal(5, article.Order);
        Assert.Equal(new DateOnly(2027, 11, 21), article.NextReview);
        Assert.Equal("Medical-Director", article.ReviewerKey);
    }

    [Theory]
    [InlineData("order: 5\n", "'order'")]
    [InlineData("nextReview: 2027-11-21\n", "'nextReview'")]
    [InlineData("reviewer: medical-director\n", "'reviewer'")]
    public void A_file_without_a_review_field_is_skipped(string removed, string named)
    {
        var result = Parse(Cited, ArticleFileTests.FrontMatter.Replace(removed, "", StringComparison.Ordinal));

        Assert.Null(result.Article);
        Assert.Contains(named, Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order: 5", "order: first", "'order' must be a whole number")]
    [InlineData("order: 5", "order: 0", "'order' must be a whole number")]
    [InlineData("nextReview: 2027-11-21", "nextReview: next year", "'nextReview' must be a date")]
    [InlineData("nextReview: 2027-11-21", "nextReview: 2026-01-01", "must come after 'lastReviewed'")]
    public void Bad_review_values_skip_the_file(string from, string to, string expected)
    {
        var result = Parse(Cited, ArticleFileTests.FrontMatter.Replace(from, to, StringComparison.Ordinal));

        Assert.Null(result.Article);
        Assert.Contains(expected, Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reviewer_the_settings_do_not_name_skips_the_file_and_says_which_setting_to_add()
    {
        var result = Parse(Cited, reviewers: ["head-of-dermatology"]);

        Assert.Null(result.Article);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Skipped);
        Assert.Contains("Clinic:Reviewers:medical-director:Name", problem.Message, StringComparison.Ordinal);
        Assert.Contains("head-of-dermatology", problem.Message, StringComparison.Ordinal);
        Assert.Equal("medical-director", result.NamedReviewer);
    }

    [Fact]
    public void References_are_counted_and_citations_listed_in_order_of_first_use()
    {
        var result = Parse(Cited);

        var article = result.Article!;
        Assert.Equal(2, article.ReferenceCount);
        Assert.Equal([1, 2], article.Citations);
        Assert.Empty(result.Problems);
        Assert.Equal(["Does it hurt?"], article.FaqOnPage.Select(f => f.Question));
    }

    [Fact]
    public void Malay_references_and_grouped_citations_are_read_too()
    {
        var body = "Kolagen dibina semula [2, 1].\n\n## Rujukan\n\n1. Satu.\n2. Dua.\n\n### Does it hurt?\n";

        var article = Parse(body).Article!;

        Assert.Equal(2, article.ReferenceCount);
        Assert.Equal([2, 1], article.Citations);
    }

    [Fact]
    public void Citation_problems_and_faq_questions_missing_from_the_page_are_warnings()
    {
        var body = "A claim [3].\n\n## References\n\n1. Only source.\n";

        var result = Parse(body);

        Assert.NotNull(result.Article);
        Assert.All(result.Problems, problem => Assert.False(problem.Skipped));
        Assert.Contains(result.Problems, p => p.Message.Contains("cites [3] but the references list 1", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("reference 1 is never cited", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("\"Does it hurt?\" is not on the page", StringComparison.Ordinal));
        Assert.Empty(result.Article.FaqOnPage);
    }

    [Fact]
    public void Links_in_references_are_not_taken_for_citations()
    {
        var body = "A claim [1].\n\n## References\n\n1. Source. [doi:10.1/x](https://doi.org/10.1/x)\n\n### Does it hurt?\n";

        var result = Parse(body);

        Assert.Equal([1], result.Article!.Citations);
        Assert.Empty(result.Problems);
    }
}
