using DrChongClinic.Domain;

namespace DrChongClinic.Web.Models;

/// <summary>
/// Where the clinic's information pages live, in English and in Malay. Each page has a twin in the other
/// language; the language switch links one to the other. Routes and links both use these constants.
/// </summary>
public static class PageUrls
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

    public static string Treatments(string language) => Pick(language, TreatmentsEn, TreatmentsMs);

    public static string About(string language) => Pick(language, AboutEn, AboutMs);

    public static string Contact(string language) => Pick(language, ContactEn, ContactMs);

    public static string Privacy(string language) => Pick(language, PrivacyEn, PrivacyMs);

    public static string Terms(string language) => Pick(language, TermsEn, TermsMs);

    /// <summary>The booking page, optionally with a treatment pre-selected.</summary>
    public static string Book(string language, string? treatmentCode = null) =>
        Pick(language, "/book", "/ms/tempah") + (treatmentCode is null ? "" : "?treatment=" + Uri.EscapeDataString(treatmentCode));

    public static string Article(string language, string slug) => Pick(language, "/articles/", "/ms/artikel/") + slug;

    public static string Articles(string language) => Pick(language, "/articles", "/ms/artikel");

    private static string Pick(string language, string english, string malay) => ClinicLanguage.Of(language).Pick(english, malay);
}
