using System.Text;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>The staff CSV export holds every booking the filters match, however many, and its audit entry says how many.</summary>
public sealed class BookingExportTests : IAsyncLifetime
{
    private readonly ClinicFactory _site = new();

    public Task InitializeAsync()
    {
        _ = _site.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_export_holds_every_matching_booking_beyond_ten_thousand_and_the_audit_states_the_true_count()
    {
        const int count = 10_001;
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var treatment = await _site.WithDbAsync(db => db.Treatments.OrderBy(t => t.Id).FirstAsync());
        var firstStartUtc = new DateTime(2021, 3, 1, 1, 0, 0, DateTimeKind.Utc);
        await TestBookings.BookAsync(_site, practitioner.Id, treatment.Id, firstStartUtc, minutes: 5, patientName: "Tan; Mei Ling");
        var template = await TestBookings.BookAsync(_site, practitioner.Id, treatment.Id, firstStartUtc.AddMinutes(5), minutes: 5);
        await CopyAsync(template.Id, count - 2);
        var (client, account) = await StaffAccounts.SignedInAsync(_site, StaffRoles.Staff);

        var export = await client.GetAsync($"/admin/bookings/export.csv?practitioner={practitioner.Id}");

        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count + 1, lines.Length);
        Assert.Contains(",\"Tan; Mei Ling\",", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(firstStartUtc.AddMinutes(5 * (count - 1)), TestBookings.ClinicZone)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lines[^1].Split(',')[1], StringComparison.Ordinal);
        var audit = await _site.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "bookings.exported" && a.Actor == account.Email));
        Assert.StartsWith($"{count} bookings exported;", audit.Details, StringComparison.Ordinal);
    }

    /// <summary>
    /// Copies of a booking made through the domain, each five minutes after the one before, with their own reference,
    /// link hash and form id: one SQL statement, because ten thousand inserts through the context take most of a minute.
    /// </summary>
    private Task<int> CopyAsync(int appointmentId, int copies) => _site.WithDbAsync(async db =>
    {
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Appointments') WHERE name <> 'Id'").ToListAsync();
        var values = columns.Select(c => c switch
        {
            "Reference" => "'T' || printf('%07d', n.i)", // unique: eight random hex digits met twice in ten thousand about once in a hundred runs
            "ManageTokenHash" => "lower(hex(randomblob(32)))",
            "SubmissionId" => "upper(hex(randomblob(16)))",
            "StartUtc" => "strftime('%Y-%m-%d %H:%M:%S', a.StartUtc, '+' || (5 * n.i) || ' minutes')",
            _ => "a." + c,
        });
#pragma warning disable EF1003 // the column names come from the database's own schema, the numbers are ints
        return await db.Database.ExecuteSqlRawAsync(
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies}) " +
            $"INSERT INTO Appointments ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM Appointments a, n WHERE a.Id = {appointmentId}");
#pragma warning restore EF1003
    });
}
