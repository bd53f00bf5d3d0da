using System.Globalization;
using System.Text.RegularExpressions;
using DrChongClinic.Domain.Content;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// Reads one article file: YAML front matter between two '---' lines, then the Markdown body.
/// Returns the article, or the reasons it cannot be shown, in words a member of staff can act on.
/// </summary>
internal static partial class ArticleFile
{
    public const int DescriptionMaxLength = 155;

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <param name="file">The file's name for messages, e.g. "en/pico-laser.md".</param>
    /// <param name="folderLanguage">The language folder the file is in.</param>
    /// <param name="text">The whole file.</param>
    /// <param name="imageVersions">Versions of the pictures in content/images, added to their addresses (see ArticleLoader).</param>
    /// <param name="reviewers">The reviewer keys the clinic's settings name (Clinic:Reviewers); null accepts any key.</param>
    public static ArticleFileResult Parse(
        string file,
        string folderLanguage,
        string text,
        IReadOnlyDictionary<string, string>? imageVersions = null,
        IReadOnlyCollection<string>? reviewers = null)
    {
        var problems = new List<ContentProblem>();
        string? namedReviewer = null;
        ArticleFileResult Skip(string message)
        {
            problems.Add(new ContentProblem(file, message, Skipped: true));
            return new ArticleFileResult(file, null, problems, []) { NamedReviewer = namedReviewer };
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines[0].Trim() != "---")
        {
            return Skip("it does not start with front matter: the first line must be '---'");
        }

        var end = Array.FindIndex(lines, 1, line => line.Trim() == "---");
        if (end < 0)
        {
            return Skip("the front matter is not closed: add a line '---' after it");
        }

        FrontMatter? front;
        try
        {
            front = Yaml.Deserialize<FrontMatter>(string.Join('\n', lines[1..end]));
        }
        catch (YamlException ex)
        {
            // YAML counts lines from the first line after the opening '---', which is line 2 of the file.
            return Skip($"the front matter could not be read near line {ex.Start.Line + 1}: {Explain(ex)}");
        }

        if (front is null)
        {
            return Skip("the front matter is empty");
        }

        namedReviewer = string.IsNullOrWhiteSpace(front.Reviewer) ? null : front.Reviewer.Trim();
        var missing = front.MissingFields();
        if (missing.Count > 0)
        {
            return Skip($"the front matter is missing {string.Join(", ", missing.Select(f => $"'{f}'"))}");
        }

        var errors = new List<string>();
        if (front.Language != folderLanguage)
        {
            errors.Add($"'language' is '{front.Language}' but the file is in the '{folderLanguage}' folder");
        }

        if (!SlugPattern().IsMatch(front.Slug!))
        {
            errors.Add($"'slug' must be lowercase letters, digits and hyphens, e.g. what-are-pockmarks (found '{front.Slug}')");
        }

        if (!SlugPattern().IsMatch(front.Treatment!))
        {
            errors.Add($"'treatment' must be a treatment code such as consultation or pico-laser (found '{front.Treatment}')");
        }

        var published = ReadDate("published", front.Published!, errors);
        var lastReviewed = ReadDate("lastReviewed", front.LastReviewed!, errors);
        var nextReview = ReadDate("nextReview", front.NextReview!, errors);
        if (nextReview != default && lastReviewed != default && nextReview <= lastReviewed)
        {
            errors.Add($"'nextReview' ({front.NextReview}) must come after 'lastReviewed' ({front.LastReviewed})");
        }

        if (!int.TryParse(front.Order!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order < 1)
        {
            errors.Add($"'order' must be a whole number from 1, its place in the reading order (found '{front.Order}')");
        }

        var reviewer = front.Reviewer!.Trim();
        if (reviewers is not null && !reviewers.Contains(reviewer, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"'reviewer' is '{reviewer}', which is not a reviewer in the clinic's settings: add Clinic:Reviewers:{reviewer}:Name and "
                + $":Credential, or use one of: {(reviewers.Count == 0 ? "(none set)" : string.Join(", ", reviewers))}");
        }

        var tags = front.Tags!.Select(tag => (tag ?? "").Trim().ToLowerInvariant()).ToList();
        if (tags.Count == 0)
        {
            errors.Add("'tags' needs at least one tag, e.g. [basics, acne-scars]");
        }

        errors.AddRange(tags.Where(tag => !TagPattern().IsMatch(tag)).Select(tag => $"the tag '{tag}' must be lowercase words joined by hyphens"));

        var faq = front.Faq ?? [];
        for (var i = 0; i < faq.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(faq[i].Question) || string.IsNullOrWhiteSpace(faq[i].Answer))
            {
                errors.Add($"FAQ entry {i + 1} needs both a 'question' and an 'answer'");
            }
        }

        if (errors.Count > 0)
        {
            return Skip(string.Join("; ", errors));
        }

        var warnings = new List<string>();
        if (Path.GetFileNameWithoutExtension(file) != front.Slug)
        {
            warnings.Add($"the file name should match the slug: {front.Slug}.md");
        }

        if (front.Description!.Length > DescriptionMaxLength)
        {
            warnings.Add($"'description' has {front.Description.Length} characters; search engines show about {DescriptionMaxLength}");
        }

        if (tags.Count > 3)
        {
            warnings.Add("it has more than 3 tags; 1 to 3 keep the topic pages useful");
        }

        var body = ArticleMarkdown.Render(front.Language!, string.Join('\n', lines[(end + 1)..]), imageVersions);
        warnings.AddRange(body.Warnings);
        problems.AddRange(warnings.Select(warning => new ContentProblem(file, warning, Skipped: false)));

        var article = new Article
        {
            TranslationId = front.Id!.Trim(),
            Language = front.Language!,
            Slug = front.Slug!,
            Title = front.Title!.Trim(),
            Description = front.Description.Trim(),
            Published = published,
            LastReviewed = lastReviewed,
            NextReview = nextReview,
            ReviewerKey = reviewers?.FirstOrDefault(key => string.Equals(key, reviewer, StringComparison.OrdinalIgnoreCase)) ?? reviewer,
            Order = order,
            Tags = tags.Distinct().ToList(),
            TreatmentCode = front.Treatment!,
            Faq = faq.Select(entry => new FaqEntry(entry.Question!.Trim(), entry.Answer!.Trim())).ToList(),
            Html = body.Html,
            PlainText = body.PlainText,
            WordCount = body.WordCount,
            Headings = body.Headings,
            LinkedSlugs = body.LinkedSlugs,
            ReferenceCount = body.ReferenceCount,
            Citations = body.Citations,
        };
        var afterRender = ArticleChecks.CitationProblems(article).ToList();
        afterRender.AddRange(article.Faq.Except(article.FaqOnPage).Select(entry =>
            $"the FAQ question \"{entry.Question}\" is not on the page: add it word for word as a '###' heading under the FAQ section, "
            + "or search engines are not told about it"));
        problems.AddRange(afterRender.Select(warning => new ContentProblem(file, warning, Skipped: false)));
        return new ArticleFileResult(file, article, problems, body.Images) { NamedReviewer = article.ReviewerKey };
    }

