using Microsoft.AspNetCore.HttpOverrides;

namespace DrChongClinic.Web.Security;

/// <summary>
/// Behind the TLS-terminating proxy ("Security:TrustForwardedHeaders" = true), the site takes the client's
/// address and https from X-Forwarded-For/-Proto, so rate limits count each visitor and Secure cookies work.
/// Off by default: without a proxy those headers would let anyone pick their own address.
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddClinicProxy(this IServiceCollection services) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            // The proxy is another container, not on loopback; only the nearest hop is believed (ForwardLimit).
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });

    public static IApplicationBuilder UseClinicProxy(this WebApplication app) =>
        app.Configuration.GetValue("Security:TrustForwardedHeaders", false) ? app.UseForwardedHeaders() : app;

    /// <summary>Outside Development, logs are JSON lines with their scopes (request id, path), one per event.</summary>
    public static void AddClinicLogging(this WebApplicationBuilder builder)
    {
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
}
