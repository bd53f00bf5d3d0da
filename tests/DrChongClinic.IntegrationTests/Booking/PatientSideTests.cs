using System.Net;
using System.Text.Json;
using DrChongClinic.IntegrationTests.Infrastructure;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Booking;

/// <summary>
/// What a patient sees around the booking: WhatsApp, prices, the way to the clinic, "add to calendar", phone numbers
/// from other countries and the change rule, in English and Malay. The clinic's WhatsApp number, coordinates and
/// travel notes are set (test values) in <see cref="Site"/>.
/// </summary>
public sealed class PatientSideTests(PatientSideTests.Site site) : IClassFixture<PatientSideTests.Site>
{
    private const string WhatsAppDigits = "60123456789";
    private readonly HttpClient _client = site.Browser();

    [Theory]
    [InlineData("/", "Hello, I have a question for the clinic.")]
    [InlineData("/treatments", "Hello, I have a question for the clinic.")]
    [InlineData("/articles/pico-laser", "Hello, I have a question for the clinic.")]
    [InlineData("/ms/hubungi", "Helo, saya ada pertanyaan untuk klinik.")]
    public async Task Every_public_page_has_a_WhatsApp_link_in_the_footer(string url, string message)
    {
        var page = await _client.GetPageAsync(url);

        var link = page.QuerySelector("footer a.footer-whatsapp")!;
        Assert.Equal($"https://wa.me/{WhatsAppDigits}?text={Uri.EscapeDataString(message)}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_confirmation_page_offers_WhatsApp_with_the_reference_and_both_calendar_links()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-14T09:00");
        var appointment = await site.AppointmentAsync(token);
        var reference = DrChongClinic.Domain.Booking.BookingReference.Display(appointment.Reference);

        var page = await _client.GetPageAsync($"/book/manage/{token}?done=booked");
        var malay = await _client.GetPageAsync($"/ms/tempah/urus/{token}");

        var expected = $"https://wa.me/{WhatsAppDigits}?text={Uri.EscapeDataString($"Hello, I have a question about my booking {reference}.")}";
        Assert.Equal(expected, page.QuerySelector(".whatsapp-card a")!.GetAttribute("href"));
        Assert.Equal(expected, page.QuerySelector("footer a.footer-whatsapp")!.GetAttribute("href"));
        Assert.Equal(
            $"https://wa.me/{WhatsAppDigits}?text={Uri.EscapeDataString($"Helo, saya ada pertanyaan tentang tempahan saya {reference}.")}",
            malay.QuerySelector(".whatsapp-card a")!.GetAttribute("href"));

        Assert.Equal($"/book/manage/{token}/calendar.ics", page.QuerySelector(".add-to-calendar a[download]")!.GetAttribute("href"));
        Assert.Equal($"/ms/tempah/urus/{token}/kalendar.ics", malay.QuerySelector(".add-to-calendar a[download]")!.GetAttribute("href"));
        var google = new Uri(page.QuerySelector(".add-to-calendar a[href^='https://calendar.google.com/']")!.GetAttribute("href")!);
        var query = System.Web.HttpUtility.ParseQueryString(google.Query);
        Assert.Equal("TEMPLATE", query["action"]);
        Assert.Equal("20261214T010000Z/20261214T014500Z", query["dates"]); // 9:00-9:45 in Kuala Lumpur
        Assert.Equal("Pico laser at Dr Chong Clinic", query["text"]);
        Assert.Contains(reference, query["details"]);
        Assert.DoesNotContain(token, google.ToString());
    }

    [Fact]
    public async Task The_calendar_file_holds_the_appointment_and_is_gone_once_cancelled()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-14T10:00");

