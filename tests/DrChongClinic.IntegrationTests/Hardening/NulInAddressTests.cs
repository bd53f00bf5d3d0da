using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// A NUL in an address: SQLite ends text at the first one, so "?search=%00" became an empty pattern that listed, and
/// exported, every booking. Any address with a NUL in its query is answered 400 with the friendly page.
/// </summary>
public sealed class NulInAddressTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Theory]
    [InlineData("/admin/bookings?search=%00")]
    [InlineData("/admin/bookings?search=Tan%00zzz&status=Confirmed")]
    [InlineData("/admin/bookings/export.csv?search=%00")]
    [InlineData("/admin/bookings?%00=x")]
    public async Task A_staff_search_with_a_NUL_is_refused_and_nothing_is_listed_or_exported(string path)
    {
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, DateTime.UtcNow.AddDays(12), patientEmail: "nul.search@example.test");
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var exportsBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "bookings.exported"));

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("We could not read what was sent", text, StringComparison.Ordinal);
        Assert.DoesNotContain("nul.search@example.test", text, StringComparison.Ordinal);
        Assert.Equal(exportsBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "bookings.exported")));
    }

    [Theory]
    [InlineData("/articles/search?q=%00", "We could not read what was sent")]
    [InlineData("/ms/artikel/cari?q=abc%00", "Kami tidak dapat membaca apa yang dihantar")]
    public async Task A_public_address_with_a_NUL_gets_the_friendly_400_page_in_its_language(string path, string title)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(title, (await Html.ReadAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
