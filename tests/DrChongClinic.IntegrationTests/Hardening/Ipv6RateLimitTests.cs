using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>An IPv6 visitor can use any address of their /64, so limits count the /64, not each address.</summary>
public sealed class Ipv6RateLimitTests(Ipv6RateLimitTests.Site site) : IClassFixture<Ipv6RateLimitTests.Site>
{
    [Fact]
    public async Task Addresses_in_one_ipv6_64_share_one_limit_and_the_next_64_has_its_own()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            var client = TestClientAddress.From(site.Browser(), $"2001:db8:5:6:{i:x}:{i * 7:x}::{i}");
            statuses.Add((await client.GetAsync($"/book/manage/guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        }

        var neighbour = TestClientAddress.From(site.Browser(), "2001:db8:5:7::1");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync("/book/manage/guessAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
    }

    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("RateLimits:ManageLink:PermitLimit", "3");
            With("RateLimits:ManageLink:Window", "00:10:00");
        }
    }
}
