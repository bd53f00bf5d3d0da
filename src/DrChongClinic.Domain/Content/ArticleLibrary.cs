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

    /// <summary>The articles must already be checked: one per language and slug, one per language and translation id.</summary>
    public ArticleLibrary(IEnumerable<Article> articles)
    {
        _articles = articles
            .OrderByDescending(a => a.Published)
            .ThenBy(a => a.Title, StringComparer.InvariantCulture)
            .ToList();
        foreach (var article in _articles)
        {
            _bySlug.Add((article.Language, article.Slug), article);
            _byTranslation.Add((article.Language, article.TranslationId), article);
            _searchable.Add(article, new SearchableArticle(article));
        }
    }

    public static ArticleLibrary Empty { get; } = new([]);

    /// <summary>All articles, newest first.</summary>
    public IReadOnlyList<Article> All => _articles;

    /// <summary>The articles in one language, newest first.</summary>
    public IReadOnlyList<Article> InLanguage(string language) => _articles.Where(a => a.Language == language).ToList();

    public Article? Find(string language, string slug) => _bySlug.GetValueOrDefault((language, slug));

    /// <summary>The same article in the other language, if there is one.</summary>
    public Article? Translation(Article article, string language) =>
        _byTranslation.GetValueOrDefault((language, article.TranslationId));

    /// <summary>The articles carrying a tag, newest first.</summary>
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

    public IReadOnlyList<Article> Latest(string language, int count) =>
        _articles.Where(a => a.Language == language).Take(count).ToList();

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
    /// Articles in a language whose title, description, tags, questions or text contain every word of the
    /// query (as the start of a word, ignoring case and accents). Title matches rank first.
    /// </summary>
    public IReadOnlyList<Article> Search(string language, string query, int max)
    {
        var words = SearchText.Words(query);
        if (words.Count == 0)
        {
            return [];
        }

        return _articles
            .Where(a => a.Language == language)
            .Select(a => (Article: a, Score: _searchable[a].Score(words)))
            .Where(result => result.Score > 0)
            .OrderByDescending(result => result.Score)
            .Take(max)
            .Select(result => result.Article)
            .ToList();
    }

    private sealed class SearchableArticle(Article article)
    {
        private readonly string _title = SearchText.Normalize(article.Title);
        private readonly string _summary = SearchText.Normalize(
            string.Join(' ', [article.Description, .. article.Tags, .. article.Faq.Select(f => f.Question)]));
        private readonly string _body = SearchText.Normalize(
            string.Join(' ', [article.PlainText, .. article.Faq.Select(f => f.Answer)]));

        /// <summary>0 unless every word is found somewhere.</summary>
        public int Score(IReadOnlyList<string> words)
        {
            var score = 0;
            foreach (var word in words)
            {
                var inTitle = SearchText.Count(_title, word);
                var inSummary = SearchText.Count(_summary, word);
                var inBody = SearchText.Count(_body, word);
                if (inTitle + inSummary + inBody == 0)
                {
                    return 0;
                }

                score += (inTitle * 20) + (inSummary * 5) + Math.Min(inBody, 10);
            }

            return score;
        }
    }
}

public sealed record TagCount(string Tag, int Count);
