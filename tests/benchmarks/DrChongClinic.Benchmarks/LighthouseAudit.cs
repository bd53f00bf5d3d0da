using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// Lighthouse 12.2.3 (pinned in tests/benchmarks/lighthouse) with Debian's Chromium, default mobile settings
/// (simulated slow 4G and a 4x slower CPU). Failed audits are listed under the table.
/// </summary>
public static class LighthouseAudit
{
    private static readonly (string Category, string Label, int Minimum)[] Targets =
    [
        ("performance", "Perf", 95),
        ("accessibility", "A11y", 100),
        ("best-practices", "BP", 95),
        ("seo", "SEO", 100),
    ];

    public static string Target => string.Join(" / ", Targets.Select(t => $"{t.Label} {(t.Minimum == 100 ? "100" : ">= " + t.Minimum)}"));

    public static async Task RunAsync(SiteProcess site, BenchmarkOptions options, ResultTable results, bool bookingPresent)
    {
        var pages = new List<(string Name, string Path)> { ("home", "/"), ("article", "/articles/pico-laser") };
        if (bookingPresent)
        {
            pages.Add(("booking", "/book?treatment=consultation"));
        }

        foreach (var (name, path) in pages)
        {
            var report = Path.Combine(options.WorkFolder, $"lighthouse-{name}.json");
            await RunLighthouseAsync(options, new Uri(site.BaseAddress, path), report);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var root = json.RootElement;
            var scores = Targets.Select(t => (t.Label, t.Minimum, Score: (int)Math.Round(root.GetProperty("categories").GetProperty(t.Category).GetProperty("score").GetDouble() * 100))).ToList();
            results.Add(
                $"Lighthouse {name} {path}",
                string.Join(" / ", scores.Select(s => $"{s.Label} {s.Score}")),
                Target,
                scores.All(s => s.Score >= s.Minimum));
            var weighted = root.GetProperty("categories").EnumerateObject()
                .SelectMany(c => c.Value.GetProperty("auditRefs").EnumerateArray())
                .Where(r => r.GetProperty("weight").GetDouble() > 0)
                .Select(r => r.GetProperty("id").GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            var flagged = root.GetProperty("audits").EnumerateObject()
                .Where(a => a.Value.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number && score.GetDouble() < 0.9
                    && a.Value.GetProperty("scoreDisplayMode").GetString() is "binary" or "numeric" or "metricSavings")
                .Select(a => (a.Name, Score: Math.Round(a.Value.GetProperty("score").GetDouble() * 100).ToString(CultureInfo.InvariantCulture), Counts: weighted.Contains(a.Name)))
                .ToList();
            if (flagged.Count > 0)
            {
                var counted = flagged.Where(a => a.Counts).Select(a => $"{a.Name} ({a.Score})").DefaultIfEmpty("none");
                var uncounted = flagged.Where(a => !a.Counts).Select(a => $"{a.Name} ({a.Score})").DefaultIfEmpty("none");
                results.Note($"Lighthouse {name}: audits below 90 that count: {string.Join(", ", counted)}; with no weight in the score: {string.Join(", ", uncounted)} (report: {report})");
            }
        }

        var metrics = "first-contentful-paint, largest-contentful-paint, total-blocking-time, cumulative-layout-shift";
        results.Note($"Lighthouse: mobile defaults with simulated throttling; the Performance score weighs {metrics} and speed-index.");
    }

    private static async Task RunLighthouseAsync(BenchmarkOptions options, Uri url, string report)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            Path.Combine(options.LighthouseFolder, "node_modules", "lighthouse", "cli", "index.js"),
            url.ToString(),
            "--output=json",
            $"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
            "--quiet",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CHROME_PATH"] = "/usr/bin/chromium";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(report))
        {
            throw new InvalidOperationException($"Lighthouse failed on {url}: {await errors}{await output}");
        }
    }
}
