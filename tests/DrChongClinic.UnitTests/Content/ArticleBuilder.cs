using DrChongClinic.Domain.Content;

namespace DrChongClinic.UnitTests.Content;

/// <summary>Articles for tests: sensible defaults, change only what the test is about.</summary>
internal static class ArticleBuilder
{
    public static Article Build(
        string slug = "what-are-pockmarks",
        string language = "en",
        string? id = null,
        string? title = null,
        string text = "Some text.",
        string[]? tags = null,
        string[]? links = null,
        int wordCount = 700,
        ArticleHeading[]? headings = null,
        DateOnly? published = null,
        int order = 1,
        string reviewer = "medical-director",
        string treatment = "consultation",
        FaqEntry[]? faq = null,
        int referenceCount = 0,
        int[]? citations = null) => new()
        {
            TranslationId = id ?? slug,
            Language = language,
            Slug = slug,
            Title = title ?? slug.Replace('-', ' '),
            Description = "A description.",
            Published = published ?? new DateOnly(2026, 11, 20),
            LastReviewed = published ?? new DateOnly(2026, 11, 20),
            NextReview = (published ?? new DateOnly(2026, 11, 20)).AddMonths(12),
            ReviewerKey = reviewer,
            Order = order,
            Faq = faq ?? [],
            ReferenceCount = referenceCount,
            Citations = citations ?? [],
            Tags = tags ?? ["basics"],
            TreatmentCode = treatment,
            Html = $"<p>{text}</p>",
            PlainText = text,
            WordCount = wordCount,
            Headings = headings ?? [],
            LinkedSlugs = links ?? [],
        };
}
