using System.Reflection;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Razor.Hosting;

namespace DrChongClinic.IntegrationTests.Performance;

/// <summary>
/// Stylesheet and icons are linked by fingerprinted URLs (MapStaticAssets) that browsers keep for a year, and the
/// views are compiled into the site's assembly at build time.
/// </summary>
public sealed class StaticAssetTests : IClassFixture<ClinicFactory>
{
    private readonly HttpClient _client;

    public StaticAssetTests(ClinicFactory factory)
    {
        // Tests run from the build output, whose asset manifest switches on "reload at runtime" (no caching, so
        // wwwroot edits show at once while developing). A published site has no such mode: this makes the test
        // site serve assets exactly as production does.
        _client = factory.With("ReloadStaticAssetsAtRuntime", "false").CreateClient();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ms/artikel/laser-pico")]
    public async Task Pages_link_stylesheet_and_icons_by_fingerprinted_urls_cached_for_a_year_plain_or_compressed(string path)
    {
        var page = await _client.GetPageAsync(path);

        var urls = new[]
        {
            page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!,
            page.QuerySelector("link[rel=icon]")!.GetAttribute("href")!,
            page.QuerySelector("header img")!.GetAttribute("src")!,
        };
        Assert.Matches(@"^/css/site\.[a-z0-9]{6,}\.css$", urls[0]);
        Assert.Matches(@"^/favicon\.[a-z0-9]{6,}\.svg$", urls[1]);
        foreach (var url in urls)
        {
            foreach (var acceptEncoding in new[] { "", "gzip, deflate, br, zstd" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
                var response = await _client.SendAsync(request);

                response.EnsureSuccessStatusCode();
                Assert.Equal(url.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "image/svg+xml", response.Content.Headers.ContentType?.MediaType);
                Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
                var cacheControl = response.Headers.CacheControl!;
                Assert.Equal(TimeSpan.FromDays(365), cacheControl.MaxAge);
                Assert.Contains("immutable", cacheControl.Extensions.Select(e => e.Name));
            }
        }
    }

    [Fact]
    public void Every_view_is_compiled_into_the_site_assembly()
    {
        var compiled = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>().Select(item => item.Identifier).ToHashSet();
        var webProject = Path.Combine(RepositoryRoot.Path, "src", "DrChongClinic.Web");
        var views = Directory.EnumerateFiles(Path.Combine(webProject, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .Select(file => "/" + Path.GetRelativePath(webProject, file).Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(views);
        Assert.All(views, view => Assert.Contains(view, compiled));
        Assert.DoesNotContain(typeof(Program).Assembly.GetReferencedAssemblies(), name => name.Name!.Contains("RuntimeCompilation", StringComparison.Ordinal));
    }
}
