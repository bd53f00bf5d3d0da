namespace DrChongClinic.Domain.Content;

/// <summary>
/// Every published article, as one unchanging snapshot: look-ups by address and translation, tags,
/// related reading and search. Built once when the content is loaded, then shared by all requests.
/// </summary>
public sealed class ArticleLibrary
{
    private readonly List<Article> _articles;
    private readonly Dictionary<(string Language, string Slug), Article> _bySlug = [];
    private readonly Dictionary<(string Language, string TranslationId), Article> _byTranslation = [];
    private readonly Dictionary<Article, SearchableArticle> _searchable = [];

    private readonly SearchSynonyms _synonyms;
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);

    /// <summary>The articles must already be checked: one per language and slug, one per language and translation id.</summary>
    public ArticleLibrary(IEnumerable<Article> articles, SearchSynonyms? synonyms = null)
    {
        _synonyms = synonyms ?? SearchSynonyms.Empty;
        _articles = articles
            .OrderBy(a => a.Order)
            // Titles by their letters, ignoring case ("acne" beside "Acne scars"): the site runs without ICU, so no
            // comparison is linguistic, and this one says what it does.
            .ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var article in _articles)
        {
            _bySlug.Add((article.Language, article.Slug), article);
            _byTranslation.Add((article.Language, article.TranslationId), article);
            var searchable = new SearchableArticle(article);
            _searchable.Add(article, searchable);
            _vocabulary.UnionWith(searchable.Words);
        }

        foreach (var term in _synonyms.Terms)
        {
            _vocabulary.UnionWith(term.Split(' '));
        }
    }

    public static ArticleLibrary Empty { get; } = new([]);

    /// <summary>All articles, in reading order (front matter <c>order</c>).</summary>
    public IReadOnlyList<Article> All => _articles;

    /// <summary>The articles in one language, in reading order.</summary>
    public IReadOnlyList<Article> InLanguage(string language) => _articles.Where(a => a.Language == language).ToList();

    public Article? Find(string language, string slug) => _bySlug.GetValueOrDefault((language, slug));

    /// <summary>The same article in the other language, if there is one.</summary>
    public Article? Translation(Article article, string language) =>
        _byTranslation.GetValueOrDefault((language, article.TranslationId));

    /// <summary>The articles carrying a tag, in reading order.</summary>
    public IReadOnlyList<Article> Tagged(string language, string tag) =>
        _articles.Where(a => a.Language == language && a.Tags.Contains(tag)).ToList();

    /// <summary>Every tag used in a language with how many articles carry it, most used first.</summary>
    public IReadOnlyList<TagCount> Tags(string language) =>
        _articles.Where(a => a.Language == language)
            .SelectMany(a => a.Tags)
            .GroupBy(tag => tag)
            .Select(g => new TagCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();

    /// <summary>The most recently published articles in a language; among those published the same day, reading order.</summary>
    public IReadOnlyList<Article> Latest(string language, int count) =>
        _articles.Where(a => a.Language == language).OrderByDescending(a => a.Published).Take(count).ToList();

    /// <summary>
    /// Further reading for an article: others in its language that it links to or that link to it
    /// (worth two points) or that share tags (a point per tag). Best first; unrelated articles are left out.
    /// </summary>
    public IReadOnlyList<Article> RelatedTo(Article article, int count)
    {
        return _articles
            .Where(other => other.Language == article.Language && other.Slug != article.Slug)
            .Select(other => (Article: other, Score: Score(other)))
            .Where(candidate => candidate.Score > 0)
            .OrderByDescending(candidate => candidate.Score)
            .Take(count)
            .Select(candidate => candidate.Article)
            .ToList();

        int Score(Article other)
        {
            var linked = article.LinkedSlugs.Contains(other.Slug) || other.LinkedSlugs.Contains(article.Slug);
            return (linked ? 2 : 0) + other.Tags.Count(article.Tags.Contains);
        }
    }

    /// <summary>
    /// Articles in both languages whose title, description, tags, questions or text match every part of the query,
    /// best first, the given language before the other. A part matches as the start of a word (ignoring case and
    /// accents), or through a synonym ("pokmark" finds "pockmark" and "lubang jerawat"), or, for a word of 4 or more
    /// letters found nowhere, through a word one typing slip away ("pockmrak"). An article in the other language is
    /// left out when its translation is already among the results. Title matches rank first.
    /// </summary>
    public IReadOnlyList<Article> Search(string language, string query, int max)
    {
        var parts = QueryParts(SearchText.Tokens(query));
        if (parts.Count == 0)
        {
            return [];
        }

        var found = _articles
            .Select(a => (Article: a, Score: _searchable[a].Score(parts)))
            .Where(result => result.Score > 0)
            .OrderBy(result => result.Article.Language == language ? 0 : 1)
            .ThenByDescending(result => result.Score)
            .Select(result => result.Article)
            .ToList();
        var shown = found.Where(a => a.Language == language).Select(a => a.TranslationId).ToHashSet();
        return found.Where(a => a.Language == language || !shown.Contains(a.TranslationId)).Take(max).ToList();
    }

    /// <summary>
    /// The query split into the things an article must all mention. Synonym terms are recognised longest first, so
    /// "lubang jerawat" is one part (with "pockmark" and the rest of its group), not "lubang" and "jerawat".
    /// </summary>
    private List<QueryPart> QueryParts(IReadOnlyList<string> tokens)
    {
        var parts = new List<QueryPart>();
        for (var at = 0; at < tokens.Count;)
        {
            var length = Math.Min(_synonyms.LongestTermWords, tokens.Count - at);
            IReadOnlyList<string>? group = null;
            for (; length >= 1; length--)
            {
                group = _synonyms.GroupOf(string.Join(' ', tokens.Skip(at).Take(length)));
                if (group is not null)
                {
                    break;
                }
            }

            if (group is not null)
            {
                var typed = string.Join(' ', tokens.Skip(at).Take(length));
                parts.Add(new QueryPart(typed, group));
                at += length;
                continue;
            }

            var word = tokens[at++];
            parts.Add(new QueryPart(word, word.Length >= 4 && !_vocabulary.Any(known => known.StartsWith(word, StringComparison.Ordinal))
                ? CorrectionsOf(word)
                : []));
        }

        return parts.DistinctBy(part => part.Typed).ToList();
    }

    /// <summary>The words of the articles one typing slip away from a word, with their synonyms.</summary>
    private List<string> CorrectionsOf(string word)
    {
        var corrections = new List<string>();
        foreach (var known in _vocabulary.Where(known => known.Length >= 4 && SearchText.WithinOneTypo(word, known)).Order(StringComparer.Ordinal))
        {
            corrections.Add(known);
            corrections.AddRange(_synonyms.GroupOf(known) ?? []);
        }

        return corrections.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>One thing the query asks for: what was typed (matched as the start of a word) and its equivalents (whole words).</summary>
    private sealed record QueryPart(string Typed, IReadOnlyList<string> Equivalents);

    private sealed class SearchableArticle(Article article)
    {
        private readonly string _title = SearchText.Normalize(article.Title);
        private readonly string _summary = SearchText.Normalize(
            string.Join(' ', [article.Description, .. article.Tags, .. article.Faq.Select(f => f.Question)]));
        private readonly string _body = SearchText.Normalize(
            string.Join(' ', [article.PlainText, .. article.Faq.Select(f => f.Answer)]));

        /// <summary>Every word the article uses, for typo correction.</summary>
        public IEnumerable<string> Words =>
            $"{_title}{_summary}{_body}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 3);

        /// <summary>0 unless every part is found somewhere.</summary>
        public int Score(IReadOnlyList<QueryPart> parts)
        {
            var score = 0;
            foreach (var part in parts)
            {
                var best = Math.Max(Score(part.Typed, SearchText.Count), part.Equivalents.Select(term => Score(term, SearchText.CountWhole)).DefaultIfEmpty(0).Max());
                if (best == 0)
                {
                    return 0;
                }

                score += best;
            }

            return score;
        }

        private int Score(string term, Func<string, string, int> count)
        {
            var inTitle = count(_title, term);
            var inSummary = count(_summary, term);
            var inBody = count(_body, term);
            return (inTitle * 20) + (inSummary * 5) + Math.Min(inBody, 10);
        }
    }
}

public sealed record TagCount(string Tag, int Count);
