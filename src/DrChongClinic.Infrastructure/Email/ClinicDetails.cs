namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// The clinic's public details as emails need them, read from the same configuration section ("Clinic")
/// as the web layer's ClinicOptions, so the footer and the emails never disagree.
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

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public string DisplayName(string language) => language == "ms" ? NameMs : Name;

    /// <summary>One line, e.g. "12 Jalan Example, 50000 Kuala Lumpur, Wilayah Persekutuan Kuala Lumpur".</summary>
    public string AddressLine => string.Join(", ", new[] { StreetAddress, $"{PostalCode} {Locality}".Trim(), Region }
        .Where(part => !string.IsNullOrWhiteSpace(part)));

    public string BaseUrl => PublicBaseUrl.TrimEnd('/');
}
