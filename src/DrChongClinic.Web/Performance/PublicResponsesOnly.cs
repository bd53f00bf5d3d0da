using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace DrChongClinic.Web.Performance;

/// <summary>
/// A guard on top of the output cache's own rules (GET or HEAD, status 200, no Set-Cookie, not signed in): even if
/// a private page were marked cacheable by mistake, it is never stored or served from the cache. Private means a
/// booking, manage, account or admin address (<see cref="SecurityHeaders.IsPrivate"/>), or a response that says
/// it must not be stored, as every page with an anti-forgery token does (the token belongs to one visitor).
/// </summary>
internal sealed class PublicResponsesOnly : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (SecurityHeaders.IsPrivate(context.HttpContext.Request.Path))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (IsPrivateResponse(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The response forbids storing it: Cache-Control no-store, no-cache or private (anti-forgery sets these).</summary>
    public static bool IsPrivateResponse(HttpResponse response)
    {
        var cacheControl = response.Headers.CacheControl;
        return HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoStoreString) ||
               HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoCacheString) ||
               HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.PrivateString);
    }
}
