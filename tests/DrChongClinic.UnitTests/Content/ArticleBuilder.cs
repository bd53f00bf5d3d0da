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
        DateOnly? published = null) => new()
        {
            TranslationId = id ?? slug,
            Language = language,
            Slug = slug,
            Title = title ?? slug.Replace('-', ' '),
            Description = "A description.",
            Published = published ?? new DateOnly(2026, 11, 20),
            LastReviewed = published ?? new DateOnly(2026, 11, 20),
            Tags = tags ?? ["basics"],
            TreatmentCode = "consultation",
            Html = $"<p>{text}</p>",
            PlainText = text,
            WordCount = wordCount,
            Headings = headings ?? [],
            LinkedSlugs = links ?? [],
        };
}
