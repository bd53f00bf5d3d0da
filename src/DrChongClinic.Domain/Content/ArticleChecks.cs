namespace DrChongClinic.Domain.Content;

/// <summary>
/// The editorial rules every article is held to, as plain checks: each returns what is wrong, in words a writer
/// can act on, and nothing when the article is fine. The loader reports them; the tests require them to be empty.
/// </summary>
public static class ArticleChecks
{
    /// <summary>
    /// Every article lists at least one reference, every [n] in the body points at an existing reference n, and
    /// every reference is cited.
    /// </summary>
    public static IReadOnlyList<string> CitationProblems(Article article)
    {
        var problems = new List<string>();
        if (article.ReferenceCount == 0)
        {
            problems.Add("it has no references: end it with a '## References' (Malay: '## Rujukan') section listing its sources as a numbered list");
        }

        foreach (var number in article.Citations.Where(n => n < 1 || n > article.ReferenceCount))
        {
            problems.Add($"it cites [{number}] but the references list {article.ReferenceCount} source(s)");
        }

        foreach (var number in Enumerable.Range(1, article.ReferenceCount).Where(n => !article.Citations.Contains(n)))
        {
            problems.Add($"reference {number} is never cited: put [{number}] after the statement it supports, or remove it");
        }

        return problems;
    }

    /// <summary>
    /// The English and Malay versions say the same things: the same sections in the same order (the same number
    /// of questions and sub-headings under each), the same FAQ questions, the same references, and the same place
    /// in reading order, booking treatment and reviewer.
    /// </summary>
    public static IReadOnlyList<string> TranslationDifferences(Article one, Article other)
    {
        var differences = new List<string>();
        void Compare<T>(string what, T first, T second)
        {
            if (!EqualityComparer<T>.Default.Equals(first, second))
            {
                differences.Add($"{what}: {one.Language} has {first}, {other.Language} has {second}");
            }
        }

        Compare("sections (## headings)", one.Sections.Count, other.Sections.Count);
        Compare("sub-headings (###) under each section", Outline(one), Outline(other));
        Compare("FAQ questions", one.Faq.Count, other.Faq.Count);
        Compare("FAQ questions shown on the page", one.FaqOnPage.Count, other.FaqOnPage.Count);
        Compare("references", one.ReferenceCount, other.ReferenceCount);
        Compare("citations in order of first use", string.Join(",", one.Citations), string.Join(",", other.Citations));
        Compare("order", one.Order, other.Order);
        Compare("treatment", one.TreatmentCode, other.TreatmentCode);
        Compare("reviewer", one.ReviewerKey, other.ReviewerKey);
        Compare("lastReviewed", one.LastReviewed, other.LastReviewed);
        Compare("nextReview", one.NextReview, other.NextReview);
        return differences;
    }

    /// <summary>"0,2,3": how many ### headings sit under each ## heading, in order.</summary>
    private static string Outline(Article article)
    {
        var counts = new List<int>();
        foreach (var heading in article.Headings)
        {
            if (heading.Level == 2)
            {
                counts.Add(0);
            }
            else if (counts.Count > 0)
            {
                counts[^1]++;
            }
        }

        return string.Join(",", counts);
    }
}
