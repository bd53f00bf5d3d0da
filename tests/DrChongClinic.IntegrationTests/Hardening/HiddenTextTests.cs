using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Security review finding 12: names made only of invisible characters, or with bidirectional overrides (which make
/// staff read "Ali exe.jpg" where the text is "Ali gpj.exe"), were accepted. Patient name, notes and the manage-link
/// reason are shown to staff: each refuses them with a clear message, and nothing is stored.
/// </summary>
public sealed class HiddenTextTests(BookingFactory site) : IClassFixture<BookingFactory>
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "Name", "\u200B\u200B", "en" },
        { "Name", "\u2800\u3164 \u200D", "en" },
        { "Name", "Ali \u202Egpj.exe", "en" },
        { "Name", "Ali \u2067bin Abu\u2069", "ms" },
        { "Notes", "see \u202Etxt.exe", "en" },
        { "Notes", "\u200B\u200B\u200B", "ms" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Booking_form_refuses_invisible_or_direction_changing_text(string field, string value, string language)
    {
        var client = site.Browser();
        var fields = BookingSteps.Patient("2026-12-08T10:00");
        fields[field] = value;
        var before = await site.AppointmentCountAsync();

        var response = await client.BookAsync(fields, language: language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = Html.Parse(await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains(language == "en" ? "ordinary visible letters" : "huruf biasa yang kelihatan", text, StringComparison.Ordinal);
        Assert.Equal(before, await site.AppointmentCountAsync());
    }

    [Fact]
    public async Task Ordinary_names_in_other_scripts_still_book()
    {
        var client = site.Browser();

        var response = await client.BookAsync(BookingSteps.Patient("2026-12-08T11:00", name: "Nur Aisyah \u0646\u0648\u0631 \u674E\u5A1C", email: "scripts@example.com"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task Manage_link_cancel_reason_refuses_a_direction_override_and_the_booking_stays()
    {
        var client = site.Browser();
        var token = await client.BookAndGetTokenAsync("2026-12-08T14:00", email: "reason@example.com");
        var page = await client.GetPageAsync($"/book/manage/{token}");

        var response = await client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?> { ["Reason"] = "ok \u202Eevil" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ordinary visible letters", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.True((await site.AppointmentAsync(token)).IsActive);
    }
}