        var response = await _client.GetAsync($"/ms/tempah/urus/{token}/kalendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("appointment.ics", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PUBLISH", calendar.Method);
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2026, 12, 14, 2, 0, 0, DateTimeKind.Utc), entry.DtStart!.AsUtc);
        Assert.Equal("Laser pico di Klinik Dr Chong", entry.Summary);
        Assert.Empty(entry.Attendees);

        var manage = await _client.GetPageAsync($"/book/manage/{token}");
        await _client.SubmitAsync(manage, "#cancel form", new Dictionary<string, string?>());
        var cancelled = await _client.GetPageAsync($"/book/manage/{token}");
        Assert.Null(cancelled.QuerySelector(".add-to-calendar"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/book/manage/{token}/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task A_Singapore_mobile_number_is_accepted_stored_as_E164_and_shown_readably()
    {
        var fields = BookingSteps.Patient("2026-12-14T11:00");
        fields["Phone"] = "+65 9123 4567";

        var token = BookingSteps.TokenFrom(await _client.BookAsync(fields));

        Assert.Equal("+6591234567", (await site.AppointmentAsync(token)).Patient.Phone);
        Assert.Contains("+65 9123 4567", (await _client.GetPageAsync($"/book/manage/{token}")).Text());
    }

    [Fact]
    public async Task A_number_that_is_not_a_phone_number_gets_a_friendly_Malay_message()
    {
        var fields = BookingSteps.Patient("2026-12-14T11:30");
        fields["Phone"] = "12345";

        var response = await _client.BookAsync(fields, language: "ms");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("Ini tidak kelihatan seperti nombor telefon", page.QuerySelector("#Phone-error")!.TextContent);
        Assert.Contains("+65 9123 4567", page.QuerySelector("#Phone-error")!.TextContent);
    }

    [Theory]
    [InlineData("en", "You can change or cancel this booking online until 24 hours before the appointment.")]
    [InlineData("ms", "Anda boleh menukar atau membatalkan tempahan ini dalam talian sehingga 24 jam sebelum temujanji.")]
    public async Task The_booking_form_states_the_change_rule_before_booking(string language, string rule)
    {
        var page = await _client.DetailsPageAsync(language: language);

        var form = page.QuerySelector("form[data-booking-form]")!;
        Assert.Contains(rule, form.QuerySelector(".change-rule")!.TextContent);
        Assert.NotNull(form.QuerySelector(".change-rule ~ button[type=submit]"));
    }

    [Fact]
    public async Task Prices_staff_set_show_on_the_treatments_page_and_the_booking_form_and_unset_ones_say_ask_the_clinic()
    {
        await SetPriceAsync("consultation", 80m, from: false, "Doctor's assessment of your scars", "Penilaian doktor terhadap parut anda");
        await SetPriceAsync("pico-laser", 1250.5m, from: true, null, null);

        var treatments = await _client.GetPageAsync("/treatments");
        var rawatan = await _client.GetPageAsync("/ms/rawatan");
        var booking = await _client.DetailsPageAsync();

        Assert.Contains("Price: RM 80.00", Card(treatments, "consultation"));
        Assert.Contains("Includes: Doctor's assessment of your scars", Card(treatments, "consultation"));
        Assert.Contains("Price: From RM 1,250.50", Card(treatments, "pico-laser"));
        Assert.Contains("Price: please ask the clinic", Card(treatments, "subcision"));
        Assert.Contains("Harga: Dari RM 1,250.50", Card(rawatan, "pico-laser"));
        Assert.Contains("Termasuk: Penilaian doktor terhadap parut anda", Card(rawatan, "consultation"));
        Assert.Contains("Consultation fee: RM 80.00.", booking.QuerySelector(".consultation-fee")!.TextContent);
        Assert.Contains("From RM 1,250.50", booking.QuerySelector("input[value=pico-laser] ~ .choice-meta")!.TextContent);
        Assert.Contains("price: ask the clinic", booking.QuerySelector("input[value=subcision] ~ .choice-meta")!.TextContent);
        Assert.Contains("Price: From RM 1,250.50", booking.QuerySelector("form[data-booking-form] .price")!.TextContent);

        static string Card(AngleSharp.Dom.IDocument page, string code) => page.QuerySelector($"#{code}")!.TextContent;
    }

    [Theory]
    [InlineData("/contact", "Getting here", "Parking", "Basement car park, RM 2 per hour (test settings)", "Public transport", "Walk 5 minutes from the LRT station (test settings)")]
    [InlineData("/ms/hubungi", "Cara ke klinik", "Tempat letak kereta", "Tempat letak kereta bawah tanah (tetapan ujian)", "Pengangkutan awam", "Berjalan 5 minit dari stesen LRT (tetapan ujian)")]
    public async Task The_contact_page_says_how_to_get_there_with_map_links_and_coordinates(
        string url, string heading, string parkingHeading, string parking, string transitHeading, string transit)
    {
        var page = await _client.GetPageAsync(url);

        var section = page.QuerySelector(".getting-here")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains($"{parkingHeading}{parking}", section.TextContent.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal));
        Assert.Contains(transit, section.TextContent);
        Assert.Contains(transitHeading, section.TextContent);
        var links = section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://www.google.com/maps/search/?api=1&query=3.1%2C101.6", links);
        Assert.Contains("https://waze.com/ul?ll=3.1%2C101.6&navigate=yes", links);
        Assert.Empty(page.QuerySelectorAll("script[src], iframe"));

        var home = await _client.GetPageAsync(url.StartsWith("/ms", StringComparison.Ordinal) ? "/ms" : "/");
        var clinic = home.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(json => json.GetProperty("@type").GetString() == "MedicalClinic");
        Assert.Equal(3.1, clinic.GetProperty("geo").GetProperty("latitude").GetDouble());
        Assert.Equal(101.6, clinic.GetProperty("geo").GetProperty("longitude").GetDouble());
        Assert.NotEqual(0, clinic.GetProperty("openingHoursSpecification").GetArrayLength());
    }

    private Task SetPriceAsync(string code, decimal price, bool from, string? includedEn, string? includedMs) => site.WithDbAsync(async db =>
    {
        var treatment = await db.Treatments.SingleAsync(t => t.Code == code);
        (treatment.Price, treatment.PriceIsFrom, treatment.IncludedEn, treatment.IncludedMs) = (price, from, includedEn, includedMs);
        return await db.SaveChangesAsync();
    });

    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("Clinic:WhatsApp", "+60 12-345 6789");
            With("Clinic:Latitude", "3.1");
            With("Clinic:Longitude", "101.6");
            With("Clinic:Parking", "Basement car park, RM 2 per hour (test settings)");
            With("Clinic:ParkingMs", "Tempat letak kereta bawah tanah (tetapan ujian)");
            With("Clinic:Transit", "Walk 5 minutes from the LRT station (test settings)");
            With("Clinic:TransitMs", "Berjalan 5 minit dari stesen LRT (tetapan ujian)");
        }
    }
}
