namespace DrChongClinic.Domain.Content;

/// <summary>
/// Groups of terms that mean the same thing for search, as Malaysians write them ("pockmark", "pokmark",
/// "lubang jerawat", "bopeng"). A term may be several words. Read from content/search-synonyms.txt: one group per
/// line, terms separated by commas, '#' starts a comment line.
/// </summary>
public sealed class SearchSynonyms
{
    private readonly Dictionary<string, IReadOnlyList<string>> _groupOf = new(StringComparer.Ordinal);

    private SearchSynonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            foreach (var term in group)
            {
                // A term listed in two groups belongs to both.
                _groupOf[term] = _groupOf.TryGetValue(term, out var earlier) ? [.. earlier.Union(group)] : group;
                LongestTermWords = Math.Max(LongestTermWords, term.Split(' ').Length);
            }
        }
    }

    public static SearchSynonyms Empty { get; } = new([]);

    /// <summary>The most words any term has: how far ahead a query is looked at for a term.</summary>
    public int LongestTermWords { get; }

    /// <summary>Every term, normalized: lower case, no accents, words separated by one space.</summary>
    public IEnumerable<string> Terms => _groupOf.Keys;

    public static SearchSynonyms Parse(string text)
    {
        var groups = new List<IReadOnlyList<string>>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var terms = trimmed.Split(',')
                .Select(term => SearchText.Normalize(term).Trim())
                .Where(term => term.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (terms.Count > 1)
            {
                groups.Add(terms);
            }
        }

        return new SearchSynonyms(groups);
    }

    /// <summary>The terms that mean the same as a normalized term (itself included), or null when it is in no group.</summary>
    public IReadOnlyList<string>? GroupOf(string term) => _groupOf.GetValueOrDefault(term);
}
