using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using DrChongClinic.Web.Booking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

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

    /// <summary>Doctors' diary subscriptions (GET /diary/{token}.ics): calendar apps fetch every few minutes to hours.</summary>
    public RateLimitRule DiaryFeed { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Staff sign-in attempts (password and code), on top of the account lockout.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// Failed sign-in steps (wrong password, unknown account, wrong code) from one client address; past the limit
    /// that address gets 429 on the sign-in pages until the window ends. Accounts are not locked by strangers.
    /// </summary>
    public RateLimitRule SignInFailures { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };
}

/// <summary>The rate limiter's policy names; endpoints opt in with <c>[EnableRateLimiting(ClinicRateLimits.Booking)]</c>.</summary>
public static class ClinicRateLimits
{
    public const string Booking = "booking";
    public const string Slots = "slots";
    public const string ManageLink = "manage-link";
    public const string DiaryFeed = "diary-feed";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddClinicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            AddPolicy(limiter, Booking, options.Booking);
            AddPolicy(limiter, Slots, options.Slots);
            AddPolicy(limiter, ManageLink, options.ManageLink);
            AddPolicy(limiter, DiaryFeed, options.DiaryFeed);
            AddPolicy(limiter, SignIn, options.SignIn);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

                // The free-times endpoints answer JSON (booking.js shows their "error"); every other page gets the
                // friendly /error/429 page, which status code pages re-execute when no body was written here.
                if (http.GetEndpoint()?.Metadata.GetMetadata<ProducesAttribute>()?.ContentTypes.Contains("application/json") == true)
                {
                    var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    var message = string.Format(CultureInfo.CurrentCulture, text["Error_TooManyRequests_Text"], TooManyBookingsPage.WaitText(TimeSpan.FromSeconds(seconds), text));
                    await http.Response.WriteAsJsonAsync(new { error = message }, cancellationToken);
                }
            };
        });
        return services;
    }

    /// <summary>
    /// Requests are counted per client address (behind a proxy, the forwarded address: see ProxySetup). An IPv6
    /// visitor usually holds a whole /64 and can pick any address in it, so IPv6 addresses count per /64.
    /// </summary>
    public static string ClientAddress(HttpContext context) => ClientAddress(context.Connection.RemoteIpAddress);

    public static string ClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

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
