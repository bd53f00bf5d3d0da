using System.Net;
using DrChongClinic.Infrastructure.Caching;
using DrChongClinic.IntegrationTests.Articles;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrChongClinic.IntegrationTests.Performance;

/// <summary>
/// Public pages are rendered once and then served from the output cache (which adds an Age header to what it
/// replays), until what they show changes. Pages for one visitor never are.
/// </summary>
public sealed class PublicPageCacheTests(CacheProbeSite site) : IClassFixture<CacheProbeSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("/articles/pico-laser")]
    [InlineData("/ms/artikel")]
    [InlineData("/about")]
    [InlineData("/sitemap.xml")]
    public async Task A_public_page_is_rendered_once_then_served_from_the_cache(string path)
    {
        var first = await _client.GetAsync(path);
        var second = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task English_and_Malay_home_pages_are_cached_separately()
    {
        var english = await _client.GetPageAsync("/");
        var malay = await _client.GetPageAsync("/ms");
        var englishAgain = await _client.GetAsync("/");
        var malayAgain = await _client.GetAsync("/ms");

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ms", malay.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(englishAgain.Headers.Age);
        Assert.NotNull(malayAgain.Headers.Age);
        Assert.Equal("en", (await Html.ReadAsync(englishAgain)).DocumentElement.GetAttribute("lang"));
        Assert.Equal("ms", (await Html.ReadAsync(malayAgain)).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Saving_a_schedule_change_purges_the_cached_pages_that_show_it()
    {
        Assert.Contains("Chemical peel", await TreatmentNamesAsync());
        Assert.NotNull((await _client.GetAsync("/treatments")).Headers.Age);

        await site.WithDbAsync(async db =>
        {
            var peel = await db.Treatments.SingleAsync(t => t.Code == "chemical-peel");
            peel.NameEn = "Gentle chemical peel";
            return await db.SaveChangesAsync();
        });

        var names = await TreatmentNamesAsync();
        Assert.Contains("Gentle chemical peel", names);
        Assert.DoesNotContain("Chemical peel", names);
    }

    [Fact]
    public async Task The_stamp_watcher_does_not_purge_again_for_a_change_this_instance_saved_and_purged()
    {
        var watcher = site.Services.GetServices<IHostedService>().OfType<CacheStampWatcher>().Single();
        await watcher.CheckAsync(CancellationToken.None); // whatever moved before this test
        await site.WithDbAsync(async db =>
        {
            var peel = await db.Treatments.SingleAsync(t => t.Code == "chemical-peel");
            peel.SortOrder += 1;
            return await db.SaveChangesAsync();
        });
        await _client.GetAsync("/treatments"); // rendered after the change, then cached

        await watcher.CheckAsync(CancellationToken.None); // sees the stamp this instance saved

        Assert.NotNull((await _client.GetAsync("/treatments")).Headers.Age);
    }

    [Fact]
    public async Task Saving_something_other_than_the_schedule_leaves_the_cached_pages_alone()
    {
        await _client.GetAsync("/about");
        await site.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new DrChongClinic.Domain.Auditing.AuditEntry { Actor = "test", Action = "unrelated", AtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        Assert.NotNull((await _client.GetAsync("/about")).Headers.Age);
    }

    [Fact]
    public async Task The_probe_page_at_a_public_address_is_cached_so_the_probes_below_can_tell()
    {
        var first = await _client.GetStringAsync($"/public/{CacheProbeController.Segment}");
        var second = await _client.GetAsync($"/public/{CacheProbeController.Segment}");

        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/book/")]
    [InlineData("/ms/tempah/")]
    [InlineData("/book/manage/")]
    [InlineData("/admin/")]
    [InlineData("/account/")]
    public async Task Booking_manage_account_and_admin_pages_are_rendered_on_every_request_even_if_marked_cacheable(string prefix)
    {
        var first = await _client.GetAsync(prefix + CacheProbeController.Segment);
        var second = await _client.GetAsync(prefix + CacheProbeController.Segment);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_with_an_anti_forgery_token_is_rendered_on_every_request_even_if_marked_cacheable()
    {
        var path = $"/public/{CacheProbeController.Segment}/form";
        var first = await _client.GetAsync(path);
        var second = await _client.GetAsync(path);
        var third = await _client.GetAsync(path);

        Assert.True(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Set-Cookie"), "The client sent the anti-forgery cookie back, so nothing new is set");
        Assert.Null(third.Headers.Age);
        Assert.NotEqual(await second.Content.ReadAsStringAsync(), await third.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/book")]
    [InlineData("/ms/tempah")]
    [InlineData("/admin")]
    [InlineData("/account/login")]
    public async Task The_real_booking_account_and_admin_pages_are_never_served_from_the_cache(string path)
    {
        await _client.GetAsync(path);
        var second = await _client.GetAsync(path);

        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task Article_pages_show_an_edit_as_soon_as_the_article_store_reloads()
    {
        using var writers = new ContentSiteFactory { Environment = "Development" };
        var client = writers.CreateClient();
        await client.GetAsync("/articles/pico-laser");
        await client.GetAsync("/articles");
        Assert.NotNull((await client.GetAsync("/articles/pico-laser")).Headers.Age);
        Assert.NotNull((await client.GetAsync("/articles")).Headers.Age);

        var file = Path.Combine(writers.ContentPath, "en", "pico-laser.md");
        var text = await File.ReadAllTextAsync(file);
        var titleLine = text.Split('\n').First(line => line.StartsWith("title:", StringComparison.Ordinal));
        await File.WriteAllTextAsync(file, text.Replace(titleLine, "title: \"Pico laser, revised\"", StringComparison.Ordinal));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await client.GetPageAsync("/articles/pico-laser")).QuerySelector("h1")!.TextContent.Trim() != "Pico laser, revised")
        {
            Assert.True(DateTime.UtcNow < deadline, "The cached article page still showed the old title 10 seconds after the edit");
            await Task.Delay(100);
        }

        Assert.Contains("Pico laser, revised", (await client.GetPageAsync("/articles")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<List<string>> TreatmentNamesAsync() =>
        (await _client.GetPageAsync("/treatments")).QuerySelectorAll("main .treatment h2").Select(h => h.TextContent.Trim()).ToList();
}
