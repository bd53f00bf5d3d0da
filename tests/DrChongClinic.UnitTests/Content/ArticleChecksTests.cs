using DrChongClinic.Domain.Content;

namespace DrChongClinic.UnitTests.Content;

public class ArticleChecksTests
{
    private static readonly ArticleHeading[] Outline =
    [
        new(2, "what", "What it is"),
        new(2, "faq", "Frequently asked questions"),
        new(3, "hurt", "Does it hurt?"),
        new(2, "references", "References"),
    ];

    private static readonly ArticleHeading[] MalayOutline =
    [
        new(2, "apa", "Apakah ia"),
        new(2, "soalan-lazim", "Soalan lazim"),
        new(3, "sakit", "Adakah ia sakit?"),
        new(2, "rujukan", "Rujukan"),
    ];

    private static Article English(ArticleHeading[]? headings = null, int order = 5, string treatment = "pico-laser", string reviewer = "medical-director", int references = 2, int[]? citations = null) =>
        ArticleBuilder.Build("pico-laser", id: "pico", headings: headings ?? Outline, order: order, treatment: treatment, reviewer: reviewer,
            faq: [new("Does it hurt?", "Warmth.")], referenceCount: references, citations: citations ?? [1, 2]);

    private static Article Malay(ArticleHeading[]? headings = null, int order = 5, string treatment = "pico-laser", string reviewer = "medical-director", int references = 2, FaqEntry[]? faq = null) =>
        ArticleBuilder.Build("laser-pico", language: "ms", id: "pico", headings: headings ?? MalayOutline, order: order, treatment: treatment, reviewer: reviewer,
            faq: faq ?? [new("Adakah ia sakit?", "Hangat.")], referenceCount: references, citations: [1, 2]);

    [Fact]
    public void A_pair_with_the_same_structure_has_no_differences()
    {
        Assert.Empty(ArticleChecks.TranslationDifferences(English(), Malay()));
    }

    [Fact]
    public void A_deliberately_broken_pair_is_caught_on_every_count()
    {
        var broken = Malay(
            headings: [.. MalayOutline.Take(1), new(2, "extra", "Bahagian tambahan"), .. MalayOutline.Skip(1)],
            order: 6,
            treatment: "consultation",
            reviewer: "someone-else",
            references: 3,
            faq: [new("Adakah ia sakit?", "Hangat."), new("Berapa lama?", "Sebulan.")]);

        var differences = ArticleChecks.TranslationDifferences(English(), broken);

        Assert.Contains("sections (## headings): en has 3, ms has 4", differences);
        Assert.Contains(differences, d => d.StartsWith("sub-headings (###) under each section", StringComparison.Ordinal));
        Assert.Contains("FAQ questions: en has 1, ms has 2", differences);
        Assert.Contains("references: en has 2, ms has 3", differences);
        Assert.Contains("order: en has 5, ms has 6", differences);
        Assert.Contains("treatment: en has pico-laser, ms has consultation", differences);
        Assert.Contains("reviewer: en has medical-director, ms has someone-else", differences);
    }

    [Fact]
    public void Sections_in_a_different_order_are_caught_by_the_questions_under_them()
    {
        var moved = Malay(headings: [MalayOutline[1], MalayOutline[2], MalayOutline[0], MalayOutline[3]]);

        Assert.Contains(ArticleChecks.TranslationDifferences(English(), moved), d => d.StartsWith("sub-headings", StringComparison.Ordinal));
    }

    [Fact]
    public void Cited_and_listed_references_must_match()
    {
        Assert.Empty(ArticleChecks.CitationProblems(English()));
        Assert.Contains("it has no references", Assert.Single(ArticleChecks.CitationProblems(English(references: 0, citations: []))), StringComparison.Ordinal);
        Assert.Equal(
            ["it cites [3] but the references list 2 source(s)", "reference 2 is never cited: put [2] after the statement it supports, or remove it"],
            ArticleChecks.CitationProblems(English(citations: [1, 3])));
    }
}
