using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// An address longer than any page uses (a search box filled with pages of text): Kestrel used to answer 414 itself,
/// with an empty body. Now the site answers 414 with the friendly page in the visitor's language.
/// </summary>
public sealed class LongAddressTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private static string SearchOfLength(string path, int addressLength) => path + new string('a', addressLength - path.Length);

    [Theory]
    [InlineData("/articles/search?q=", "That web address is too long")]
    [InlineData("/ms/artikel/cari?q=", "Alamat web itu terlalu panjang")]
    public async Task A_search_longer_than_the_site_reads_gets_the_friendly_414_page_in_its_language(string path, string title)
    {
        var response = await factory.CreateClient().GetAsync(SearchOfLength(path, AddressRefusals.LongestAddress + 1));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains(title, (await Html.ReadAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_of_exactly_the_longest_length_is_still_read()
    {
        var response = await factory.CreateClient().GetAsync(SearchOfLength("/articles/search?q=", AddressRefusals.LongestAddress));

        Assert.NotEqual(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_staff_search_longer_than_the_site_reads_is_refused_and_nothing_is_exported()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var exportsBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "bookings.exported"));

        var list = await client.GetAsync(SearchOfLength("/admin/bookings?search=", 20_000));
        var export = await client.GetAsync(SearchOfLength("/admin/bookings/export.csv?search=", 20_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, list.StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, export.StatusCode);
        Assert.Equal(exportsBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "bookings.exported")));
    }

    [Fact]
    public async Task Kestrel_lets_a_long_address_through_to_the_friendly_page_instead_of_its_own_empty_414()
    {
        using var site = new ClinicFactory().With("Security:SecureCookies", "false");
        var address = site.StartOnKestrel();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var response = await client.GetAsync(SearchOfLength("/articles/search?q=", 40_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains("That web address is too long", (await Html.ReadAsync(response)).QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }
}
