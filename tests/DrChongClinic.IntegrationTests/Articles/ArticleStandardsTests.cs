using DrChongClinic.Domain.Content;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>
/// The editorial rules, held against the real files in content/ (read by the same loader the site uses): every
/// English and Malay pair says the same things, and every article cites its sources.
/// </summary>
public sealed class ArticleStandardsTests
{
    /// <summary>The reading order: what pockmarks are → types → causes → treatments → comparisons → prevention → FAQ.</summary>
    private static readonly string[] ReadingOrder =
    [
        "pockmarks-explained", "scar-types", "causes", "treatments-overview", "pico-laser", "fractional-co2-laser",
        "microneedling-prp", "chemical-peels", "dermal-fillers", "subcision", "pico-vs-co2", "home-remedies", "prevention", "faq",
    ];

    private static readonly Lazy<ContentSnapshot> Content = new(() =>
        ArticleLoader.Load(Path.Combine(RepositoryRoot.Path, "content"), ["medical-director"]));

    private static ArticleLibrary Library => Content.Value.Library;

    public static TheoryData<string> Ids => new(ReadingOrder);

    [Fact]
    public void Every_file_loads_with_no_problem_at_all()
    {
        Assert.Empty(Content.Value.Problems);
        Assert.Equal(28, Library.All.Count);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void English_and_Malay_say_the_same_things(string id)
    {
        var english = Library.InLanguage("en").Single(a => a.TranslationId == id);
        var malay = Library.Translation(english, "ms")!;

        Assert.Empty(ArticleChecks.TranslationDifferences(english, malay));
        Assert.True(english.Sections.Count >= 3, $"{id} has {english.Sections.Count} sections");
        Assert.Equal(english.Faq.Count, english.FaqOnPage.Count);
        Assert.Equal(malay.Faq.Count, malay.FaqOnPage.Count);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_article_lists_its_sources_cites_each_one_and_cites_nothing_else(string id)
    {
        foreach (var article in Library.All.Where(a => a.TranslationId == id))
        {
            Assert.True(article.ReferenceCount >= 1, $"{article.Slug} ({article.Language}) has no References/Rujukan list");
            Assert.Equal(article.Language == "ms" ? "Rujukan" : "References", article.Sections[^1]);
            Assert.Empty(ArticleChecks.CitationProblems(article));
            Assert.Equal(Enumerable.Range(1, article.ReferenceCount), article.Citations.Order());
        }
    }

    [Fact]
    public void Both_languages_list_the_articles_in_reading_order()
    {
        Assert.Equal(ReadingOrder, Library.InLanguage("en").Select(a => a.TranslationId));
        Assert.Equal(ReadingOrder, Library.InLanguage("ms").Select(a => a.TranslationId));
        Assert.Equal(Enumerable.Range(1, ReadingOrder.Length), Library.InLanguage("en").Select(a => a.Order));
    }

    [Fact]
    public void Every_article_names_a_reviewer_and_is_due_for_review_after_it_was_last_reviewed()
    {
        Assert.All(Library.All, article =>
        {
            Assert.Equal("medical-director", article.ReviewerKey);
            Assert.True(article.NextReview > article.LastReviewed);
        });
    }

    [Fact]
    public void A_deliberately_broken_pair_from_real_files_is_caught()
    {
        var folder = Directory.CreateTempSubdirectory("drchong-pair-").FullName;
        try
        {
            foreach (var language in new[] { "en", "ms" })
            {
                Directory.CreateDirectory(Path.Combine(folder, language));
            }

            var english = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "content", "en", "pico-laser.md"));
            var malay = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "content", "ms", "laser-pico.md"));

            // The Malay file loses a section and a reference (and so its citations), and moves in the reading order.
            var brokenMalay = malay.Replace("order: 5", "order: 6", StringComparison.Ordinal);
            var lastSection = brokenMalay.LastIndexOf("\n## ", brokenMalay.IndexOf("\n## Rujukan", StringComparison.Ordinal) - 1, StringComparison.Ordinal);
            brokenMalay = brokenMalay[..lastSection] + brokenMalay[brokenMalay.IndexOf("\n## Rujukan", StringComparison.Ordinal)..];
            File.WriteAllText(Path.Combine(folder, "en", "pico-laser.md"), english);
            File.WriteAllText(Path.Combine(folder, "ms", "laser-pico.md"), brokenMalay);

            var library = ArticleLoader.Load(folder, ["medical-director"]).Library;
            var differences = ArticleChecks.TranslationDifferences(library.Find("en", "pico-laser")!, library.Find("ms", "laser-pico")!);

            Assert.Contains(differences, d => d.StartsWith("sections (## headings)", StringComparison.Ordinal));
            Assert.Contains("order: en has 5, ms has 6", differences);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
