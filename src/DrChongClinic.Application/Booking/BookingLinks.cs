using DrChongClinic.Domain;

namespace DrChongClinic.Application.Booking;

/// <summary>
/// The public booking addresses, in English and Malay. One place for them, so pages and emails agree.
/// Malay pages live under /ms: "tempah" is book, "urus" is manage.
/// </summary>
public static class BookingLinks
{
    public static string Book(string language) => ClinicLanguage.Of(language).Pick("/book", "/ms/tempah");

    /// <summary>Path of a booking's private manage page; the email sender prefixes Clinic:PublicBaseUrl.</summary>
    public static string Manage(string language, string token) =>
        ClinicLanguage.Of(language).Pick($"/book/manage/{token}", $"/ms/tempah/urus/{token}");
}
