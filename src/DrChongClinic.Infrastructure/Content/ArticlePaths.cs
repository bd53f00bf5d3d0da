using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;

namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// The site addresses of the article section, in one place: the pages use them to link, the loader to
/// recognise links between articles. English lives under /articles, Malay under /ms/artikel.
/// </summary>
public static class ArticlePaths
{
    /// <summary>Where the pictures in content/images are served.</summary>
    public const string Images = "/content/images";

    /// <summary>A picture's address with its version, which lets browsers keep it for a year: "/content/images/x.svg?v=1a2b3c4d5e".</summary>
    public static string Image(string fileName, string? version) =>
        version is null ? $"{Images}/{fileName}" : $"{Images}/{fileName}?v={version}";

    /// <summary>"x.svg" for "/content/images/x.svg"; null for anything else, including sub-folders.</summary>
    public static string? ImageFileName(string url)
    {
        var name = url.StartsWith(Images + "/", StringComparison.Ordinal) ? url[(Images.Length + 1)..] : null;
        return name is { Length: > 0 } && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('?', StringComparison.Ordinal) ? name : null;
    }

    public static string List(string language) => language == ClinicLanguage.MalayCode ? "/ms/artikel" : "/articles";

    public static string Article(string language, string slug) => $"{List(language)}/{slug}";

    public static string Article(Article article) => Article(article.Language, article.Slug);

    public static string Tag(string language, string tag) => $"{List(language)}/tag/{tag}";

    public static string Search(string language) => language == ClinicLanguage.MalayCode ? "/ms/artikel/cari" : "/articles/search";

    public static string Feed(string language) => language == ClinicLanguage.MalayCode ? "/ms/feed.xml" : "/feed.xml";

    /// <summary>The slug when a link points at an article page in the given language ("/articles/pico-laser#risks").</summary>
    public static string? SlugLinkedTo(string language, string url)
    {
        var prefix = List(language) + "/";
        var path = url.Split('#', '?')[0];
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var slug = path[prefix.Length..].TrimEnd('/');
        return slug.Length > 0 && !slug.Contains('/', StringComparison.Ordinal) ? slug : null;
    }
}
