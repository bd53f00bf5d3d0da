using System.Text;
using System.Text.RegularExpressions;
using DrChongClinic.Domain.Content;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// Turns an article's Markdown body into safe HTML, once, when the article is loaded. Raw HTML is not
/// allowed (it is shown as text), links may only use web, mail and phone addresses, headings get anchors.
/// </summary>
internal static partial class ArticleMarkdown
{
    /// <summary>The one pipeline every article goes through, built once.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static RenderedBody Render(string language, string markdown, IReadOnlyDictionary<string, string>? imageVersions = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var warnings = new List<string>();
        var linkedSlugs = new List<string>();
        var images = new List<string>();

        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (!IsSafe(url))
            {
                warnings.Add($"the link '{url}' is not allowed (only web, email and phone links) and was removed");
                link.Url = "#";
                continue;
            }

            if (link.IsImage)
            {
                images.Add(url);
                if (imageVersions is not null && ArticlePaths.ImageFileName(url) is { } name && imageVersions.TryGetValue(name, out var version))
                {
                    link.Url = ArticlePaths.Image(name, version);
                }

                if (string.IsNullOrWhiteSpace(InlineText(link)))
                {
                    warnings.Add($"the picture '{url}' has no alt text: describe it between the square brackets");
                }
            }
            else if (ArticlePaths.SlugLinkedTo(language, url) is { } slug && !linkedSlugs.Contains(slug))
            {
                linkedSlugs.Add(slug);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(autolink.Url))
            {
                warnings.Add($"the link '{autolink.Url}' is not allowed (only web, email and phone links) and was removed");
                autolink.Url = "#";
            }
        }

        var headings = new List<ArticleHeading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level == 1)
            {
                warnings.Add("it uses a '#' heading: start headings at '##' (the page already shows the title)");
            }
            else if (heading.Level is 2 or 3 && heading.GetAttributes().Id is { } anchor)
            {
                headings.Add(new ArticleHeading(heading.Level, anchor, InlineText(heading.Inline)));
            }
        }

        var (referenceCount, citations) = References(document);
        var html = Markdown.ToHtml(document, Pipeline);
        var plainText = WhiteSpace().Replace(Markdown.ToPlainText(markdown, Pipeline), " ").Trim();
        var wordCount = plainText.Length == 0 ? 0 : plainText.Split(' ').Length;
        return new RenderedBody(html, plainText, wordCount, headings, linkedSlugs, images, warnings) { ReferenceCount = referenceCount, Citations = citations };
    }

    /// <summary>The headings that open an article's list of sources, in English and Malay.</summary>
    public static readonly IReadOnlyList<string> ReferenceHeadings = ["References", "Rujukan"];

    /// <summary>
    /// How many sources the "## References" ("## Rujukan") section lists (its first numbered list), and the
    /// numbers cited as [n] (or [1, 2]) in the text before it, in order of first use.
    /// </summary>
    private static (int ReferenceCount, IReadOnlyList<int> Citations) References(MarkdownDocument document)
    {
        var citations = new List<int>();
        var referenceCount = 0;
        var inReferences = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                inReferences = ReferenceHeadings.Contains(InlineText(heading.Inline), StringComparer.OrdinalIgnoreCase);
                continue;
            }

            if (inReferences)
            {
                if (referenceCount == 0 && block is ListBlock { IsOrdered: true } list)
                {
                    referenceCount = list.Count;
                }

                continue;
            }

            foreach (var leaf in block.Descendants<LeafBlock>().Prepend(block as LeafBlock).OfType<LeafBlock>())
            {
                if (leaf.Inline is null)
                {
                    continue;
                }

                foreach (Match match in Citation().Matches(AllText(leaf.Inline)))
                {
                    foreach (var number in match.Groups[1].Value.Split(',').Select(n => int.Parse(n.Trim(), System.Globalization.CultureInfo.InvariantCulture)))
                    {
                        if (!citations.Contains(number))
                        {
                            citations.Add(number);
                        }
                    }
                }
            }
        }

        return (referenceCount, citations);
    }

    /// <summary>The text of a paragraph or heading as written, links' text included (unmatched brackets stay literal).</summary>
    private static string AllText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case LinkInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Relative addresses, and absolute ones with a web, mail or phone scheme; never javascript: or data:.</summary>
    internal static bool IsSafe(string url)
    {
        // Browsers ignore spaces and control characters inside a scheme ("java\tscript:"), so judge without them.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var scheme = Scheme().Match(compact);
        return !scheme.Success || SafeSchemes.Contains(scheme.Groups[1].Value.ToLowerInvariant());
    }

    private static string InlineText(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var inline in container.Descendants<LeafInline>())
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                _ => "",
            });
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>An article body after rendering, with what was learned on the way.</summary>
internal sealed record RenderedBody(
    string Html,
    string PlainText,
    int WordCount,
    IReadOnlyList<ArticleHeading> Headings,
    IReadOnlyList<string> LinkedSlugs,
    IReadOnlyList<string> Images,
    IReadOnlyList<string> Warnings)
{
    public int ReferenceCount { get; init; }

    public IReadOnlyList<int> Citations { get; init; } = [];
}
