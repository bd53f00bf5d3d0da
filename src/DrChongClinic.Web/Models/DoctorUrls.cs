using DrChongClinic.Domain;

namespace DrChongClinic.Web.Models;

/// <summary>Where the doctor pages live: /doctors and /doctors/{slug}, in Malay /ms/doktor and /ms/doktor/{slug}; photos /doctors/photos/{id}/{version}.jpg.</summary>
public static class DoctorUrls
{
    public const string ListEn = "/doctors";
    public const string ListMs = "/ms/doktor";

    public static string List(string language) => ClinicLanguage.Of(language).Pick(ListEn, ListMs);

    public static string Doctor(string language, string slug) => $"{List(language)}/{slug}";

    public static string Photo(int practitionerId, string version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ListEn}/photos/{practitionerId}/{version}.jpg");
}
