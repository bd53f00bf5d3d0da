using DrChongClinic.Application.Clinic;

namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// The article section's pictures, and how the loader recognises a link to another article (the addresses
/// themselves are in <see cref="SitePaths"/>).
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

    /// <summary>The slug when a link points at an article page in the given language ("/articles/pico-laser#risks").</summary>
    public static string? SlugLinkedTo(string language, string url)
    {
        var prefix = SitePaths.Articles(language) + "/";
        var path = url.Split('#', '?')[0];
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var slug = path[prefix.Length..].TrimEnd('/');
        return slug.Length > 0 && !slug.Contains('/', StringComparison.Ordinal) ? slug : null;
    }
}
