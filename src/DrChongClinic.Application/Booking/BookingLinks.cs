using DrChongClinic.Domain;

namespace DrChongClinic.Application.Booking;

/// <summary>
/// The public booking addresses, in English and Malay. One place for them, so pages and emails agree.
/// Malay pages live under /ms: "tempah" is book, "urus" is manage.
/// </summary>
public static class BookingLinks
{
    public static string Book(string language) => ClinicLanguage.Of(language).Pick("/book", "/ms/tempah");

    /// <summary>The free times of a date, as JSON for booking.js.</summary>
    public static string Slots(string language) => ClinicLanguage.Of(language).Pick("/book/slots", "/ms/tempah/slot");

    /// <summary>Path of a booking's private manage page; the email sender prefixes Clinic:PublicBaseUrl.</summary>
    public static string Manage(string language, string token) =>
        ClinicLanguage.Of(language).Pick($"/book/manage/{token}", $"/ms/tempah/urus/{token}");

    /// <summary>The free times to move a booking to, as JSON for booking.js.</summary>
    public static string ManageSlots(string language, string token) =>
        Manage(language, token) + ClinicLanguage.Of(language).Pick("/slots", "/slot");

    /// <summary>The booking's calendar file (.ics), downloaded from the confirmation and manage page.</summary>
    public static string CalendarFile(string language, string token) =>
        Manage(language, token) + ClinicLanguage.Of(language).Pick("/calendar.ics", "/kalendar.ics");

    public static string Cancel(string language, string token) =>
        Manage(language, token) + ClinicLanguage.Of(language).Pick("/cancel", "/batal");

    public static string Reschedule(string language, string token) =>
        Manage(language, token) + ClinicLanguage.Of(language).Pick("/reschedule", "/tukar");
}
