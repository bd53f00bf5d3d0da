using System.Diagnostics;
using System.Text.Json;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests.Infrastructure;

/// <summary>axe-core and the Nu HTML Checker, both from npm (tests/DrChongClinic.EndToEndTests/node_modules, installed by .ci/run).</summary>
public static class Checkers
{
    private static readonly string NodeModules = Path.Combine(RepositoryRoot.Path, "tests", "DrChongClinic.EndToEndTests", "node_modules");

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(NodeModules, "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"{path} missing: run `npm ci` in tests/DrChongClinic.EndToEndTests (bash .ci/run does it).");
        return File.ReadAllText(path);
    });

    /// <summary>Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        var serious = json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {v.GetProperty("targets")}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious));
    }

    /// <summary>The HTML exactly as the server sends it (not the browser's re-serialized DOM).</summary>
    public static async Task<string> SourceAsync(IPage page, string path)
    {
        var response = await page.Context.APIRequest.GetAsync(path);
        return await response.TextAsync();
    }

    /// <summary>Validates HTML documents with vnu.jar in one JVM run; fails listing every error.</summary>
    public static async Task AssertValidHtmlAsync(IReadOnlyDictionary<string, string> pages)
    {
        var jar = Path.Combine(NodeModules, "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} missing: run `npm ci` in tests/DrChongClinic.EndToEndTests (bash .ci/run does it).");
        var folder = Directory.CreateTempSubdirectory("drchong-vnu-");
        try
        {
            var names = new Dictionary<string, string>();
            var i = 0;
            foreach (var (name, html) in pages)
            {
                var file = $"page{i++}.html";
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, file), html);
                names[file] = name;
            }

            var start = new ProcessStartInfo("java", ["-jar", jar, "--format", "json", "--errors-only", "--exit-zero-always", folder.FullName])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await stdout;
            using var doc = JsonDocument.Parse(report);
            var errors = doc.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m => $"{names.GetValueOrDefault(Path.GetFileName(m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : ""), "?")}: line {(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(errors.Count == 0, "Nu HTML Checker errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
