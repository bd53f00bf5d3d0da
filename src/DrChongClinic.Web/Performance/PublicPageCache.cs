using DrChongClinic.Infrastructure.Caching;
using DrChongClinic.Infrastructure.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace DrChongClinic.Web.Performance;

/// <summary>
/// The output cache for public pages: rendered once, then served from memory until something they show
/// changes (<see cref="IPublicPageCache"/>) or <see cref="Expiry"/> passes. A controller opts in with
/// <c>[OutputCache(PolicyName = PublicPageCache.Page)]</c>; nothing else is cached. The key is the path (which
/// holds the language) and query string, not the host name. See docs/performance.md.
/// </summary>
public static class PublicPageCache
{
    /// <summary>HTML pages with the site layout: its footer shows opening hours, most pages show articles.</summary>
    public const string Page = "PublicPage";

    /// <summary>Sitemap, robots.txt and feeds: built from the articles only.</summary>
    public const string Feed = "PublicFeed";

    public const string ArticlesTag = "articles";
    public const string ScheduleTag = "schedule";

    /// <summary>Longest a cached page lives. Changes purge at once; this bounds anything a purge could miss.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    /// <summary>Memory the cache may use (pages are 10-40 KB), whatever addresses are requested.</summary>
    public const long SizeLimitBytes = 32 * 1024 * 1024;

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = SizeLimitBytes;
            options.AddPolicy(Page, policy => policy
                .AddPolicy<PublicResponsesOnly>()
                .SetVaryByHost(false)
                .Expire(Expiry)
                .Tag(ArticlesTag, ScheduleTag));
            options.AddPolicy(Feed, policy => policy
                .AddPolicy<PublicResponsesOnly>()
                .SetVaryByHost(false)
                .Expire(Expiry)
                .Tag(ArticlesTag));
        });
        services.AddSingleton<IPublicPageCache, OutputCachePublicPages>();
        services.AddSingleton<SchedulePurgeInterceptor>();

        // Changes saved on another app instance: purged here within CacheStampWatcher.PollInterval.
        services.AddHostedService<CacheStampWatcher>();
        return services;
    }

    /// <summary>The output cache middleware (after routing: it reads the endpoint's policy), purged when articles reload.</summary>
    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<IPublicPageCache>();
        app.ApplicationServices.GetRequiredService<ArticleStore>().Reloaded +=
            (_, _) => cache.PurgeArticlesAsync().AsTask().GetAwaiter().GetResult();
        return app.UseOutputCache();
    }

    private sealed class OutputCachePublicPages(IOutputCacheStore store) : IPublicPageCache
    {
        public ValueTask PurgeScheduleAsync(CancellationToken cancellationToken = default) =>
            store.EvictByTagAsync(ScheduleTag, cancellationToken);

        public ValueTask PurgeArticlesAsync(CancellationToken cancellationToken = default) =>
            store.EvictByTagAsync(ArticlesTag, cancellationToken);
    }
}
