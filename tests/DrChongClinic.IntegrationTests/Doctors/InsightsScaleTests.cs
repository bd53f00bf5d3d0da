using System.Diagnostics;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DrChongClinic.IntegrationTests.Doctors;

/// <summary>
/// The insights page on a clinic's two years of appointments (60,000) counts every one of them. Its speed is printed here and
/// measured by the benchmark, never asserted on wall time.
/// </summary>
public sealed class InsightsScaleTests(ClinicFactory factory, ITestOutputHelper output) : IClassFixture<ClinicFactory>
{
    private const int Appointments = 60_000;

    [Fact]
    public async Task Two_years_of_60000_appointments_are_all_counted()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        await FillAsync();

        await client.GetPageAsync("/admin/insights?from=2025-01-06&to=2025-01-12"); // warm up (first query compiles)
        var watch = Stopwatch.StartNew();
        var page = await client.GetPageAsync("/admin/insights?from=2025-01-01&to=2026-12-31");
        watch.Stop();
        output.WriteLine($"Insights over 730 days and {Appointments} appointments: {watch.ElapsedMilliseconds} ms");

        Assert.StartsWith($"{Appointments} ", page.QuerySelector(".insights-stats .stat")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Appointments, page.QuerySelectorAll(".insight table").First().QuerySelectorAll("tbody td:nth-child(2)").Sum(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Copies one real booking 60,000 times in one SQL statement, spread over 2025 and 2026, 5% cancelled and 5% no-shows.</summary>
    private async Task FillAsync()
    {
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var template = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(new DateOnly(2027, 2, 1), 10));
        await factory.WithDbAsync(async db =>
        {
            var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Appointments') WHERE name <> 'Id'").ToListAsync();
            var values = columns.Select(c => c switch
            {
                "Reference" => "upper(hex(randomblob(6)))",
                "ManageTokenHash" => "lower(hex(randomblob(32)))",
                "SubmissionId" => "lower(hex(randomblob(16)))",
                "StartUtc" => "datetime('2025-01-01 01:00:00', '+' || (n * 17 % 1051200) || ' minutes')",
                "CreatedAtUtc" => "datetime('2025-01-01 01:00:00', '+' || (n * 17 % 1051200) || ' minutes', '-' || (n % 45) || ' days')",
                "Status" => "CASE n % 20 WHEN 0 THEN 'Cancelled' WHEN 1 THEN 'NoShow' ELSE 'Completed' END",
                _ => $"\"{c}\"",
            });
            var sql =
                $"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {Appointments}) " +
                $"INSERT INTO Appointments ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"SELECT {string.Join(", ", values)} FROM seq, Appointments WHERE Appointments.Id = {template.Id}";
            return await db.Database.ExecuteSqlRawAsync(sql);
        });
        // The template itself starts in February 2027, outside the reported period.
    }
}
