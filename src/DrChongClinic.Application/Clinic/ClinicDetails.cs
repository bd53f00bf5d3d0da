using DrChongClinic.Domain;

namespace DrChongClinic.Application.Clinic;

/// <summary>
/// Configuration section "Clinic": the clinic's public details. The one source for the site's footer,
/// contact page, structured data, sitemaps and the emails, so they never disagree.
/// </summary>
public sealed class ClinicDetails
{
    public const string Section = "Clinic";

    public string Name { get; set; } = "Dr Chong Clinic";

    public string NameMs { get; set; } = "Klinik Dr Chong";

    public string StreetAddress { get; set; } = "";

    public string Locality { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string Region { get; set; } = "";

    public string Country { get; set; } = "MY";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>
    /// The number patients can message on WhatsApp, with its country code, e.g. "+60 12-345 6789"; empty: the site
    /// shows no WhatsApp link. Outside Development a placeholder number stops the site from starting.
    /// </summary>
    public string WhatsApp { get; set; } = "";

    /// <summary>The clinic's latitude in decimal degrees (WGS 84), e.g. 3.1390; with <see cref="Longitude"/>, used for the map links and structured data. Unset: both are left out.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Where to park, in English (contact page); empty: not shown.</summary>
    public string Parking { get; set; } = "";

    public string ParkingMs { get; set; } = "";

    /// <summary>How to come by public transport (LRT, MRT, bus), in English (contact page); empty: not shown.</summary>
    public string Transit { get; set; } = "";

    public string TransitMs { get; set; } = "";

    /// <summary>Absolute base URL used in canonical links, sitemaps and emails, e.g. https://www.drchongclinic.my.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public string DisplayName(string language) => ClinicLanguage.Of(language).Pick(Name, NameMs);

    public string ParkingNote(string language) => ClinicLanguage.Of(language).Pick(Parking, ParkingMs);

    public string TransitNote(string language) => ClinicLanguage.Of(language).Pick(Transit, TransitMs);

    /// <summary>Both coordinates set and on the globe.</summary>
    public bool HasCoordinates => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180 && !(Latitude == 0 && Longitude == 0);

    private string Coordinates => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.######},{Longitude:0.######}");

    /// <summary>Opens Google Maps at the clinic (its coordinates, or else its address): a plain link, no map script.</summary>
    public string GoogleMapsUrl => "https://www.google.com/maps/search/?api=1&query=" +
        Uri.EscapeDataString(HasCoordinates ? Coordinates : $"{Name}, {AddressLine}");

    /// <summary>Opens Waze with directions to the clinic (its coordinates, or else its address).</summary>
    public string WazeUrl => HasCoordinates
        ? $"https://waze.com/ul?ll={Uri.EscapeDataString(Coordinates)}&navigate=yes"
        : $"https://waze.com/ul?q={Uri.EscapeDataString(AddressLine)}&navigate=yes";

    /// <summary>One line, e.g. "12 Jalan Example, 50000 Kuala Lumpur, Wilayah Persekutuan Kuala Lumpur".</summary>
    public string AddressLine => string.Join(", ", new[] { StreetAddress, $"{PostalCode} {Locality}".Trim(), Region }
        .Where(part => !string.IsNullOrWhiteSpace(part)));

    public string BaseUrl => PublicBaseUrl.TrimEnd('/');

    /// <summary>
    /// A WhatsApp click-to-chat link (https://wa.me/60123456789?text=...) that opens a chat with the clinic with
    /// <paramref name="message"/> typed in; null when Clinic:WhatsApp is not set (or is not a phone number).
    /// </summary>
    public string? WhatsAppLink(string message) =>
        PatientPhone.WhatsAppDigits(WhatsApp) is { } digits ? $"https://wa.me/{digits}?text={Uri.EscapeDataString(message)}" : null;

    /// <summary>The phone number as a tel: link, e.g. "tel:+60300000000".</summary>
    public string PhoneLink => "tel:" + Phone.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
