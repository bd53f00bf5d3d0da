using Microsoft.AspNetCore.Diagnostics;

namespace DrChongClinic.Web.Security;

/// <summary>
/// A NUL character has no place in an address, and SQLite ends text at the first one: "?search=%00" became an empty
/// pattern that matched, and exported, every booking. An address with a NUL in its path or query is answered 400 (the
/// friendly "could not read" page) before anything reads it. Posted forms with one are refused the same way
/// (<see cref="Forms.UnreadableForms"/>).
/// </summary>
public static class NulInAddress
{
    public static IApplicationBuilder UseNulInAddressRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && HasNul(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    });

    private static bool HasNul(HttpRequest request) =>
        request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
        || request.Query.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal) || pair.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true));
}
