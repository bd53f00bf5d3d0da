using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Hostile and malformed requests to every route the site has (read from the endpoint data source, so new pages
/// are covered), anonymously and signed in as an Admin: never a 500, and nothing stored.
/// </summary>
public sealed class BadInputCorpusTests(BookingFactory factory, ITestOutputHelper output) : IClassFixture<BookingFactory>
{
    private static readonly string[] HostileValues =
    [
        "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE Appointments; --", "../../etc/passwd", "99999999999999999999",
        "-1", "0", "9999-99-99", "0001-01-01", "2026-02-30T25:61", "%00", new string('A', 5000), "\u202Eevil", "１２３",
    ];

    /// <summary>Every field name the site's forms use, so a hostile value reaches every action's model binding.</summary>
    private static readonly string[] FormFields =
    [
        "Name", "NameEn", "NameMs", "Email", "Phone", "Slot", "Treatment", "Practitioner", "PractitionerId", "Consent", "Notes",
        "Reason", "Code", "Password", "NewPassword", "ConfirmPassword", "CurrentPassword", "ReturnUrl", "SortOrder", "FirstDay",
        "LastDay", "IsActive", "DurationMinutes", "BufferMinutes", "Language", "Role", "ConfirmedConflicts", "SubmissionId", "Id",
        "version", "date", "status", "Shown",
    ];

    [Fact]
    public async Task Thousands_of_hostile_requests_to_every_endpoint_get_no_500_and_store_nothing()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var anonymous = factory.Browser();
        // An anti-forgery token belongs to the visitor's cookie, not to one form: with it, hostile fields get past the
        // token check and reach the actions' model binding and validation.
        var clients = new[]
        {
            (Who: "anonymous", Client: anonymous, Token: await AntiforgeryTokenAsync(anonymous, "/admin/account/sign-in")),
            (Who: "admin", Client: admin, Token: await AntiforgeryTokenAsync(admin, "/admin")),
        };
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
            foreach (var (value, index) in HostileValues.Select((v, i) => (v, i)))
            {
                var path = "/" + System.Text.RegularExpressions.Regex.Replace(template.TrimStart('/'), @"\{[^}]+\}", Uri.EscapeDataString(value[..Math.Min(value.Length, 200)]));
                foreach (var method in methods)
                {
                    foreach (var (who, client, token) in clients)
                    {
                        // Signing the admin out would turn the rest of the admin's requests into anonymous ones.
                        var keepSignedIn = who == "admin" && template.EndsWith("sign-out", StringComparison.Ordinal);
                        foreach (var (what, request) in Requests(path, method, value, keepSignedIn ? null : token, everyBody: index == 0))
                        {
                            var response = await client.SendAsync(request);
                            sent++;
                            if ((int)response.StatusCode >= 500)
                            {
                                failures.Add($"{who} {method} {path[..Math.Min(path.Length, 80)]} ({what}, value {index}) -> {(int)response.StatusCode}");
                            }
                        }
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests to {routes.Count} routes");
        Assert.True(sent >= 2000, $"only {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} answers of 500 or more:\n" + string.Join("\n", failures.Distinct()));
        var newestAudit = await factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).Take(20).Select(a => a.Action).ToListAsync());
        Assert.True(before == await CountRowsAsync(), "rows were added; newest audit entries: " + string.Join(", ", newestAudit));

        // Still signed in, with two-factor still on: the corpus ran as an Admin throughout, not against a sign-in page.
        var dashboard = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("/admin", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"{url} has no anti-forgery token");

    /// <summary>
    /// A GET with hostile query values. For POST: every form field set to the value, with and without a valid
    /// anti-forgery token; once per route (<paramref name="everyBody"/>) also bodies that are oversized, invalid
    /// UTF-8 or JSON.
    /// </summary>
    private static IEnumerable<(string What, HttpRequestMessage Request)> Requests(string path, string method, string value, string? token, bool everyBody)
    {
        var query = $"?treatment={Uri.EscapeDataString(value)}&date={Uri.EscapeDataString(value)}&practitioner={Uri.EscapeDataString(value)}&email={Uri.EscapeDataString(value)}&id={Uri.EscapeDataString(value)}";
        if (method != "POST")
        {
            yield return ("query", new HttpRequestMessage(new HttpMethod(method), path + query));
            yield break;
        }

        var fields = FormFields.Select(name => new KeyValuePair<string, string>(name, value)).Append(new("Name", "x")).ToList();
        yield return ("form", new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
        if (token is not null)
        {
            yield return ("form with token", new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))) });
        }

        if (everyBody)
        {
            yield return ("invalid UTF-8", new HttpRequestMessage(HttpMethod.Post, path) { Content = Raw([0x4E, 0x61, 0x6D, 0x65, 0x3D, 0xC3, 0x28, 0xFF, 0xFE], "application/x-www-form-urlencoded") });
            yield return ("JSON", new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"Name\":\"<script>\"}", Encoding.UTF8, "application/json") });
            yield return ("oversized", new HttpRequestMessage(HttpMethod.Post, path) { Content = Raw(Encoding.UTF8.GetBytes("Notes=" + new string('x', 1_100_000)), "application/x-www-form-urlencoded") });
        }
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
