using System.Security.Cryptography;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;

namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// Reads the whole content folder (content/en/*.md, content/ms/*.md) into an <see cref="ArticleLibrary"/>.
/// A file with a problem is skipped and reported; every other article is still loaded. An article is only
/// published when it exists in both languages, so the language switch always has somewhere to go.
/// </summary>
internal static class ArticleLoader
{
    /// <summary>The synonym list for search, in the content folder.</summary>
    public const string SynonymsFile = "search-synonyms.txt";

    /// <param name="contentPath">The content folder.</param>
    /// <param name="reviewers">The reviewer keys in the clinic's settings; an article naming another is skipped. Null accepts any.</param>
    public static ContentSnapshot Load(string contentPath, IReadOnlyCollection<string>? reviewers = null)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(contentPath))
        {
            problems.Add(new ContentProblem(contentPath, "the content folder does not exist, so there are no articles", Skipped: true));
            return new ContentSnapshot(ArticleLibrary.Empty, problems, new Dictionary<string, string>());
        }

        var imageVersions = ImageVersions(Path.Combine(contentPath, "images"));
        var synonymsPath = Path.Combine(contentPath, SynonymsFile);
        var synonyms = File.Exists(synonymsPath) ? SearchSynonyms.Parse(File.ReadAllText(synonymsPath)) : SearchSynonyms.Empty;
        var namedReviewers = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var results = new List<ArticleFileResult>();
        foreach (var language in ClinicLanguage.All.Select(l => l.Code))
        {
            var folder = Path.Combine(contentPath, language);
            if (!Directory.Exists(folder))
            {
                problems.Add(new ContentProblem($"{language}/", "the folder is missing", Skipped: true));
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            {
                var file = $"{language}/{Path.GetFileName(path)}";
                string text;
                try
                {
                    text = File.ReadAllText(path);
                }
                catch (IOException ex)
                {
                    problems.Add(new ContentProblem(file, $"the file could not be read: {ex.Message}", Skipped: true));
                    continue;
                }

                var result = ArticleFile.Parse(file, language, text, imageVersions, reviewers);
                problems.AddRange(result.Problems);
                if (result.NamedReviewer is { } named)
                {
                    namedReviewers.Add(named);
                }

                if (result.Article is not null)
                {
                    results.Add(result);
                }
            }
        }

        // When two files claim one address, the file named after it keeps it.
        results = results.OrderBy(r => Path.GetFileNameWithoutExtension(r.File) == r.Article!.Slug ? 0 : 1).ToList();
        results = KeepFirst(results, r => r.Article!.Slug, "slug", problems);
        results = KeepFirst(results, r => r.Article!.TranslationId, "id", problems);
        results = KeepTranslated(results, problems);

        var articles = results.Select(r => r.Article!).ToList();
        problems.AddRange(BrokenLinks(results, articles, contentPath));
        problems.AddRange(MissingShareImages(articles, imageVersions));
        return new ContentSnapshot(new ArticleLibrary(articles, synonyms), problems, imageVersions) { NamedReviewers = namedReviewers };
    }

    /// <summary>Two files in one language may not share a slug (or an id): the first keeps it, the others are skipped.</summary>
    private static List<ArticleFileResult> KeepFirst(List<ArticleFileResult> results, Func<ArticleFileResult, string> key, string field, List<ContentProblem> problems)
    {
        var kept = new List<ArticleFileResult>();
        var owners = new Dictionary<(string Language, string Key), string>();
        foreach (var result in results)
        {
            if (owners.TryGetValue((result.Article!.Language, key(result)), out var owner))
            {
                problems.Add(new ContentProblem(result.File, $"the {field} '{key(result)}' is already used by {owner}", Skipped: true));
                continue;
            }

            owners.Add((result.Article.Language, key(result)), result.File);
            kept.Add(result);
        }

        return kept;
    }

    private static List<ArticleFileResult> KeepTranslated(List<ArticleFileResult> results, List<ContentProblem> problems)
    {
        var ids = results.Select(r => (r.Article!.Language, r.Article.TranslationId)).ToHashSet();
        var kept = new List<ArticleFileResult>();
        foreach (var result in results)
        {
            var other = ClinicLanguage.Of(result.Article!.Language).Other.Code;
            if (!ids.Contains((other, result.Article.TranslationId)))
            {
                problems.Add(new ContentProblem(
                    result.File,
                    $"there is no translation in the '{other}' folder with id '{result.Article.TranslationId}' (every article needs both languages)",
                    Skipped: true));
                continue;
            }

            kept.Add(result);
        }

        return kept;
    }

    /// <summary>
    /// A short hash of each picture's bytes, by its path under content/images ("rolling-scar.svg",
    /// "share/en-pico-laser.png"). Pages ask for /content/images/name.svg?v=hash, so a picture can be cached for a
    /// year and an edited one is fetched again at once.
    /// </summary>
    private static Dictionary<string, string> ImageVersions(string folder)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
                versions[name] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..10];
            }
        }

        return versions;
    }

    /// <summary>An article without its share picture is still shown (links to it get the home page's picture), but reported.</summary>
    private static IEnumerable<ContentProblem> MissingShareImages(List<Article> articles, Dictionary<string, string> imageVersions) =>
        articles
            .Where(article => !imageVersions.ContainsKey(ShareImages.ForArticle(article.Language, article.TranslationId)))
            .Select(article => new ContentProblem(
                $"{article.Language}/{article.Slug}.md",
                $"it has no share picture ({ArticlePaths.Images}/{ShareImages.ForArticle(article.Language, article.TranslationId)}): run tests/share-images.sh",
                Skipped: false));

    /// <summary>Links to articles that are not published, and pictures that are not in content/images: shown, but reported.</summary>
    private static IEnumerable<ContentProblem> BrokenLinks(List<ArticleFileResult> results, List<Article> articles, string contentPath)
    {
        var slugs = articles.Select(a => (a.Language, a.Slug)).ToHashSet();
        foreach (var result in results)
        {
            var article = result.Article!;
            foreach (var slug in article.LinkedSlugs.Where(slug => !slugs.Contains((article.Language, slug))))
            {
                yield return new ContentProblem(result.File, $"it links to {SitePaths.Article(article.Language, slug)}, which is not a published article", Skipped: false);
            }

            foreach (var image in result.Images)
            {
                var name = ArticlePaths.ImageFileName(image);
                if (name is null || !File.Exists(Path.Combine(contentPath, "images", name)))
                {
                    yield return new ContentProblem(result.File, $"the picture '{image}' is not a file in content/images (use {ArticlePaths.Images}/file-name.svg)", Skipped: false);
                }
            }
        }
    }
}

/// <summary>What one load of the content folder produced.</summary>
/// <param name="ImageVersions">A short hash of each picture in content/images, by file name.</param>
public sealed record ContentSnapshot(ArticleLibrary Library, IReadOnlyList<ContentProblem> Problems, IReadOnlyDictionary<string, string> ImageVersions)
{
    /// <summary>Every reviewer key the article files name, including files skipped because the key is unknown.</summary>
    public IReadOnlyCollection<string> NamedReviewers { get; init; } = [];
}