    private static DateOnly ReadDate(string field, string value, List<string> errors)
    {
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"'{field}' must be a date written as YYYY-MM-DD, e.g. 2026-11-20 (found '{value}')");
        return default;
    }

    /// <summary>YamlDotNet's message, in the words of the front matter rather than of our C# types.</summary>
    private static string Explain(YamlException ex)
    {
        if (UnknownProperty().Match(ex.Message) is { Success: true } unknown)
        {
            return $"'{unknown.Groups[1].Value}' is not a front matter field; check its spelling and capital letters "
                + "(the fields are id, title, description, slug, language, order, published, lastReviewed, nextReview, reviewer, tags, treatment, faq)";
        }

        if (ex is SyntaxErrorException or SemanticErrorException)
        {
            return $"{ex.Message} Check the quotes, put text that contains a colon in quotes, and close the [ ] around the tags.";
        }

        return "a value has the wrong form: tags are a list in square brackets, e.g. [basics, causes], text goes in quotes, "
            + "and each faq entry has a question and an answer";
    }

    [GeneratedRegex("^Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[\p{Ll}\p{Nd}]+(-[\p{Ll}\p{Nd}]+)*$")]
    private static partial Regex TagPattern();

    /// <summary>The front matter keys, exactly as written in the files (camelCase).</summary>
    private sealed class FrontMatter
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Slug { get; set; }

        public string? Language { get; set; }

        public string? Published { get; set; }

        public string? LastReviewed { get; set; }

        public string? NextReview { get; set; }

        public string? Reviewer { get; set; }

        public string? Order { get; set; }

        public List<string?>? Tags { get; set; }

        public string? Treatment { get; set; }

        public List<FaqYaml>? Faq { get; set; }

        public List<string> MissingFields()
        {
            var missing = new List<string>();
            void Require(string name, object? value)
            {
                if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
                {
                    missing.Add(name);
                }
            }

            Require("id", Id);
            Require("title", Title);
            Require("description", Description);
            Require("slug", Slug);
            Require("language", Language);
            Require("published", Published);
            Require("lastReviewed", LastReviewed);
            Require("nextReview", NextReview);
            Require("reviewer", Reviewer);
            Require("order", Order);
            Require("tags", Tags);
            Require("treatment", Treatment);
            return missing;
        }
    }

    private sealed class FaqYaml
    {
        public string? Question { get; set; }

        public string? Answer { get; set; }
    }
}

/// <summary>One file read: the article (null when it has to be skipped), its problems and the pictures it uses.</summary>
internal sealed record ArticleFileResult(string File, Article? Article, IReadOnlyList<ContentProblem> Problems, IReadOnlyList<string> Images)
{
    /// <summary>The front matter's reviewer key, even when the file was skipped (e.g. because the key is unknown).</summary>
    public string? NamedReviewer { get; init; }
}
