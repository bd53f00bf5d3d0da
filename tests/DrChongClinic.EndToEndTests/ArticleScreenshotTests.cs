using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests;

/// <summary>
/// An article as a reader meets it: the reviewer line under the title, and the numbered sources at the end; and a
/// search whose results are labelled by language. Kept in docs/screenshots when DRCHONG_SCREENSHOTS_DIR is set
/// (bash tests/screenshots.sh), otherwise only checked.
/// </summary>
public sealed class ArticleScreenshotTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(Viewport.Phone, "phone")]
    [InlineData(Viewport.Desktop, "desktop")]
    public async Task Article_reviewer_line_and_references_fit_the_screen(Viewport viewport, string suffix)
    {
        var page = await browser.NewPageAsync(viewport);
        foreach (var (path, name, references) in new[]
        {
            ("/articles/pico-laser", "article-review", "#references"),
            ("/ms/artikel/laser-pico", "article-review-ms", "#rujukan"),
        })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator(".article-reviewer")).ToContainTextAsync("Test Reviewer");
            await Screenshots.KeepIfAskedAsync(page, $"{name}-{suffix}.png");

            // Nothing in the reviewer line or the references is wider than the screen (long DOI links wrap).
            var overflow = await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('.article-review, .prose ol')].filter(e => e.scrollWidth > e.clientWidth + 1).length");
            Assert.Equal(0, overflow);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways");

            await page.Locator(references).ScrollIntoViewIfNeededAsync();
            await page.EvaluateAsync($"() => document.querySelector('{references}').scrollIntoView({{ block: 'start' }})");
            await KeepViewportAsync(page, $"{name.Replace("review", "references", StringComparison.Ordinal)}-{suffix}.png");
        }

        await page.GotoAsync("/ms/artikel/cari?q=pokmark");
        await Assertions.Expect(page.Locator(".language-badge").First).ToHaveTextAsync("Bahasa Malaysia");
        await Screenshots.KeepIfAskedAsync(page, $"article-search-ms-{suffix}.png");
        browser.AssertNoConsoleErrors(page);
        await page.Context.CloseAsync();
    }

    /// <summary>What the reader sees right now (the visible screen, not the whole page).</summary>
    private static async Task KeepViewportAsync(IPage page, string file)
    {
        var kept = Environment.GetEnvironmentVariable("DRCHONG_SCREENSHOTS_DIR");
        if (!string.IsNullOrEmpty(kept))
        {
            var folder = Directory.CreateDirectory(Path.GetFullPath(kept, RepositoryRoot.Path)).FullName;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), Animations = ScreenshotAnimations.Disabled });
        }
    }
}
