using System.Net;
using AngleSharp.Dom;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Doctors;

/// <summary>The owner's insights page: the figures of a period, counted by the database, as charts and tables; bad periods refused.</summary>
public sealed class InsightsTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task Insights_count_bookings_per_week_treatment_and_doctor_with_cancellations_no_shows_and_lead_times()
    {
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        // Monday 1 March 2027 to Sunday 14 March 2027: two weeks nobody else books in.
        await BookAsync(practitioner.Id, treatment.Id, new DateOnly(2027, 3, 1), 10, bookedDaysBefore: 0.5, AppointmentStatus.Confirmed);
        await BookAsync(practitioner.Id, treatment.Id, new DateOnly(2027, 3, 2), 10, bookedDaysBefore: 10, AppointmentStatus.Cancelled);
        await BookAsync(practitioner.Id, treatment.Id, new DateOnly(2027, 3, 8), 10, bookedDaysBefore: 60, AppointmentStatus.NoShow);
        await BookAsync(practitioner.Id, treatment.Id, new DateOnly(2027, 3, 14), 17, bookedDaysBefore: 2, AppointmentStatus.Completed);
        await BookAsync(practitioner.Id, treatment.Id, new DateOnly(2027, 3, 15), 9, bookedDaysBefore: 2, AppointmentStatus.Confirmed); // the day after: not counted
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);

        var page = await client.GetPageAsync("/admin/insights?from=2027-03-01&to=2027-03-14");

        Assert.Equal(["4 Bookings", "1 Cancelled (25%)", "1 No-shows (25%)", "1 Completed"], page.QuerySelectorAll(".insights-stats .stat").Select(s => Squash(s.TextContent)));
        var tables = page.QuerySelectorAll(".insight table").ToList();
        Assert.Equal(4, tables.Count);
        Assert.Equal([["1 Mar 2027", "2", "1", "0"], ["8 Mar 2027", "2", "0", "1"]], Rows(tables[0]));
        Assert.Equal([[treatment.NameEn, "4", "1", "1"]], Rows(tables[1]));
        Assert.Equal([[practitioner.Name, "4", "1", "1"]], Rows(tables[2]));
        Assert.Equal(
            [["Under 1 day", "1"], ["1 to 3 days", "1"], ["3 to 7 days", "0"], ["1 to 2 weeks", "1"], ["2 to 4 weeks", "0"], ["4 weeks or more", "1"]],
            Rows(tables[3]));
        // Each chart is an image described by its heading, with as many bars as its table has rows.
        var charts = page.QuerySelectorAll("svg.chart").ToList();
        Assert.All(charts, c => Assert.Equal("img", c.GetAttribute("role")));
        Assert.Equal(2 * 3, charts[0].QuerySelectorAll("rect").Length);
        Assert.Single(charts[1].QuerySelectorAll("rect"));
        Assert.Equal(6, charts[3].QuerySelectorAll("rect").Length);

        // The staff area in Bahasa Malaysia (the switch in its header, remembered for this browser): the same figures in Malay.
        var malay = await Html.ReadAsync(await client.SubmitAsync(page, "#admin-language-form", new Dictionary<string, string?>()));
        Assert.Equal("ms", malay.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Analisis", malay.QuerySelector("h1")!.TextContent);
        Assert.Equal(["4 Temujanji", "1 Dibatalkan (25%)", "1 Tidak hadir (25%)", "1 Selesai"], malay.QuerySelectorAll(".insights-stats .stat").Select(s => Squash(s.TextContent).Replace("25 %", "25%", StringComparison.Ordinal)));
        var malayTables = malay.QuerySelectorAll(".insight table").ToList();
        Assert.Equal("1 Mac 2027", Rows(malayTables[0])[0][0]);
        Assert.Equal([[treatment.NameMs, "4", "1", "1"]], Rows(malayTables[1]));
        Assert.Equal("Kurang 1 hari", Rows(malayTables[3])[0][0]);
        Assert.Equal("English", malay.QuerySelector("#admin-language-form button")!.TextContent);
        var refused = await client.GetAsync("/admin/insights?from=2027-03-14&to=2027-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("ms", (await Html.ReadAsync(refused)).DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("The end date", (await Html.ReadAsync(refused)).QuerySelector("#period-error")!.TextContent);
        Assert.Equal("en", (await factory.CreateClient().GetPageAsync("/doctors")).DocumentElement.GetAttribute("lang")); // public pages keep their address's language

        var back = await client.SubmitAsync(malay, "#admin-language-form", new Dictionary<string, string?>());
        Assert.Equal("/admin/insights", back.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("en", (await Html.ReadAsync(back)).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_switch_only_returns_to_staff_pages()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var dashboard = await client.GetPageAsync("/admin");
        foreach (var returnUrl in new[] { "https://evil.example/admin", "//evil.example/admin", "/doctors", "/\\evil.example", new string('a', 5000) })
        {
            var response = await client.SubmitAsync(dashboard, "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = returnUrl, ["language"] = "en" });
            Assert.Equal("/admin", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("localhost", response.RequestMessage.RequestUri.Host);
        }
    }

    [Theory]
    [InlineData("from=2027-03-14&to=2027-03-01", "The end date is before the start date.")]
    [InlineData("from=2027-02-30&to=2027-03-01", "Enter both dates as year-month-day")]
    [InlineData("from=2020-01-01&to=2027-03-01", "at most 732 days")]
    [InlineData("from=1999-12-01&to=2000-01-01", "Enter both dates")] // dates before 2000 are refused where they are read (any admin date field)
    [InlineData("from=2028-06-01&to=2029-01-01", "up to two years ahead")]
    [InlineData("from=%0A%3Cscript%3E&to=2027-03-01", "Enter both dates")] // a NUL is refused before the page (AddressRefusals, NulInAddressTests)
    public async Task A_bad_period_gets_a_clear_message_and_a_400(string query, string message)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);

        var response = await client.GetAsync($"/admin/insights?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, page.QuerySelector("#period-error")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("svg.chart"));
    }

    [Fact]
    public async Task Insights_are_for_admins_the_default_period_shows_and_staff_are_refused()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var page = await admin.GetPageAsync("/admin/insights");
        Assert.Equal("2026-09-21", page.QuerySelector("#from")!.GetAttribute("value")); // the twelve weeks up to this one (Monday 7 December 2026) …
        Assert.Equal("2027-01-10", page.QuerySelector("#to")!.GetAttribute("value")); // … and the next four after this week
        Assert.Contains(page.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/insights");

        var (staff, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/insights")).StatusCode);
    }

    private Task BookAsync(int practitionerId, int treatmentId, DateOnly day, int hour, double bookedDaysBefore, AppointmentStatus status) =>
        factory.WithDbAsync(async db =>
        {
            var appointment = await TestBookings.BookAsync(factory, practitionerId, treatmentId, TestBookings.ClinicTime(day, hour));
            var stored = await db.Appointments.SingleAsync(a => a.Id == appointment.Id);
            db.Entry(stored).Property(a => a.CreatedAtUtc).CurrentValue = stored.StartUtc.AddDays(-bookedDaysBefore);
            db.Entry(stored).Property(a => a.Status).CurrentValue = status;
            return await db.SaveChangesAsync();
        });

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<List<string>> Rows(IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
}
