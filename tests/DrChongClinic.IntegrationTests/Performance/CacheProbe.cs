using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Performance;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Performance;

/// <summary>
/// Test-only pages marked with the public page cache policy by mistake, at private addresses and with a form, to
/// prove the guard: they must still be rendered on every request. Each body says how many times it was rendered.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Page)]
public sealed class CacheProbeController(CacheProbe probe, IAntiforgery antiforgery) : Controller
{
    public const string Segment = "__cache-probe";

    [HttpGet("book/" + Segment)]
    [HttpGet("ms/tempah/" + Segment)]
    [HttpGet("book/manage/" + Segment)]
    [HttpGet("admin/" + Segment)]
    [HttpGet("account/" + Segment)]
    [HttpGet("public/" + Segment)]
    public ContentResult Page() => Html($"<p>Rendered {probe.Next()} times.</p>");

    /// <summary>A public address whose page holds a form with an anti-forgery token.</summary>
    [HttpGet("public/" + Segment + "/form")]
    public ContentResult Form()
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        return Html($"""<form method="post"><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}"></form><p>Rendered {probe.Next()} times.</p>""");
    }

    /// <summary>Long enough for compression to be worth it, as a real page is.</summary>
    private static ContentResult Html(string body) => new()
    {
        Content = $"<!DOCTYPE html><html lang=\"en\"><body>{body}{string.Concat(Enumerable.Repeat("<p>Filler text for a page of normal length.</p>", 50))}</body></html>",
        ContentType = "text/html; charset=utf-8",
    };
}

/// <summary>Counts renders of the probe pages.</summary>
public sealed class CacheProbe
{
    private int _renders;

    public int Next() => Interlocked.Increment(ref _renders);
}

/// <summary>The site with the probe pages added.</summary>
public sealed class CacheProbeSite : ClinicFactory
{
    public CacheProbeSite()
    {
        WithServices(services =>
        {
            services.AddSingleton<CacheProbe>();
            services.AddControllers().AddApplicationPart(typeof(CacheProbeController).Assembly);
        });
    }
}
