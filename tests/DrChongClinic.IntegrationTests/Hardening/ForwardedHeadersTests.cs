using System.Net;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Behind the TLS proxy (Security:TrustForwardedHeaders = true) the site believes X-Forwarded-For/-Proto: each
/// visitor has their own rate limit and the site knows it is reached over https. Without a proxy it must not
/// believe them, or anyone could pick a fresh address for every guess.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Behind_the_proxy_each_forwarded_visitor_has_their_own_limit()
    {
        using var site = Site(trustForwardedHeaders: true);
        var client = PlainHttp(site);

        var first = await GuessAsync(client, "203.0.113.10", 3);
        var other = await GuessAsync(client, "203.0.113.20", 1);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.NotFound], other);
    }

    [Fact]
    public async Task Without_the_proxy_a_made_up_forwarded_address_does_not_escape_the_limit()
    {
        using var site = Site(trustForwardedHeaders: false);
        var client = PlainHttp(site);

        var first = await GuessAsync(client, "203.0.113.10", 2);
        var other = await GuessAsync(client, "203.0.113.20", 1);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], other);
    }

    [Fact]
    public async Task Behind_the_proxy_a_request_that_reached_it_over_https_is_treated_as_https()
    {
        using var trusted = Site(trustForwardedHeaders: true);
        using var untrusted = Site(trustForwardedHeaders: false);

        // HSTS is only ever sent on https (and never to localhost, hence the host name), so it shows which scheme the
        // site believes. Asked of a page that is never cached.
        Assert.True((await LivenessAsync(PlainHttp(trusted), "https")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await LivenessAsync(PlainHttp(trusted), "http")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await LivenessAsync(PlainHttp(untrusted), "https")).Headers.Contains("Strict-Transport-Security"));
    }

    private static ClinicFactory Site(bool trustForwardedHeaders) => new ClinicFactory()
        .With("Security:TrustForwardedHeaders", trustForwardedHeaders ? "true" : "false")
        .With("Security:SecureCookies", "false")
        .With("RateLimits:ManageLink:PermitLimit", "2")
        .With("RateLimits:ManageLink:Window", "00:10:00");

    private static HttpClient PlainHttp(ClinicFactory site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://www.drchongclinic.test"), AllowAutoRedirect = false });

    private static async Task<List<HttpStatusCode>> GuessAsync(HttpClient client, string forwardedFor, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/book/manage/guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }

    private static async Task<HttpResponseMessage> LivenessAsync(HttpClient client, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Add("X-Forwarded-For", "203.0.113.30");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
