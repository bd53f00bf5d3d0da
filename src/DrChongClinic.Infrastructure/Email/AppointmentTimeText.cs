using System.Globalization;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>Writes an appointment's time the way a patient reads it: in the clinic's zone, in their language.</summary>
internal static class AppointmentTimeText
{
    private static readonly CultureInfo EnglishMalaysia = CultureInfo.GetCultureInfo("en-MY");
    private static readonly CultureInfo MalayMalaysia = CultureInfo.GetCultureInfo("ms-MY");

    public static DateTime ToClinicTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"Monday, 7 December 2026" or "Isnin, 7 Disember 2026".</summary>
    public static string LongDate(DateTime local, string language) =>
        local.ToString("dddd, d MMMM yyyy", Culture(language));

    /// <summary>"7 Dec 2026" or "7 Dis 2026".</summary>
    public static string ShortDate(DateTime local, string language) =>
        local.ToString("d MMM yyyy", Culture(language));

    /// <summary>"2:30 pm" in English; "2.30 petang" in Malay, as Malaysians write it.</summary>
    public static string Time(DateTime local, string language)
    {
        if (language != "ms")
        {
            return local.ToString("h:mm tt", EnglishMalaysia);
        }

        var period = local.Hour switch
        {
            < 12 => "pagi",
            < 14 => "tengah hari",
            < 19 => "petang",
            _ => "malam",
        };
        return local.ToString("h.mm", MalayMalaysia) + " " + period;
    }

    private static CultureInfo Culture(string language) => language == "ms" ? MalayMalaysia : EnglishMalaysia;
}
