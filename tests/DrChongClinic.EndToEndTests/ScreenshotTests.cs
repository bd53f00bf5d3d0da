using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.EndToEndTests;

/// <summary>
/// Screenshots of the main pages at phone (390 px) and desktop (1280 px) widths. Every run takes them all and checks
/// each is a real, size-capped PNG; with DRCHONG_SCREENSHOTS_DIR set (tests/screenshots.sh sets docs/screenshots)
/// they are kept there for the docs and the README (see <see cref="Screenshots"/>).
/// </summary>
public sealed class ScreenshotTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static readonly (string Name, string Path)[] Pages =
[
    ("home", "/"), ("home-ms", "/ms"),
        ("articles", "/articles"), ("article", "/articles/types-of-acne-scars"), ("article-ms", "/ms/artikel/jenis-parut-jerawat"),
        ("treatments", "/treatments"), ("treatments-ms", "/ms/rawatan"), ("about", "/about"), ("contact", "/contact"),
        ("book-1-treatment", "/book"), ("book-2-date", "/book?treatment=pico-laser"), ("book-ms", "/ms/tempah?treatment=consultation"),
    ];

    [Theory]
    [InlineData(Viewport.Phone, "phone", 390)]
    [InlineData(Viewport.Desktop, "desktop", 1280)]
    public async Task Main_pages_are_captured_as_size_capped_pngs(Viewport viewport, string suffix, int width)
    {
        var kept = Environment.GetEnvironmentVariable("DRCHONG_SCREENSHOTS_DIR");
        var folder = string.IsNullOrEmpty(kept)
            ? Directory.CreateTempSubdirectory("drchong-screenshots-").FullName
            : Directory.CreateDirectory(Path.GetFullPath(kept, RepositoryRoot.Path)).FullName;
        var page = await browser.NewPageAsync(viewport);
        var files = new List<string>();
        foreach (var (name, path) in Pages)
        {
            await page.GotoAsync(path);
            files.Add(await Screenshots.CaptureAsync(page, folder, $"{name}-{suffix}.png"));
        }

        var date = await page.Locator("[data-day-list] a[data-date]").Nth(1).GetAttributeAsync("data-date");
        await page.GotoAsync($"/book?treatment=pico-laser&practitioner=any&date={date}");
        files.Add(await Screenshots.CaptureAsync(page, folder, $"book-3-time-{suffix}.png"));
        await page.Locator("label.time").Nth(viewport == Viewport.Phone ? 1 : 2).ClickAsync();
        await page.FillAsync("#Name", "Nur Aisyah binti Rahman");
        await page.FillAsync("#Email", "aisyah@example.com");
        await page.FillAsync("#Phone", "012-345 6789");
        await page.CheckAsync("#Consent");
        await page.Locator("form[data-booking-form] button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("done=booked", StringComparison.Ordinal));
        files.Add(await Screenshots.CaptureAsync(page, folder, $"book-4-confirmation-{suffix}.png"));
        await page.GotoAsync(new Uri(page.Url).AbsolutePath);
        files.Add(await Screenshots.CaptureAsync(page, folder, $"manage-{suffix}.png"));

        foreach (var file in files)
        {
            var (fileWidth, fileHeight) = PngSize(file);
            Assert.Equal(width, fileWidth);
            Assert.InRange(fileHeight, 300, Screenshots.MaxHeight);
        }

        await page.Context.CloseAsync();
        if (string.IsNullOrEmpty(kept))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Width and height from the PNG header (IHDR), proving the file is a PNG of the expected size.</summary>
    private static (int Width, int Height) PngSize(string file)
    {
        var header = File.ReadAllBytes(file).AsSpan(0, 24);
        Assert.True(header[..8].SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), $"{file} is not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[16..20]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }
}
