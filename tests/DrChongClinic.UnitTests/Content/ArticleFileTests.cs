using DrChongClinic.Infrastructure.Content;

namespace DrChongClinic.UnitTests.Content;

public class ArticleFileTests
{
    internal const string FrontMatter = """
        ---
        id: pico-laser
        title: "Pico laser for acne scars"
        description: "How pico lasers treat pockmarks."
        slug: pico-laser
        language: en
        published: 2026-11-20
        lastReviewed: 2026-11-21
        tags: [treatments, Lasers]
        treatment: pico-laser
        order: 5
        nextReview: 2027-11-21
        reviewer: medical-director
        faq:
          - question: "Does it hurt?"
            answer: "Most people feel warmth."
        ---
        """;

    /// <summary>What every article ends with, so tests about other things see no citation or FAQ warnings.</summary>
    internal const string Ending = "\n\n### Does it hurt?\n\nWarmth [1].\n\n## References\n\n1. A source.\n";

    private static ArticleFileResult Parse(string body, string front = FrontMatter, string file = "en/pico-laser.md", string folder = "en") =>
        ArticleFile.Parse(file, folder, front + "\n" + body + Ending);

    [Fact]
    public void A_complete_file_becomes_an_article_with_its_front_matter_and_rendered_body()
    {
        var result = Parse("Intro with **bold** text.\n\n## How it works\n\n| Laser | Downtime |\n|---|---|\n| Pico | Less |\n");

        var article = Assert.IsType<Domain.Content.Article>(result.Article);
        Assert.Empty(result.Problems);
        Assert.Equal("pico-laser", article.TranslationId);
        Assert.Equal("Pico laser for acne scars", article.Title);
        Assert.Equal(new DateOnly(2026, 11, 20), article.Published);
        Assert.Equal(new DateOnly(2026, 11, 21), article.LastReviewed);
        Assert.Equal(["treatments", "lasers"], article.Tags);
        Assert.Equal("pico-laser", article.TreatmentCode);
        Assert.Equal(new Domain.Content.FaqEntry("Does it hurt?", "Most people feel warmth."), Assert.Single(article.Faq));
        Assert.Contains("<strong>bold</strong>", article.Html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"how-it-works\">How it works</h2>", article.Html, StringComparison.Ordinal);
        Assert.Contains("<table>", article.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("treatment: pico-laser", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_the_markdown_is_shown_as_text_and_never_becomes_markup()
    {
        var article = Parse("Hello <script>alert('x')</script> there.\n\n<img src=x onerror=alert(1)>\n\n<iframe src=\"https://example.com\"></iframe>\n").Article!;

        Assert.DoesNotContain("<script", article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", article.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](<java\tscript:alert(1)>)")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void Links_with_dangerous_schemes_are_removed_and_reported(string markdown)
    {
        var result = Parse(markdown);

        Assert.DoesNotContain("javascript:", result.Article!.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", result.Article.Html, StringComparison.OrdinalIgnoreCase);
        var problem = Assert.Single(result.Problems);
        Assert.False(problem.Skipped);
        Assert.Contains("not allowed", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles/subcision")]
    [InlineData("https://www.moh.gov.my/")]
    [InlineData("mailto:hello@example.com")]
    [InlineData("tel:+60300000000")]
    [InlineData("#how-it-works")]
    public void Web_mail_phone_and_page_links_are_kept(string url)
    {
        var result = Parse($"[link]({url})");

        Assert.Contains($"href=\"{url}\"", result.Article!.Html, StringComparison.Ordinal);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_picture_keeps_its_alt_text_and_a_picture_without_one_is_reported()
    {
        var withAlt = Parse("![Drawing of a rolling scar](/content/images/rolling-scar.svg)");
        var withoutAlt = Parse("![](/content/images/rolling-scar.svg)");

        Assert.Contains("alt=\"Drawing of a rolling scar\"", withAlt.Article!.Html, StringComparison.Ordinal);
        Assert.Equal(["/content/images/rolling-scar.svg"], withAlt.Images);
        Assert.Empty(withAlt.Problems);
        Assert.Contains("no alt text", Assert.Single(withoutAlt.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_picture_in_content_images_is_linked_with_its_version_and_others_are_left_alone()
    {
        var versions = new Dictionary<string, string> { ["rolling-scar.svg"] = "1a2b3c4d5e" };

        var result = ArticleFile.Parse("en/pico-laser.md", "en",
            FrontMatter + "\n![Rolling scar](/content/images/rolling-scar.svg)\n\n![Unknown](/content/images/missing.svg)\n", versions);

        Assert.Contains("src=\"/content/images/rolling-scar.svg?v=1a2b3c4d5e\"", result.Article!.Html, StringComparison.Ordinal);
        Assert.Contains("src=\"/content/images/missing.svg\"", result.Article.Html, StringComparison.Ordinal);
        Assert.Equal(["/content/images/rolling-scar.svg", "/content/images/missing.svg"], result.Images);
    }

    [Fact]
    public void Headings_become_the_table_of_contents_with_their_anchors()
    {
        var article = ArticleFile.Parse("en/pico-laser.md", "en", FrontMatter + "\n## Before treatment\n\ntext\n\n### On the day\n\ntext\n\n#### Detail\n\n## After: what to expect\n").Article!;

        Assert.Equal(
            [new(2, "before-treatment", "Before treatment"), new(3, "on-the-day", "On the day"), new(2, "after-what-to-expect", "After: what to expect")],
            article.Headings);
    }

    [Fact]
    public void Links_to_articles_in_the_same_language_are_remembered_for_related_reading()
    {
        var article = Parse("See [subcision](/articles/subcision), [fillers](/articles/dermal-fillers#risks), [again](/articles/subcision), [Malay](/ms/artikel/subsisi) and [booking](/book?treatment=pico-laser).").Article!;

        Assert.Equal(["subcision", "dermal-fillers"], article.LinkedSlugs);
    }

    [Fact]
    public void Words_are_counted_from_the_text_not_the_markup()
    {
        var article = ArticleFile.Parse("en/pico-laser.md", "en", FrontMatter + "\nOne **two** [three](/articles/x) four.\n\n- five\n- six\n").Article!;

        Assert.Equal(6, article.WordCount);
        Assert.Equal("One two three four. five six", article.PlainText);
    }

    [Fact]
    public void Missing_front_matter_fields_are_named_and_the_file_is_skipped()
    {
        var front = FrontMatter.Replace("title: \"Pico laser for acne scars\"\n", "", StringComparison.Ordinal)
            .Replace("treatment: pico-laser\n", "", StringComparison.Ordinal);

        var result = Parse("Body", front);

        Assert.Null(result.Article);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Skipped);
        Assert.Equal("en/pico-laser.md", problem.File);
        Assert.Contains("'title'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'treatment'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: \"Pico laser for acne scars\"", "title: \"Pico laser for acne scars", "line 3:", "Check the quotes")]
    [InlineData("title: \"Pico laser for acne scars\"", "title: Pico laser: for acne scars", "line 3:", "Check the quotes")]
    [InlineData("tags: [treatments, Lasers]", "tags: [treatments, Lasers", "line 9:", "tags are a list in square brackets")]
    [InlineData("tags: [treatments, Lasers]", "tags: treatments", "line 9:", "tags are a list in square brackets")]
    [InlineData("lastReviewed:", "lastreviewed:", "line 8:", "'lastreviewed' is not a front matter field")]
    public void Broken_yaml_is_explained_with_the_line_in_the_file(string from, string to, string line, string explanation)
    {
        var result = Parse("Body", FrontMatter.Replace(from, to, StringComparison.Ordinal));

        Assert.Null(result.Article);
        var message = Assert.Single(result.Problems).Message;
        Assert.Contains($"could not be read near {line}", message, StringComparison.Ordinal);
        Assert.Contains(explanation, message, StringComparison.Ordinal);
        Assert.DoesNotContain("DrChongClinic", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("published: 2026-11-20", "published: 20/11/2026", "'published' must be a date")]
    [InlineData("language: en", "language: fr", "'language' is 'fr'")]
    [InlineData("slug: pico-laser", "slug: Pico Laser", "'slug' must be lowercase")]
    [InlineData("tags: [treatments, Lasers]", "tags: []", "at least one tag")]
    [InlineData("answer: \"Most people feel warmth.\"", "answer: \"\"", "FAQ entry 1")]
    public void Invalid_values_are_explained_and_the_file_is_skipped(string from, string to, string expected)
    {
        var result = Parse("Body", FrontMatter.Replace(from, to, StringComparison.Ordinal));

        Assert.Null(result.Article);
        Assert.Contains(expected, Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_front_matter_is_skipped()
    {
        var result = ArticleFile.Parse("en/notes.md", "en", "# Just some notes\n");

        Assert.Null(result.Article);
        Assert.Contains("first line must be '---'", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_that_differs_from_the_slug_is_only_a_warning()
    {
        var result = Parse("Body", file: "en/pico.md");

        Assert.NotNull(result.Article);
        var problem = Assert.Single(result.Problems);
        Assert.False(problem.Skipped);
        Assert.Contains("pico-laser.md", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_are_read_the_same()
    {
        var result = ArticleFile.Parse("en/pico-laser.md", "en", (FrontMatter + "\n## Heading\n").ReplaceLineEndings("\r\n"));

        Assert.Equal("Heading", Assert.Single(result.Article!.Headings).Text);
    }
}
