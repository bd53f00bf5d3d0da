using System.Globalization;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Application.Clinic;

/// <summary>
/// The one way the clinic writes dates, times and booking references: pages, emails, calendar files, feeds
/// and staff pages all ask here. Times are clinic-local (convert with <see cref="ClinicClock"/> first).
/// Patients read "Monday, 7 December 2026, 2:30 pm" or "Isnin, 7 Disember 2026, 2:30 petang"; staff pages are
/// short, with a 24-hour clock, in the staff area's language ("Tue 1 Dec 2026, 14:30", "Sel 1 Dis 2026, 14:30").
/// </summary>
public static class ClinicText
{
    /// <summary>The language of the request (the staff area's switch); English outside a request.</summary>
    private static CultureInfo Staff => ClinicLanguage.Current.Culture;

    /// <summary>"Monday, 7 December 2026" or "Isnin, 7 Disember 2026".</summary>
    public static string LongDate(DateOnly day, ClinicLanguage language) => day.ToString("dddd, d MMMM yyyy", language.Culture);

    /// <summary>"7 Dec 2026" or "7 Dis 2026".</summary>
    public static string ShortDate(DateOnly day, ClinicLanguage language) => day.ToString("d MMM yyyy", language.Culture);

    /// <summary>"Mon" or "Isn": a day in a row of dates.</summary>
    public static string Weekday(DateOnly day, ClinicLanguage language) => day.ToString("ddd", language.Culture);

    /// <summary>"7 Dec" or "7 Dis": a day in a row of dates.</summary>
    public static string DayAndMonth(DateOnly day, ClinicLanguage language) => day.ToString("d MMM", language.Culture);

    /// <summary>
    /// "2:30 pm" in English; "2:30 petang" in Malay, with the part of the day Malaysians say:
    /// pagi (morning, to noon), tengah hari (midday, to 2 pm), petang (afternoon, to 7 pm), malam (night).
    /// </summary>
    public static string Time(TimeOnly time, ClinicLanguage language)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var period = language.IsMalay
            ? time.Hour switch { < 12 => "pagi", < 14 => "tengah hari", < 19 => "petang", _ => "malam" }
            : time.Hour < 12 ? "am" : "pm";
        return string.Create(CultureInfo.InvariantCulture, $"{hour}:{time.Minute:00} {period}");
    }

    /// <summary>A booking reference as patients and staff read it aloud: "XJ4R-DAPK".</summary>
    public static string Reference(string reference) => BookingReference.Display(reference);

    /// <summary>Staff pages: "Tue 1 Dec 2026" or "Sel 1 Dis 2026".</summary>
    public static string StaffDay(DateOnly day) => day.ToString("ddd d MMM yyyy", Staff);

    /// <summary>Staff pages: "14:30".</summary>
    public static string StaffTime(DateTime local) => local.ToString("HH:mm", Staff);

    /// <summary>Staff pages: "Tue 1 Dec 2026, 14:30" or "Sel 1 Dis 2026, 14:30".</summary>
    public static string StaffDateTime(DateTime local) => $"{StaffDay(DateOnly.FromDateTime(local))}, {StaffTime(local)}";
}
