namespace DrChongClinic.Web.Security;

/// <summary>
/// Security headers on every response. The site has no inline script at all (scripts are files under
/// wwwroot/js), so the Content-Security-Policy needs neither 'unsafe-inline' nor nonces, and cached
/// pages stay valid. JSON-LD blocks are data, not script, and are not affected.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>Pages with personal data or staff data: never stored by browsers or proxies.</summary>
    private static readonly string[] PrivatePrefixes =
    [
        "/admin", "/account", "/book", "/ms/tempah",
        "/waitlist/offer", "/waitlist/leave", "/ms/senarai-menunggu/tawaran", "/ms/senarai-menunggu/keluar",
    ];

    /// <summary>
    /// Pages whose content depends on who is signed in (the staff area and its sign-in pages): these send
    /// <c>Cross-Origin-Opener-Policy: same-origin</c>, so a page on another site that opens one (or is opened by one)
    /// gets no handle on its window, and cannot count its frames or watch its navigation to learn what a search found.
    /// Public pages and a patient's manage link show the same to everyone who has the address, so
    /// there is nothing to learn that way; and the header makes the browser start a new process for each arrival from
    /// another site, which on a phone delays the page (docs/performance.md: Lighthouse total blocking time 390-510 ms
    /// with it, 0-120 ms without, same page).
    /// </summary>
    private static readonly string[] SignedInPrefixes = ["/admin", "/account"];

    /// <summary>HSTS (sent outside Development, on https only): one year with sub-domains; preload only when
    /// "Security:HstsPreload" is true (being on the browsers' preload list is hard to undo).</summary>
    public static IServiceCollection AddClinicHsts(this IServiceCollection services, IConfiguration configuration) =>
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
            hsts.Preload = configuration.GetValue("Security:HstsPreload", false);
        });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Decided on the original path: error pages re-executed for it keep its caching rule.
        var isPrivate = IsPrivate(context.Request.Path);
        var isSignedIn = StartsWithAny(context.Request.Path, SignedInPrefixes);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A stricter policy set by the endpoint itself (e.g. SVG images) stays.
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            if (isSignedIn)
            {
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
            }

            if (isPrivate)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    public static bool IsPrivate(PathString path) => StartsWithAny(path, PrivatePrefixes);

    private static bool StartsWithAny(PathString path, string[] prefixes) =>
        prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
