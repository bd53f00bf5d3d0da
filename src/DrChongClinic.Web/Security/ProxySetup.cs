using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace DrChongClinic.Web.Security;

/// <summary>
/// Behind the TLS-terminating proxy ("Security:TrustForwardedHeaders" = true), the site takes the client's
/// address and https from X-Forwarded-For/-Proto, so rate limits count each visitor and Secure cookies work.
/// Only a request whose connection comes from a trusted proxy ("Security:TrustedProxies": addresses or CIDR
/// networks; loopback when none is listed) is believed; anyone else's headers are ignored, as is a request with no
/// peer address. Off by default: without a proxy those headers would let anyone pick their own address.
/// </summary>
public static class ProxySetup
{
    public const string TrustedProxiesKey = "Security:TrustedProxies";

    public static IServiceCollection AddClinicProxy(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1; // only the nearest hop, the proxy's own view of its client, is believed
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            var entries = configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [];
            foreach (var entry in entries.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(entry => entry.Trim()))
            {
                AddTrustedProxy(options, entry);
            }

            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
            {
                options.KnownIPNetworks.Add(new IPNetwork(IPAddress.Loopback, 8));
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }
        });
        return services;
    }

    public static IApplicationBuilder UseClinicProxy(this WebApplication app) =>
        app.Configuration.GetValue("Security:TrustForwardedHeaders", false)
            // The middleware itself believes a request with no peer address (a server that cannot tell); we do not.
            ? app.UseWhen(context => context.Connection.RemoteIpAddress is not null, proxied => proxied.UseForwardedHeaders())
            : app;

    /// <summary>Outside Development, logs are JSON lines with their scopes (request id, path), one per event.</summary>
    public static void AddClinicLogging(this WebApplicationBuilder builder)
    {
        // A visitor's anti-forgery cookie that cannot be read (made up, or written with keys since replaced) is logged
        // by ASP.NET Core as an error with a stack trace, though the page simply issues a new cookie: anyone could fill
        // the log with them. Forms without a valid token are refused by the site all the same (400).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.None);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
    }

    private static void AddTrustedProxy(ForwardedHeadersOptions options, string entry)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            if (!IPNetwork.TryParse(entry, out var network))
            {
                throw Unusable(entry, "not an address or a CIDR network (e.g. 172.30.80.0/24)");
            }

            if (network.PrefixLength == 0)
            {
                throw Unusable(entry, "it would trust every address");
            }

            options.KnownIPNetworks.Add(network);
        }
        else if (IPAddress.TryParse(entry, out var address))
        {
            options.KnownProxies.Add(address);
        }
        else
        {
            throw Unusable(entry, "not an address or a CIDR network (e.g. 172.30.80.0/24)");
        }
    }

    private static InvalidOperationException Unusable(string entry, string why) =>
        new($"{TrustedProxiesKey} entry '{entry}' is unusable: {why}.");
}
