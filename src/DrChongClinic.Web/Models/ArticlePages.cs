using System.Globalization;
using System.Text.Json.Nodes;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Content;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Web.Seo;

namespace DrChongClinic.Web.Models;

/// <summary>An article in a list: enough to decide whether to read it.</summary>
public sealed record ArticleCard(string Title, string Description, string Url, int ReadingMinutes, IReadOnlyList<TagLink> Tags)
{
    /// <summary>"en" or "ms"; search results show it, since they include both languages.</summary>
    public string Language { get; init; } = "";

    public static ArticleCard For(Article article) =>
        new(article.Title, article.Description, SitePaths.Article(article), article.ReadingMinutes, TagLink.For(article.Language, article.Tags))
        {
            Language = article.Language,
        };
}

/// <summary>A link to a tag page, labelled for people ("acne-scars" reads "Acne scars", "faq" reads "FAQ").</summary>
public sealed record TagLink(string Tag, string Label, string Url, int Count = 0)
{
    private static readonly string[] Abbreviations = ["faq", "prp", "uv", "lcp", "kkm"];

    public static TagLink For(string language, string tag, int count = 0) =>
        new(tag, LabelFor(tag), SitePaths.Tag(language, tag), count);

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

/// <summary>The picture a shared link shows (absolute address, 1200×630) and its description.</summary>
public sealed record ShareImage(string Url, string Alt)
{
    public int Width => ShareImages.Width;

    public int Height => ShareImages.Height;

    /// <summary>An article's picture, or the home page's when the article has none yet.</summary>
    public static ShareImage ForArticle(Article article, ArticleStore store, ClinicDetails clinic, string alt)
    {
        var name = ShareImages.ForArticle(article.Language, article.TranslationId);
        return new(clinic.AbsoluteUrl(store.ImageUrl(store.HasImage(name) ? name : ShareImages.ForHome(article.Language))), alt);
    }

    public static ShareImage ForHome(string language, ArticleStore store, ClinicDetails clinic, string alt) =>
        new(clinic.AbsoluteUrl(store.ImageUrl(ShareImages.ForHome(language))), alt);
}

/// <summary>"Medically reviewed by …": who, and whether the name is still a Development placeholder.</summary>
public sealed record ReviewerLine(string Name, string Credential, bool IsPlaceholder)
{
    public string NameAndCredential => string.IsNullOrWhiteSpace(Credential) ? Name : $"{Name}, {Credential}";
}

public sealed record ArticlePage(
    Article Article,
    string Url,
    string TranslationUrl,
    string TranslationLanguage,
    string LastReviewedText,
    string NextReviewText,
    ReviewerLine? Reviewer,
    ShareImage ShareImage,
    IReadOnlyList<TagLink> Tags,
    IReadOnlyList<Breadcrumb> Breadcrumbs,
    IReadOnlyList<ArticleCard> Related,
    string BookingUrl,
    IReadOnlyList<JsonObject> StructuredData)
{
    /// <summary>Everything the article page shows, in the current request's language and culture.</summary>
    public static ArticlePage Create(
        Article article,
        Article translation,
        IReadOnlyList<Article> related,
        IReadOnlyList<Breadcrumb> breadcrumbs,
        ClinicDetails clinic,
        ArticleReviewer? reviewer,
        ShareImage shareImage)
    {
        var url = SitePaths.Article(article);
        List<JsonObject> structuredData =
        [
            SchemaOrg.MedicalWebPage(article, clinic, reviewer, shareImage.Url),
            SchemaOrg.BreadcrumbList(breadcrumbs, clinic),
        ];

        // Only the questions readers can see on the page: structured data describes the page, nothing more.
        if (article.FaqOnPage.Count > 0)
        {
            structuredData.Add(SchemaOrg.FaqPage(article, clinic));
        }

        return new ArticlePage(
            article,
            url,
            SitePaths.Article(translation),
            translation.Language,
            article.LastReviewed.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
            article.NextReview.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
            reviewer is null ? null : new ReviewerLine(reviewer.Name.Trim(), reviewer.Credential.Trim(), ClinicPlaceholders.IsPlaceholder(reviewer)),
            shareImage,
            TagLink.For(article.Language, article.Tags),
            breadcrumbs,
            related.Select(ArticleCard.For).ToList(),
            SitePaths.Book(article.Language, SitePaths.ConsultationCode),
            structuredData);
    }
}

/// <summary>
/// A list of article cards and the heading level their titles take on this page (2 or 3); with
/// <paramref name="ShowLanguage"/>, each card says which language it is in (search results hold both).
/// </summary>
public sealed record ArticleCardList(IReadOnlyList<ArticleCard> Cards, int HeadingLevel, bool ShowLanguage = false);
