using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;

namespace DrChongClinic.Application.Clinic;

/// <summary>
/// Every public address of the site, in English and in Malay, in one place: pages, emails, feeds, the sitemap and the
/// article loader all link with these. Malay pages live under /ms ("tempah" is book, "urus" manage, "artikel" articles).
/// The information pages' routes use the constants too; <c>SitePathsTests</c> requests every other path in both languages,
/// so a link and its route cannot drift apart.
/// </summary>
public static class SitePaths
{
    public const string TreatmentsEn = "/treatments";
    public const string TreatmentsMs = "/ms/rawatan";
    public const string AboutEn = "/about";
    public const string AboutMs = "/ms/tentang-kami";
    public const string ContactEn = "/contact";
    public const string ContactMs = "/ms/hubungi";
    public const string PrivacyEn = "/privacy";
    public const string PrivacyMs = "/ms/privasi";
    public const string TermsEn = "/terms";
    public const string TermsMs = "/ms/terma";
    public const string DoctorsEn = "/doctors";
    public const string DoctorsMs = "/ms/doktor";

    /// <summary>A tap-to-call link to a phone number as the clinic writes it ("+60 3-1234 5678" → "tel:+60312345678").</summary>
    public static string Tel(string phone) => "tel:" + phone.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>The home page of a language: "/" or "/ms".</summary>
    public static string Home(string language) => Pick(language, "/", ClinicLanguage.Malay.UrlPrefix);

    public static string Treatments(string language) => Pick(language, TreatmentsEn, TreatmentsMs);

    public static string About(string language) => Pick(language, AboutEn, AboutMs);

    public static string Contact(string language) => Pick(language, ContactEn, ContactMs);

    public static string Privacy(string language) => Pick(language, PrivacyEn, PrivacyMs);

    public static string Terms(string language) => Pick(language, TermsEn, TermsMs);

    /// <summary>The list of doctors: /doctors, /ms/doktor.</summary>
    public static string Doctors(string language) => Pick(language, DoctorsEn, DoctorsMs);

    /// <summary>A doctor's page: /doctors/dr-sample-doctor-b, /ms/doktor/dr-sample-doctor-b.</summary>
    public static string Doctor(string language, string slug) => $"{Doctors(language)}/{slug}";

    /// <summary>A doctor's photo; the version changes with each new photo, so the address can be cached for a year.</summary>
    public static string DoctorPhoto(int practitionerId, string version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DoctorsEn}/photos/{practitionerId}/{version}.jpg");

    public const string DiaryFeedEn = "/diary";
    public const string DiaryFeedMs = "/ms/diari";

    /// <summary>A doctor's private diary subscription (iCalendar), with its secret token: /diary/{token}.ics, /ms/diari/{token}.ics.</summary>
    public static string DiaryFeed(string language, string token) => $"{Pick(language, DiaryFeedEn, DiaryFeedMs)}/{token}.ics";

    /// <summary>The code of the consultation treatment: its price is the consultation fee, and articles' "Book a consultation" books it.</summary>
    public const string ConsultationCode = "consultation";

    /// <summary>The booking page, optionally with a treatment chosen: /book?treatment=pico-laser.</summary>
    public static string Book(string language, string? treatmentCode = null) =>
        Pick(language, "/book", "/ms/tempah") + (treatmentCode is null ? "" : "?treatment=" + Uri.EscapeDataString(treatmentCode));

    /// <summary>The free times of a date, as JSON for booking.js.</summary>
    public static string Slots(string language) => Pick(language, "/book/slots", "/ms/tempah/slot");

    /// <summary>Path of a booking's private manage page; emails prefix Clinic:PublicBaseUrl.</summary>
    public static string Manage(string language, string token) => Pick(language, $"/book/manage/{token}", $"/ms/tempah/urus/{token}");

    /// <summary>The free times to move a booking to, as JSON for booking.js.</summary>
    public static string ManageSlots(string language, string token) => Manage(language, token) + Pick(language, "/slots", "/slot");

    /// <summary>The booking's calendar file (.ics), downloaded from the confirmation and manage page.</summary>
    public static string CalendarFile(string language, string token) => Manage(language, token) + Pick(language, "/calendar.ics", "/kalendar.ics");

    public static string Cancel(string language, string token) => Manage(language, token) + Pick(language, "/cancel", "/batal");

    public static string Reschedule(string language, string token) => Manage(language, token) + Pick(language, "/reschedule", "/tukar");

    /// <summary>A treatment course from a session's manage link: book the later sessions, or see and move them.</summary>
    public static string Course(string language, string token) => Manage(language, token) + Pick(language, "/course", "/kursus");

    public static string CourseMove(string language, string token) => Course(language, token) + Pick(language, "/move", "/pindah");

    public static string CourseCancel(string language, string token) => Course(language, token) + Pick(language, "/cancel", "/batal");

    public static string Articles(string language) => Pick(language, "/articles", "/ms/artikel");

    public static string Article(string language, string slug) => $"{Articles(language)}/{slug}";

    public static string Article(Article article) => Article(article.Language, article.Slug);

    public static string Tag(string language, string tag) => $"{Articles(language)}/tag/{tag}";

    public static string Search(string language) => Pick(language, "/articles/search", "/ms/artikel/cari");

    public static string Feed(string language) => Pick(language, "/feed.xml", "/ms/feed.xml");

    private static string Pick(string language, string english, string malay) => ClinicLanguage.Of(language).Pick(english, malay);
}
