using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// A database that can be read but not written (file made read-only, disk full or failing): the site must say
/// "briefly unavailable" (503) rather than crash (500), and /healthz must report it. The tests run as root, for
/// whom chmod 0444 changes nothing, so the second site opens the same file with SQLite's read-only mode, which
/// gives the same "attempt to write a readonly database" a read-only file does.
/// </summary>
public sealed class DatabaseWriteFaultTests : IDisposable
{
    private readonly BookingFactory _site = new();
    private BookingFactory? _readOnly;

    [Fact]
    public async Task A_booking_on_a_database_that_cannot_be_written_gets_the_friendly_503_and_healthz_says_unhealthy()
    {
        Assert.Equal(HttpStatusCode.OK, (await _site.Browser().GetAsync("/healthz")).StatusCode);
        var before = await _site.AppointmentCountAsync();
        _readOnly = new BookingFactory();
        _readOnly.With("Database:ConnectionString", $"Data Source={_site.DatabasePath};Mode=ReadOnly")
            .With("Database:MigrateOnStartup", "false")
            .With("Database:SeedOnStartup", "false");
        var client = _readOnly.Browser();

        var refused = await client.BookAsync(BookingSteps.Patient("2026-12-09T09:00"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("30", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("We are briefly unavailable", (await Html.ReadAsync(refused)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(before, await _site.AppointmentCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await _site.Browser().GetAsync("/healthz")).StatusCode);
    }

    public void Dispose()
    {
        _readOnly?.Dispose();
        _site.Dispose();
    }
}
