namespace DrChongClinic.Domain.Content;

/// <summary>
/// One article in one language, ready to show: its details from the front matter and its body already
/// rendered to HTML. The English and Malay versions of an article share a <see cref="TranslationId"/>.
/// </summary>
public sealed record Article
{
    /// <summary>Readers get through about this many words a minute of careful health reading.</summary>
    public const int WordsPerMinute = 200;

    /// <summary>Shorter articles are read top to bottom; longer ones get a table of contents.</summary>
    public const int TableOfContentsMinimumWords = 500;

    public const int TableOfContentsMinimumHeadings = 3;

    /// <summary>Pairs the English and Malay versions, e.g. "pockmarks-explained".</summary>
    public required string TranslationId { get; init; }

    /// <summary>"en" or "ms".</summary>
    public required string Language { get; init; }

    /// <summary>The last part of the article's address, e.g. "what-are-pockmarks".</summary>
    public required string Slug { get; init; }

    public required string Title { get; init; }

    /// <summary>One or two sentences for search results and article cards.</summary>
    public required string Description { get; init; }

    public required DateOnly Published { get; init; }

    /// <summary>When a doctor last checked the article is still right.</summary>
    public required DateOnly LastReviewed { get; init; }

    /// <summary>When the article is due for its next medical review.</summary>
    public required DateOnly NextReview { get; init; }

    /// <summary>The key of the clinician who reviewed it, e.g. "medical-director"; name and credential come from settings.</summary>
    public required string ReviewerKey { get; init; }

    /// <summary>Its place in reading order (1 first): what pockmarks are, types, causes, treatments, comparisons, prevention, FAQ.</summary>
    public required int Order { get; init; }

    /// <summary>Lowercase, hyphenated tags in the article's language, e.g. "acne-scars".</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The treatment the article is about, e.g. "pico-laser" ("consultation" for general articles). The "Book a consultation" button always books a consultation.</summary>
    public required string TreatmentCode { get; init; }

    public IReadOnlyList<FaqEntry> Faq { get; init; } = [];

    /// <summary>The body as safe HTML, rendered once when the article is loaded.</summary>
    public required string Html { get; init; }

    /// <summary>The body without markup, for search.</summary>
    public required string PlainText { get; init; }

    public required int WordCount { get; init; }

    /// <summary>The article's h2 and h3 headings with their anchors, in order.</summary>
    public IReadOnlyList<ArticleHeading> Headings { get; init; } = [];

    /// <summary>Slugs of the other articles in the same language that this one links to.</summary>
    public IReadOnlyList<string> LinkedSlugs { get; init; } = [];

    /// <summary>How many entries the References (Rujukan) section lists; 0 when it has none.</summary>
    public int ReferenceCount { get; init; }

    /// <summary>The reference numbers cited in the body as [n], in order of first use, each once.</summary>
    public IReadOnlyList<int> Citations { get; init; } = [];

    /// <summary>
    /// The FAQ entries whose question is on the page as a heading, word for word: the only ones search engines
    /// may be told about, since structured data must describe what readers see.
    /// </summary>
    public IReadOnlyList<FaqEntry> FaqOnPage =>
        Faq.Where(entry => Headings.Any(heading => heading.Level == 3 && heading.Text == entry.Question)).ToList();

    /// <summary>The texts of the level-2 sections, in order.</summary>
    public IReadOnlyList<string> Sections => Headings.Where(h => h.Level == 2).Select(h => h.Text).ToList();

    /// <summary>Whole minutes, at least one.</summary>
    public int ReadingMinutes => Math.Max(1, (int)Math.Ceiling(WordCount / (double)WordsPerMinute));

    public bool HasTableOfContents =>
        WordCount >= TableOfContentsMinimumWords && Headings.Count >= TableOfContentsMinimumHeadings;
}

/// <summary>A question and its short plain-text answer, shown on the page and given to search engines.</summary>
public sealed record FaqEntry(string Question, string Answer);

/// <summary>A heading in an article: level 2 or 3, the anchor it can be linked with, and its text.</summary>
public sealed record ArticleHeading(int Level, string Anchor, string Text);
