using DrChongClinic.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests;

/// <summary>Public pages in a real browser: accessible (axe), valid HTML (vnu), usable by keyboard, at phone and desktop sizes.</summary>
public sealed class SitePagesTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    public static TheoryData<string> PublicPages => new()
    {
        "/", "/ms", "/no-such-page",
        "/treatments", "/ms/rawatan", "/about", "/ms/tentang-kami", "/contact", "/ms/hubungi",
        "/privacy", "/ms/privasi", "/terms", "/ms/terma",
        "/articles", "/ms/artikel", "/articles/types-of-acne-scars", "/ms/artikel/jenis-parut-jerawat",
        "/articles/pico-laser", "/ms/artikel/laser-pico", "/articles/search?q=kuping", "/ms/artikel/cari?q=pokmark",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Page_has_no_serious_accessibility_violations_at_phone_and_desktop_sizes(string path)
    {
        foreach (var viewport in new[] { Viewport.Phone, Viewport.Desktop })
        {
            var page = await browser.NewPageAsync(viewport);
            await page.GotoAsync(path);
            await Checkers.AssertAccessibleAsync(page);
            browser.AssertNoConsoleErrors(page, allowed: path == "/no-such-page" ? ["status of 404"] : []);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Public_pages_are_valid_html()
    {
        var pages = new Dictionary<string, string>();
        var page = await browser.NewPageAsync();
        foreach (var path in PublicPages)
        {
            pages[path] = await Checkers.SourceAsync(page, path);
        }

        await Checkers.AssertValidHtmlAsync(pages);
    }

    [Fact]
    public async Task Keyboard_user_can_skip_to_the_main_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switch_takes_the_reader_to_the_malay_home_page_and_back()
    {
        var page = await browser.NewPageAsync(Viewport.Phone);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Malaysia" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ms");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rawatan parut jerawat yang tenang dan teliti");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task Printed_article_keeps_the_text_and_disclaimer_and_drops_navigation_and_buttons()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/articles/types-of-acne-scars");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { ".site-header", ".site-footer", ".book-cta", ".toc", ".breadcrumbs" })
        {
            await Assertions.Expect(page.Locator(hidden).First).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".prose img").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".disclaimer")).ToBeVisibleAsync();
    }
}
