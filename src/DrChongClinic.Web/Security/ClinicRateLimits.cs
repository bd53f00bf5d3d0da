using System.Globalization;
using System.Threading.RateLimiting;

namespace DrChongClinic.Web.Security;

/// <summary>One rate limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/> from one client address.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Configuration section "RateLimits": how many requests one client address may make to the pages bots aim at.
/// Over the limit the visitor gets the friendly, localized 429 page with a Retry-After header.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Booking form submissions (POST /book, /ms/tempah).</summary>
    public RateLimitRule Booking { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Booking steps and free-time look-ups (GET /book?date=..., /book/slots).</summary>
    public RateLimitRule Slots { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Manage links, opening and changing (GET and POST /book/manage/{token}...).</summary>
    public RateLimitRule ManageLink { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Staff sign-in attempts (password and code), on top of the account lockout.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };
}

/// <summary>The rate limiter's policy names; endpoints opt in with <c>[EnableRateLimiting(ClinicRateLimits.Booking)]</c>.</summary>
public static class ClinicRateLimits
{
    public const string Booking = "booking";
    public const string Slots = "slots";
    public const string ManageLink = "manage-link";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddClinicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            AddPolicy(limiter, Booking, options.Booking);
            AddPolicy(limiter, Slots, options.Slots);
            AddPolicy(limiter, ManageLink, options.ManageLink);
            AddPolicy(limiter, SignIn, options.SignIn);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // The body is the friendly /error/429 page (status code pages re-execute the request).
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Requests are counted per client address (behind a proxy, the forwarded address: see ForwardedHeadersSetup).</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static void AddPolicy(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions limiter, string name, RateLimitRule rule) =>
        limiter.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress(context),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, rule.PermitLimit),
                Window = rule.Window > TimeSpan.Zero ? rule.Window : TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
