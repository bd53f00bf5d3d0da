using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// What a first visit downloads, compressed as a browser asks for it (Accept-Encoding: br, gzip): the page and
/// everything it references (stylesheets, scripts, icons, images, and fonts or images named in the CSS), each
/// counted once with its response headers. Also checks that every one of those files, for these pages and the
/// booking page, is fingerprinted and cached for a year.
/// </summary>
public static partial class PageWeight
{
    public const long MaximumBytes = 150 * 1024;

    private static readonly (string Name, string Path)[] Pages = [("Home page", "/"), ("Article page", "/articles/pico-laser")];

    public static async Task RunAsync(SiteProcess site, ResultTable results, bool bookingPresent)
    {
        using var client = site.CreateClient(decompress: false);
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        var notCachedForAYear = new SortedSet<string>(StringComparer.Ordinal);
        // The booking page's assets (booking.js) are checked for fingerprints too; its weight has no target.
        var pages = bookingPresent ? Pages.Append(("Booking page", "/book?treatment=consultation")) : Pages;
        foreach (var (name, path) in pages)
        {
            var page = await FetchAsync(client, new Uri(site.BaseAddress, path));
            var document = new HtmlParser().ParseDocument(page.Text);
            var assets = new Queue<Uri>(document.QuerySelectorAll("link[href]")
                .Where(l => l.GetAttribute("rel") is "stylesheet" or "icon" or "preload" or "modulepreload" or "apple-touch-icon" or "manifest")
                .Select(l => l.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("script[src], img[src], source[src]").Select(e => e.GetAttribute("src")!))
                .Concat(document.QuerySelectorAll("img[srcset], source[srcset]").SelectMany(e => SrcSet(e.GetAttribute("srcset")!)))
                .Where(url => !url.StartsWith("data:", StringComparison.Ordinal))
                .Select(url => new Uri(page.Url, url)));
            var seen = new HashSet<Uri>();
            var total = page.TransferBytes;
            while (assets.TryDequeue(out var url))
            {
                if (!seen.Add(url))
                {
                    continue;
                }

                var asset = await FetchAsync(client, url);
                total += asset.TransferBytes;
                if (asset.ContentType is "text/css")
                {
                    foreach (Match reference in CssUrl().Matches(asset.Text))
                    {
                        var value = reference.Groups[1].Value.Trim('"', '\'', ' ');
                        if (!value.StartsWith("data:", StringComparison.Ordinal) && !value.StartsWith('#'))
                        {
                            assets.Enqueue(new Uri(url, value));
                        }
                    }
                }

                if (!asset.CachedForAYear)
                {
                    notCachedForAYear.Add(url.AbsolutePath);
                }
            }

            if (!Pages.Contains((name, path)))
            {
                results.Note($"{name} {path} weighs {Figures.Kb(total)} as sent: its HTML is never compressed (docs/performance.md), its {seen.Count} other files are.");
                continue;
            }

            results.Add(
                $"{name} {path}: weight, compressed",
                $"{Figures.Kb(total)} (HTML {Figures.Kb(page.TransferBytes)} + {seen.Count} files)",
                $"< {Figures.Kb(MaximumBytes)}",
                total < MaximumBytes);
        }

        results.Add(
            "Every file the pages use fingerprinted, cached a year",
            notCachedForAYear.Count == 0 ? "max-age=31536000, immutable" : "not: " + string.Join(", ", notCachedForAYear),
            "immutable, 1 year",
            notCachedForAYear.Count == 0);
    }

    private static IEnumerable<string> SrcSet(string srcset) =>
        srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(candidate => candidate.Split(' ')[0]);

    private static async Task<Fetched> FetchAsync(HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        var headerBytes = response.Headers.Concat(response.Content.Headers).Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v.Length)) + 17;
        var cacheControl = response.Headers.CacheControl;
        var cachedForAYear = cacheControl?.MaxAge >= TimeSpan.FromDays(365) && cacheControl.Extensions.Any(e => e.Name == "immutable");
        return new Fetched(url, body.Length + headerBytes, response.Content.Headers.ContentType?.MediaType, Decode(body, response.Content.Headers.ContentEncoding.LastOrDefault()), cachedForAYear);
    }

    private static string Decode(byte[] body, string? encoding)
    {
        using var compressed = new MemoryStream(body);
        using Stream plain = encoding switch
        {
            "br" => new BrotliStream(compressed, CompressionMode.Decompress),
            "gzip" => new GZipStream(compressed, CompressionMode.Decompress),
            _ => compressed,
        };
        using var reader = new StreamReader(plain, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed record Fetched(Uri Url, long TransferBytes, string? ContentType, string Text, bool CachedForAYear);

    [GeneratedRegex(@"url\(([^)]+)\)")]
    private static partial Regex CssUrl();
}
