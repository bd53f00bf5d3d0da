namespace DrChongClinic.Application.Booking;

/// <summary>
/// The public booking addresses, in English and Malay. One place for them, so pages and emails agree.
/// Malay pages live under /ms: "tempah" is book, "urus" is manage.
/// </summary>
public static class BookingLinks
{
    public static string Book(string language) => language == "ms" ? "/ms/tempah" : "/book";

    /// <summary>Path of a booking's private manage page; the email sender prefixes Clinic:PublicBaseUrl.</summary>
    public static string Manage(string language, string token) =>
        language == "ms" ? $"/ms/tempah/urus/{token}" : $"/book/manage/{token}";
}
