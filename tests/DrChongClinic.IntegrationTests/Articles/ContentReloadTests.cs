using System.Net;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>Writers see their edits on refresh in Development; the live site keeps the snapshot it started with.</summary>
public sealed class ContentReloadTests
{
    [Fact]
    public async Task In_development_a_new_article_appears_without_restarting()
    {
        using var site = new ContentSiteFactory { Environment = "Development" };
        var client = site.CreateClient();
        Assert.True(site.Services.GetRequiredService<ArticleStore>().WatchesForChanges);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/brand-new")).StatusCode);

        site.WriteContent("en/brand-new.md", ContentSiteFactory.ArticleText("brand-new", "brand-new", "en", "Brand new article"));
        site.WriteContent("ms/artikel-baharu.md", ContentSiteFactory.ArticleText("brand-new", "artikel-baharu", "ms", "Artikel baharu"));

        var page = await WaitForAsync(client, "/articles/brand-new", HttpStatusCode.OK);
        Assert.Equal("Brand new article", Html.Parse(page).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task In_production_files_are_read_once_at_start_up()
    {
        using var site = new ContentSiteFactory();
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles/pico-laser")).StatusCode);

        site.WriteContent("en/brand-new.md", ContentSiteFactory.ArticleText("brand-new", "brand-new", "en"));
        site.WriteContent("ms/artikel-baharu.md", ContentSiteFactory.ArticleText("brand-new", "artikel-baharu", "ms"));

        // Nothing watches the folder, so nothing can reload it later: the start-up snapshot is what patients see.
        Assert.False(site.Services.GetRequiredService<ArticleStore>().WatchesForChanges);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/brand-new")).StatusCode);
    }

    private static async Task<string> WaitForAsync(HttpClient client, string url, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == status)
            {
                return await response.Content.ReadAsStringAsync();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} did not return {status} within 10 seconds");
            await Task.Delay(100);
        }
    }
}
