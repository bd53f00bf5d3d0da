using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>The staff bookings list and its export with page numbers and filters out of reach: a page that exists, never everything.</summary>
public sealed class BookingListLimitsTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Theory]
    [InlineData("2", 2, 5)]
    [InlineData("3", 2, 5)]
    [InlineData("214748365", 2, 5)] // (page - 1) * 25 wrapped past int.MaxValue to a huge offset: "Bookings found: 30" and no rows
    [InlineData("999999999", 2, 5)] // ... and to a negative one, which SQLite read as the first page
    [InlineData("2147483647", 2, 5)]
    [InlineData("0", 1, 25)]
    [InlineData("-5", 1, 25)]
    public async Task A_page_number_out_of_reach_shows_the_nearest_page_that_exists(string page, int shown, int rows)
    {
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var day = TestBookings.NextWeek(DayOfWeek.Monday).AddDays(35);
        for (var i = 0; i < 30; i++)
        {
            await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(day.AddDays(i / 8), 9 + (i % 8), 0));
        }

        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var response = await client.GetAsync($"/admin/bookings?practitioner={practitioner.Id}&page={page}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ReadAsync(response);
        Assert.Contains("Bookings found: 30", document.QuerySelector("#bookings-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(rows, document.QuerySelectorAll("#bookings-table tbody tr").Length);
        Assert.Contains($"Page {shown} of 2", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13-45")]
    [InlineData("to=0001-01-01")]
    [InlineData("status=Nonsense")]
    [InlineData("from=1,5")] // MVC's own conversion read these as 2026-01-05 and 1 May 2027 (staff-area sweep)
    [InlineData("from=5/1/2027")]
    [InlineData("to=Dec 8")]
    [InlineData("status=1,2")] // read as a combination of statuses: NoShow
    [InlineData("status=Confirmed,Completed")]
    [InlineData("status=2")]
    public async Task An_export_with_a_filter_that_cannot_be_read_is_refused_not_everything(string query)
    {
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(TestBookings.NextWeek(DayOfWeek.Tuesday), 10));
        var (client, account) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var response = await client.GetAsync($"/admin/bookings/export.csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Nothing was downloaded", (await Html.ReadAsync(response)).QuerySelector("#export-refused")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "bookings.exported" && a.Actor == account.Email)));
    }

    [Theory]
    [InlineData("from=1,5")]
    [InlineData("from=5/1/2027")]
    [InlineData("status=1,2")]
    [InlineData("status=Confirmed,Completed")]
    public async Task The_list_with_a_filter_written_any_other_way_says_it_could_not_be_read(string query)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var response = await client.GetAsync($"/admin/bookings?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be read", (await Html.ReadAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/bookings?from=2026-12-08&status=confirmed")).StatusCode);
    }
}
