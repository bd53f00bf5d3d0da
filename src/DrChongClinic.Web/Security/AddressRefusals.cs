using Microsoft.AspNetCore.Diagnostics;

namespace DrChongClinic.Web.Security;

/// <summary>
/// Addresses the site refuses before anything reads them, each with the friendly error page in the visitor's language
/// (the status code pages re-run the request as <c>/error/{code}</c> without its query):
/// <list type="bullet">
/// <item>Longer than <see cref="LongestAddress"/> (8 KB, Kestrel's own default): 414. No page of the site needs a tenth
/// of that; a search box filled with pages of text does. Kestrel itself accepts up to <see cref="KestrelRequestLineLimit"/>
/// so that such addresses reach this check instead of getting Kestrel's bare 414 with an empty body.</item>
/// <item>A NUL character in the path or query: 400. SQLite ends text at the first one: "?search=%00" became an empty
/// pattern that matched, and exported, every booking. Posted forms with one are refused the same way
/// (<see cref="Forms.UnreadableForms"/>).</item>
/// </list>
/// </summary>
public static class AddressRefusals
{
    /// <summary>The longest path and query the site reads, in characters as received (percent-encoded).</summary>
    public const int LongestAddress = 8 * 1024;

    /// <summary>The request line Kestrel accepts (method, address, protocol); beyond it Kestrel answers a bare 414 itself.</summary>
    public const int KestrelRequestLineLimit = 64 * 1024;

    public static IWebHostBuilder AcceptLongAddressesForRefusal(this IWebHostBuilder host) =>
        host.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = KestrelRequestLineLimit);

    public static IApplicationBuilder UseAddressRefusals(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && Refusal(context.Request) is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        await next(context);
    });

    private static int? Refusal(HttpRequest request)
    {
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > LongestAddress)
        {
            return StatusCodes.Status414UriTooLong;
        }

        return HasNul(request) ? StatusCodes.Status400BadRequest : null;
    }

    private static bool HasNul(HttpRequest request) =>
        request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
        || request.Query.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal) || pair.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true));
}
