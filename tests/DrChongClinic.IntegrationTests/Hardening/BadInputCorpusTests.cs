using System.Net.Http.Headers;
using System.Text;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Hostile and malformed requests to every route the site has (read from the endpoint data source, so new pages
/// are covered), anonymously and signed in as an Admin: never a 500, and nothing stored.
/// </summary>
public sealed class BadInputCorpusTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static readonly string[] HostileValues =
    [
        "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE Appointments; --", "../../etc/passwd", "99999999999999999999",
        "-1", "0", "9999-99-99", "0001-01-01", "2026-02-30T25:61", "%00", new string('A', 5000), "\u202Eevil", "１２３",
    ];

    [Fact]
    public async Task Hundreds_of_hostile_requests_to_every_endpoint_get_no_500_and_store_nothing()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var anonymous = factory.Browser();
        var before = await CountRowsAsync();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Template: e.RoutePattern.RawText ?? "", Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(r => r.Template.Length > 0)
            .ToList();
        Assert.True(routes.Count > 30, $"only {routes.Count} routes found");

        var sent = 0;
        var failures = new List<string>();
        foreach (var (template, methods) in routes)
        {
            foreach (var value in HostileValues.Take(3))
            {
                var path = "/" + System.Text.RegularExpressions.Regex.Replace(template.TrimStart('/'), @"\{[^}]+\}", Uri.EscapeDataString(value[..Math.Min(value.Length, 200)]));
                foreach (var method in methods)
                {
                    foreach (var (client, request) in Requests(path, method, value).SelectMany(r => new[] { (anonymous, r()), (admin, r()) }))
                    {
                        var response = await client.SendAsync(request);
                        sent++;
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method} {path[..Math.Min(path.Length, 80)]} -> {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        Assert.True(sent >= 200, $"only {sent} requests");
        Assert.Empty(failures);
        Assert.Equal(before, await CountRowsAsync());
    }

    /// <summary>A GET with hostile query values, and for POST: bodies that are oversized, invalid UTF-8, of the wrong type, or with duplicated fields.</summary>
    private static IEnumerable<Func<HttpRequestMessage>> Requests(string path, string method, string value)
    {
        var query = $"?treatment={Uri.EscapeDataString(value)}&date={Uri.EscapeDataString(value)}&practitioner={Uri.EscapeDataString(value)}&email={Uri.EscapeDataString(value)}&id={Uri.EscapeDataString(value)}";
        if (method != "POST")
        {
            yield return () => new HttpRequestMessage(new HttpMethod(method), path + query);
            yield break;
        }

        yield return () => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new("Name", value), new("Name", "x"), new("Slot", value), new("Email", value), new("Id", value), new("Consent", value)]),
        };
        yield return () => new HttpRequestMessage(HttpMethod.Post, path) { Content = Raw([0x4E, 0x61, 0x6D, 0x65, 0x3D, 0xC3, 0x28, 0xFF, 0xFE], "application/x-www-form-urlencoded") };
        yield return () => new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"Name\":\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}", Encoding.UTF8, "application/json") };
        yield return () => new HttpRequestMessage(HttpMethod.Post, path) { Content = Raw(Encoding.UTF8.GetBytes("Notes=" + new string('x', 1_100_000)), "application/x-www-form-urlencoded") };
    }

    private static ByteArrayContent Raw(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private Task<string> CountRowsAsync() => factory.WithDbAsync(async db =>
        string.Join(",",
            await db.Appointments.CountAsync(), await db.AppointmentSlots.CountAsync(), await db.OutboxMessages.CountAsync(),
            // Reading an export is itself audited (a legitimate record, not stored input), so exports are not counted.
            await db.AuditEntries.CountAsync(a => !a.Action.EndsWith(".exported")), await db.Closures.CountAsync(), await db.Treatments.CountAsync(),
            await db.Practitioners.CountAsync(), await db.Users.CountAsync()));
}
