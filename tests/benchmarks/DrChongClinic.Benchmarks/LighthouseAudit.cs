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
    /// <summary>
    /// Lighthouse runs per page; the median run by Performance is the one scored. One run on a 2-core machine swings by
    /// 10-18 points on the same build (docs/performance.md): the difference is "unattributable" main-thread time in
    /// Chromium, multiplied by the simulated 4x slower CPU. Lighthouse's guide to variability advises the median of
    /// several runs; the row lists every run's score, so a low one is not hidden.
    /// </summary>
    private const int RunsPerPage = 3;

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

            // The pages after booking: the confirmation ("?done=booked") and the manage page the email links to.
            if (await BookingSubmission.BookOneAsync(site) is { } confirmation)
            {
                pages.Add(("confirmation", confirmation));
                pages.Add(("manage", confirmation.Split('?')[0]));
            }
            else
            {
                results.Add("Lighthouse confirmation and manage pages", "could not run: the booking for them was refused", Target, passed: false);
            }
        }

        foreach (var (name, path) in pages)
        {
            var report = Path.Combine(options.WorkFolder, $"lighthouse-{name}.json");
            var performances = new List<(int Score, string Report)>();
            string? problem = null;
            for (var run = 1; run <= RunsPerPage && problem is null; run++)
            {
                var runReport = Path.Combine(options.WorkFolder, $"lighthouse-{name}-{run}.json");
                problem = await RunLighthouseAsync(options, new Uri(site.BaseAddress, path), runReport);
                if (problem is null)
                {
                    using var runJson = JsonDocument.Parse(await File.ReadAllTextAsync(runReport));
                    performances.Add((Score(runJson.RootElement, "performance"), runReport));
                }
            }

            if (problem is not null)
            {
                results.Add($"Lighthouse {name} {Shown(name, path)}", "could not run: " + problem, Target, passed: false);
                continue;
            }

            // The median run by Performance, as Lighthouse's own guide to variability advises; every run's score is shown.
            File.Copy(performances.OrderBy(p => p.Score).ElementAt(RunsPerPage / 2).Report, report, overwrite: true);
            var runs = $" (Perf of {RunsPerPage} runs: {string.Join(", ", performances.Select(p => p.Score))}; median run shown)";
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var root = json.RootElement;
            var scores = Targets.Select(t => (t.Label, t.Minimum, Score: Score(root, t.Category))).ToList();
            // A booking's own pages are noindex on purpose (docs/security.md): Lighthouse's is-crawlable fails there by
            // design, so their SEO counts as met when every other SEO audit passes.
            var noindexOnly = IsPrivate(name) && OnlyNoindexFails(root);
            results.Add(
                $"Lighthouse {name} {Shown(name, path)}",
                string.Join(" / ", scores.Select(s => $"{s.Label} {s.Score}")) + (noindexOnly ? " (SEO: noindex on purpose, every other SEO audit passes)" : "")
                    + $" (TBT {Audit(root, "total-blocking-time")}, benchmarkIndex {BenchmarkIndex(root)})" + runs,
                Target,
                scores.All(s => s.Score >= s.Minimum || (s.Label == "SEO" && noindexOnly)));
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

    /// <summary>A category's score out of 100.</summary>
    private static int Score(JsonElement root, string category) =>
        (int)Math.Round(root.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble() * 100);

    private static bool IsPrivate(string name) => name is "confirmation" or "manage";

    /// <summary>True when the only SEO audit that counts and fails is is-crawlable (the page says noindex).</summary>
    private static bool OnlyNoindexFails(JsonElement root)
    {
        var audits = root.GetProperty("audits");
        var failing = root.GetProperty("categories").GetProperty("seo").GetProperty("auditRefs").EnumerateArray()
            .Where(r => r.GetProperty("weight").GetDouble() > 0)
            .Select(r => r.GetProperty("id").GetString()!)
            .Where(id => audits.GetProperty(id).GetProperty("score") is { ValueKind: JsonValueKind.Number } score && score.GetDouble() < 1)
            .ToList();
        return failing is ["is-crawlable"];
    }

    /// <summary>An audit's figure as Lighthouse words it ("120 ms").</summary>
    private static string Audit(JsonElement root, string audit) =>
        root.GetProperty("audits").GetProperty(audit).TryGetProperty("displayValue", out var value) ? value.GetString() ?? "?" : "?";

    /// <summary>
    /// Lighthouse's measure of how fast this machine was during the run (its own CPU benchmark; about 1,000-2,000 on a
    /// quiet development machine). Simulated throttling multiplies the observed main-thread time by 4, so a machine
    /// slowed by other work shows as total blocking time the page does not have.
    /// </summary>
    private static string BenchmarkIndex(JsonElement root) =>
        root.GetProperty("environment").TryGetProperty("benchmarkIndex", out var index) ? index.GetDouble().ToString("0", CultureInfo.InvariantCulture) : "?";

    /// <summary>The page's address for the table; a manage link's private token is not printed.</summary>
    private static string Shown(string name, string path) =>
        IsPrivate(name) ? "(manage link" + (path.Contains('?', StringComparison.Ordinal) ? ", ?done=booked)" : ")") : path;

    /// <summary>Runs Lighthouse, up to three times (Chromium sometimes fails to record a trace); null when it worked, else what went wrong.</summary>
    private static async Task<string?> RunLighthouseAsync(BenchmarkOptions options, Uri url, string report)
    {
        var problem = "";
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            File.Delete(report);
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
            if (process.ExitCode == 0 && File.Exists(report))
            {
                return null;
            }

            problem = ((await errors) + (await output)).Trim().Split('\n')[0];
        }

        return problem;
    }
}
