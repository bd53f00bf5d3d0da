namespace DrChongClinic.Infrastructure.Caching;

/// <summary>
/// The public pages (home, articles, information pages, sitemap, feeds) are kept rendered in memory by the
/// site's output cache. Whatever changes what those pages show must say so here, after saving the change,
/// so patients see it on their next request instead of when the cached copy expires:
/// <list type="bullet">
/// <item>treatments, doctors, working hours or closures: <see cref="PurgeScheduleAsync"/>, called by
/// <see cref="SchedulePurgeInterceptor"/> after any SaveChanges that touched them (call it yourself only after
/// ExecuteUpdate or ExecuteDelete on those tables);</item>
/// <item>articles (the article store does this itself when it reloads): <see cref="PurgeArticlesAsync"/>.</item>
/// </list>
/// Pages for one patient or for staff (booking, manage, admin) are never cached, so they need nothing.
/// </summary>
public interface IPublicPageCache
{
    /// <summary>Forgets every cached page that shows treatments, doctors or opening hours.</summary>
    ValueTask PurgeScheduleAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every cached page that shows articles (lists, article pages, sitemap, feeds).</summary>
    ValueTask PurgeArticlesAsync(CancellationToken cancellationToken = default);
}
