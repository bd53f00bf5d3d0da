namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// The clinicians who review articles, from configuration "Clinic:Reviewers:{key}:Name" and ":Credential".
/// An article names one by its key in front matter (<c>reviewer: medical-director</c>); names are never written
/// in the articles themselves, so a change of reviewer is one setting.
/// </summary>
public sealed class ArticleReviewers
{
    /// <summary>Bound from the "Clinic" section, whose "Reviewers" entry this reads.</summary>
    public const string Section = "Clinic";

    public Dictionary<string, ArticleReviewer> Reviewers { get; set; } = [];

    /// <summary>The keys, as the settings spell them.</summary>
    public IReadOnlyCollection<string> Keys => Reviewers.Keys;

    /// <summary>The reviewer with a key, ignoring capital letters (configuration keys do).</summary>
    public ArticleReviewer? Find(string key) =>
        Reviewers.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>A reviewer as the article page shows them: "Medically reviewed by {Name}, {Credential}".</summary>
public sealed class ArticleReviewer
{
    /// <summary>The clinician's name as it should appear, e.g. with "Dr".</summary>
    public string Name { get; set; } = "";

    /// <summary>Qualifications, e.g. "MBBS, LCP".</summary>
    public string Credential { get; set; } = "";
}
