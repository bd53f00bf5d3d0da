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

    /// <summary>Absolute base URL used in canonical links, sitemaps and emails, e.g. https://www.drchongclinic.my.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public string DisplayName(string language) => ClinicLanguage.Of(language).Pick(Name, NameMs);

    /// <summary>One line, e.g. "12 Jalan Example, 50000 Kuala Lumpur, Wilayah Persekutuan Kuala Lumpur".</summary>
    public string AddressLine => string.Join(", ", new[] { StreetAddress, $"{PostalCode} {Locality}".Trim(), Region }
        .Where(part => !string.IsNullOrWhiteSpace(part)));

    public string BaseUrl => PublicBaseUrl.TrimEnd('/');

    /// <summary>The phone number as a tel: link, e.g. "tel:+60300000000".</summary>
    public string PhoneLink => "tel:" + Phone.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
