using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no TCP connection, so a request has no peer address of its own. This filter plays
/// the network's part: the test names the address the request comes from in <see cref="Header"/>, and the filter
/// sets it as the connection's remote address and removes the header before the site's first middleware runs.
/// The site never reads the header; it sees only a connection from that address, as Kestrel would report it.
/// </summary>
internal sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
        {
            if (context.Request.Headers.Remove(Header, out var value))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
