using System.Globalization;
using System.Text.Json.Nodes;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Web.Seo;

namespace DrChongClinic.Web.Models;

/// <summary>An article in a list: enough to decide whether to read it.</summary>
public sealed record ArticleCard(string Title, string Description, string Url, int ReadingMinutes, IReadOnlyList<TagLink> Tags)
{
    public static ArticleCard For(Article article) =>
        new(article.Title, article.Description, ArticlePaths.Article(article), article.ReadingMinutes, TagLink.For(article.Language, article.Tags));
}

/// <summary>A link to a tag page, labelled for people ("acne-scars" reads "Acne scars", "faq" reads "FAQ").</summary>
public sealed record TagLink(string Tag, string Label, string Url, int Count = 0)
{
    private static readonly string[] Abbreviations = ["faq", "prp", "uv", "lcp", "kkm"];

    public static TagLink For(string language, string tag, int count = 0) =>
        new(tag, LabelFor(tag), ArticlePaths.Tag(language, tag), count);

    public static IReadOnlyList<TagLink> For(string language, IEnumerable<string> tags) => tags.Select(tag => For(language, tag)).ToList();

    private static string LabelFor(string tag)
    {
        var words = tag.Split('-').Select(word => Abbreviations.Contains(word) || word.Any(char.IsDigit) ? word.ToUpperInvariant() : word).ToList();
        words[0] = char.ToUpper(words[0][0], CultureInfo.InvariantCulture) + words[0][1..];
        return string.Join(' ', words);
    }
}

/// <summary>One step of "Home › Articles › This article"; the last one is the page itself.</summary>
public sealed record Breadcrumb(string Name, string Url);

public sealed record ArticleListPage(IReadOnlyList<ArticleCard> Articles, IReadOnlyList<TagLink> Tags);

public sealed record ArticleTagPage(TagLink Tag, IReadOnlyList<ArticleCard> Articles, IReadOnlyList<Breadcrumb> Breadcrumbs, IReadOnlyList<JsonObject> StructuredData);

public sealed record ArticleSearchPage(string Query, IReadOnlyList<ArticleCard> Results, IReadOnlyList<TagLink> Tags);

public sealed record ArticlePage(
    Article Article,
    string Url,
    string TranslationUrl,
    string TranslationLanguage,
    string LastReviewedText,
    IReadOnlyList<TagLink> Tags,
    IReadOnlyList<Breadcrumb> Breadcrumbs,
    IReadOnlyList<ArticleCard> Related,
    string BookingUrl,
    IReadOnlyList<JsonObject> StructuredData)
{
    /// <summary>Everything the article page shows, in the current request's language and culture.</summary>
    public static ArticlePage Create(Article article, Article translation, IReadOnlyList<Article> related, IReadOnlyList<Breadcrumb> breadcrumbs, ClinicDetails clinic)
    {
        var url = ArticlePaths.Article(article);
        List<JsonObject> structuredData =
        [
            SchemaOrg.MedicalWebPage(article, clinic),
            SchemaOrg.BreadcrumbList(breadcrumbs, clinic),
        ];
        if (article.Faq.Count > 0)
        {
            structuredData.Add(SchemaOrg.FaqPage(article, clinic));
        }

        return new ArticlePage(
            article,
            url,
            ArticlePaths.Article(translation),
            translation.Language,
            article.LastReviewed.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
            TagLink.For(article.Language, article.Tags),
            breadcrumbs,
            related.Select(ArticleCard.For).ToList(),
            BookingLink.For(article.Language, article.TreatmentCode),
            structuredData);
    }
}

public static class BookingLink
{
    /// <summary>The booking page with a treatment pre-selected: /book?treatment=pico-laser or /ms/tempah?treatment=pico-laser.</summary>
    public static string For(string language, string treatmentCode) =>
        $"{(language == ClinicLanguage.MalayCode ? "/ms/tempah" : "/book")}?treatment={Uri.EscapeDataString(treatmentCode)}";
}

/// <summary>A list of article cards and the heading level their titles take on this page (2 or 3).</summary>
public sealed record ArticleCardList(IReadOnlyList<ArticleCard> Cards, int HeadingLevel);
