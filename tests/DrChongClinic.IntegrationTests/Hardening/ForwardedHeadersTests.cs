using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Behind the TLS proxy (Security:TrustForwardedHeaders = true) the site believes X-Forwarded-For/-Proto, but only
/// when the request comes from the proxy itself (Security:TrustedProxies; loopback when none is listed): each
/// visitor has their own rate limit and the site knows it is reached over https. From anyone else, and without a
/// proxy at all, it must not believe them, or anyone could pick a fresh address for every guess.
/// Each request names the address it comes from (<see cref="PeerAddressStartupFilter"/>), as the network would.
/// </summary>
public sealed class ForwardedHeadersTests
{
    public const string ProxyNetwork = "172.30.80.0/24";
    public const string Proxy = "172.30.80.2";
    public const string Outsider = "198.51.100.7";

    [Fact]
    public async Task A_client_that_is_not_the_proxy_cannot_escape_the_booking_limit_by_varying_x_forwarded_for()
    {
        // Security review finding 1: with forwarded headers trusted from anyone, 12 bookings from one machine passed
        // the 10-per-10-minutes limit by sending a different X-Forwarded-For each time.
        using var site = new BookingFactory();
        site.With("Security:TrustForwardedHeaders", "true")
            .With("Security:TrustedProxies:0", ProxyNetwork)
            .With("RateLimits:Booking:PermitLimit", "10")
            .With("RateLimits:Booking:Window", "00:10:00")
            .WithServices(PeerAddresses);
        var client = site.Browser();
        client.DefaultRequestHeaders.Add(PeerAddressStartupFilter.Header, Outsider);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            var fields = BookingSteps.Patient($"2026-12-{9 + (i / 6):00}T{(i % 6 < 4 ? 9 + (i % 6) : 10 + (i % 6)):00}:00", email: $"visitor{i}@example.com");
            fields["Phone"] = $"012-345 67{i:00}";
            statuses.Add((await client.BookAsync(fields)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.SeeOther, 10), statuses.Take(10));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(10));
    }

    [Fact]
    public async Task From_the_proxy_each_forwarded_visitor_has_their_own_limit()
    {
        using var site = Site(trustForwardedHeaders: true, trustedProxies: [ProxyNetwork]);
        var client = PlainHttp(site);

        var first = await GuessAsync(client, Proxy, "203.0.113.10", 3);
        var other = await GuessAsync(client, Proxy, "203.0.113.20", 1);
        var viaMappedAddress = await GuessAsync(client, "::ffff:" + Proxy, "203.0.113.21", 1); // Kestrel on a dual-mode socket

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.NotFound], other);
        Assert.Equal([HttpStatusCode.NotFound], viaMappedAddress);
    }

    [Fact]
    public async Task A_single_trusted_proxy_address_is_believed_and_its_neighbour_is_not()
    {
        using var site = Site(trustForwardedHeaders: true, trustedProxies: [Proxy]);
        var client = PlainHttp(site);

        var viaProxy = await GuessAsync(client, Proxy, "203.0.113.10", 3);
        var fromNeighbour = await GuessAsync(client, "172.30.80.3", "203.0.113.10", 3);

        // Through the proxy the visitor 203.0.113.10 used up its own limit; the neighbour is counted as itself.
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], viaProxy);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], fromNeighbour);
    }

    [Fact]
    public async Task From_outside_the_proxy_network_a_made_up_forwarded_address_does_not_escape_the_limit()
    {
        using var site = Site(trustForwardedHeaders: true, trustedProxies: [ProxyNetwork]);
        var client = PlainHttp(site);

        var first = await GuessAsync(client, Outsider, "203.0.113.10", 2);
        var other = await GuessAsync(client, Outsider, "203.0.113.20", 1);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], other);
    }

    [Fact]
    public async Task With_no_trusted_proxies_listed_only_loopback_is_believed()
    {
        using var site = Site(trustForwardedHeaders: true, trustedProxies: []);
        var client = PlainHttp(site);

        var fromLoopback = await GuessAsync(client, "127.0.0.1", "203.0.113.10", 1);
        var fromLoopbackOther = await GuessAsync(client, "::1", "203.0.113.20", 1);
        var outsider = await GuessAsync(client, "10.0.0.5", "203.0.113.30", 2);
        var outsiderAgain = await GuessAsync(client, "10.0.0.5", "203.0.113.40", 1);

        Assert.Equal([HttpStatusCode.NotFound], fromLoopback);
        Assert.Equal([HttpStatusCode.NotFound], fromLoopbackOther);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], outsider);
        Assert.Equal([HttpStatusCode.TooManyRequests], outsiderAgain);
    }

    [Fact]
    public async Task A_request_without_a_peer_address_is_not_believed()
    {
        using var site = Site(trustForwardedHeaders: true, trustedProxies: [ProxyNetwork]);
        var client = PlainHttp(site);

        var first = await GuessAsync(client, peer: null, "203.0.113.10", 2);
        var other = await GuessAsync(client, peer: null, "203.0.113.20", 1);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], other);
    }

    [Fact]
    public async Task Without_the_proxy_a_made_up_forwarded_address_does_not_escape_the_limit()
    {
        using var site = Site(trustForwardedHeaders: false, trustedProxies: [ProxyNetwork]);
        var client = PlainHttp(site);

        var first = await GuessAsync(client, Proxy, "203.0.113.10", 2);
        var other = await GuessAsync(client, Proxy, "203.0.113.20", 1);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], other);
    }

    [Fact]
    public async Task Behind_the_proxy_a_request_that_reached_it_over_https_is_treated_as_https()
    {
        using var trusted = Site(trustForwardedHeaders: true, trustedProxies: [ProxyNetwork]);
        using var untrusted = Site(trustForwardedHeaders: false, trustedProxies: [ProxyNetwork]);

        // HSTS is only ever sent on https (and never to localhost, hence the host name), so it shows which scheme the
        // site believes. Asked of a page that is never cached.
        Assert.True((await LivenessAsync(PlainHttp(trusted), Proxy, "https")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await LivenessAsync(PlainHttp(trusted), Proxy, "http")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await LivenessAsync(PlainHttp(trusted), Outsider, "https")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await LivenessAsync(PlainHttp(untrusted), Proxy, "https")).Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("172.30.80.0/99")]
    [InlineData("0.0.0.0/0")]
    public void An_unusable_or_everyone_trusted_proxy_entry_stops_the_site_from_starting(string entry)
    {
        using var site = Site(trustForwardedHeaders: true, trustedProxies: [entry]);

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("Security:TrustedProxies", error.ToString(), StringComparison.Ordinal);
    }

    private static void PeerAddresses(IServiceCollection services) =>
        services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();

    private static ClinicFactory Site(bool trustForwardedHeaders, string[] trustedProxies)
    {
        var site = new ClinicFactory()
            .With("Security:TrustForwardedHeaders", trustForwardedHeaders ? "true" : "false")
            .With("Security:SecureCookies", "false")
            .With("RateLimits:ManageLink:PermitLimit", "2")
            .With("RateLimits:ManageLink:Window", "00:10:00")
            .WithServices(PeerAddresses);
        for (var i = 0; i < trustedProxies.Length; i++)
        {
            site.With($"Security:TrustedProxies:{i}", trustedProxies[i]);
        }

        return site;
    }

    private static HttpClient PlainHttp(ClinicFactory site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://www.drchongclinic.test"), AllowAutoRedirect = false });

    private static async Task<List<HttpStatusCode>> GuessAsync(HttpClient client, string? peer, string forwardedFor, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/book/manage/guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            if (peer is not null)
            {
                request.Headers.Add(PeerAddressStartupFilter.Header, peer);
            }

            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }

    private static async Task<HttpResponseMessage> LivenessAsync(HttpClient client, string peer, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Add("X-Forwarded-For", "203.0.113.30");
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
