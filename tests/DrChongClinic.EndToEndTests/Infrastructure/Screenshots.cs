using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests.Infrastructure;

/// <summary>Screenshots for docs/screenshots (tests/screenshots.sh sets DRCHONG_SCREENSHOTS_DIR).</summary>
public static class Screenshots
{
    public const int MaxHeight = 1800;

    /// <summary>Other browser tests call this to keep a screenshot of a page they reached, when DRCHONG_SCREENSHOTS_DIR is set.</summary>
    public static async Task KeepIfAskedAsync(IPage page, string file)
    {
        var kept = Environment.GetEnvironmentVariable("DRCHONG_SCREENSHOTS_DIR");
        if (!string.IsNullOrEmpty(kept))
        {
            await CaptureAsync(page, Directory.CreateDirectory(Path.GetFullPath(kept, RepositoryRoot.Path)).FullName, file);
        }
    }

    /// <summary>The whole page from the top, cut at <see cref="MaxHeight"/> so each file stays small.</summary>
    public static async Task<string> CaptureAsync(IPage page, string folder, string file)
    {
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        var width = page.ViewportSize!.Width;
        var path = Path.Combine(folder, file);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Min(height, MaxHeight) },
        });
        return path;
    }
}
