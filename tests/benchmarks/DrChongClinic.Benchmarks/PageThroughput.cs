namespace DrChongClinic.Benchmarks;

/// <summary>
/// Each page against the very same HTML served as a static file by the same running site: the page is fetched,
/// written to wwwroot/bench/ (UseStaticFiles serves files added after start-up), and both are loaded by wrk with the
/// same connections and duration. Rounds alternate which goes first; the medians are compared.
/// </summary>
public static class PageThroughput
{
    public const double MinimumRatio = 0.8;
    public const double MaximumP99Ms = 25;

    private static readonly (string Name, string Path, string File)[] Pages =
    [
        ("Article page", "/articles/pico-laser", "article.html"),
        ("Home page", "/", "home.html"),
        ("Article list", "/articles", "articles.html"),
    ];

    public static async Task RunAsync(SiteProcess site, BenchmarkOptions options, ResultTable results)
    {
        var folder = Path.Combine(site.WebRoot, "bench");
        Directory.CreateDirectory(folder);
        using var client = site.CreateClient(decompress: false);
        foreach (var (name, path, file) in Pages)
        {
            var html = await client.GetByteArrayAsync(path);
            await File.WriteAllBytesAsync(Path.Combine(folder, file), html);
            var copy = await client.GetByteArrayAsync($"/bench/{file}");
            if (!copy.AsSpan().SequenceEqual(html))
            {
                throw new InvalidOperationException($"/bench/{file} is not served as the same bytes as {path}");
            }

            var page = new Uri(site.BaseAddress, path);
            var staticFile = new Uri(site.BaseAddress, $"/bench/{file}");
            await Wrk.RunAsync(page, options.Connections, 2); // warm-up: JIT, tiered compilation, cache filled
            await Wrk.RunAsync(staticFile, options.Connections, 2);

            var pageRuns = new List<WrkResult>();
            var staticRuns = new List<WrkResult>();
            for (var round = 0; round < options.Rounds; round++)
            {
                if (round % 2 == 0)
                {
                    staticRuns.Add(await Wrk.RunAsync(staticFile, options.Connections, options.Seconds));
                    pageRuns.Add(await Wrk.RunAsync(page, options.Connections, options.Seconds));
                }
                else
                {
                    pageRuns.Add(await Wrk.RunAsync(page, options.Connections, options.Seconds));
                    staticRuns.Add(await Wrk.RunAsync(staticFile, options.Connections, options.Seconds));
                }
            }

            var pageRate = Figures.Median(pageRuns.Select(r => r.RequestsPerSecond));
            var staticRate = Figures.Median(staticRuns.Select(r => r.RequestsPerSecond));
            var ratio = pageRate / staticRate;
            var p99 = Figures.Median(pageRuns.Select(r => r.P99Ms));
            var errors = pageRuns.Concat(staticRuns).Sum(r => r.Errors);
            var errorText = errors == 0 ? "" : $", {errors} errors";
            results.Add(
                $"{name} {path}: req/s vs static copy",
                $"{Figures.Count(pageRate)} vs {Figures.Count(staticRate)} req/s = {Figures.Ratio(ratio)}{errorText}",
                $">= {Figures.Ratio(MinimumRatio)}",
                ratio >= MinimumRatio && errors == 0);
            results.Add(
                $"{name} {path}: p99 latency",
                $"{Figures.Ms(p99)} (static copy {Figures.Ms(Figures.Median(staticRuns.Select(r => r.P99Ms)))})",
                $"< {MaximumP99Ms} ms",
                p99 < MaximumP99Ms);
        }

        results.Note($"wrk: {options.Connections} connections, {options.Seconds} s per run, {options.Rounds} rounds per page (medians), no Accept-Encoding (both sides uncompressed).");
    }
}
