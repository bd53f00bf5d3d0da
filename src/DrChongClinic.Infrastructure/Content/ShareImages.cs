namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// The pictures shown when a page is shared (Open Graph, X/Twitter cards): one 1200×630 PNG per article and
/// language and one per language for the home page, made by tests/share-images.sh and kept in
/// content/images/share/.
/// </summary>
public static class ShareImages
{
    public const int Width = 1200;

    public const int Height = 630;

    /// <summary>An article's picture, as a path under content/images: "share/en-pico-laser.png".</summary>
    public static string ForArticle(string language, string translationId) => $"share/{language}-{translationId}.png";

    /// <summary>The home page's picture in a language: "share/ms-home.png".</summary>
    public static string ForHome(string language) => ForArticle(language, "home");
}
