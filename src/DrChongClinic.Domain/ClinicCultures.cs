using System.Globalization;

namespace DrChongClinic.Domain;

/// <summary>
/// The site's two cultures, en-MY and ms-MY, with their month and day names and their date, time and number patterns
/// written out here. The site runs without ICU (<c>InvariantGlobalization</c> in Directory.Build.props), where a
/// culture made from its name has the invariant culture's English names and patterns; these are the ones ICU 72
/// (Debian 12) gave, so every page, email and calendar file reads as it did, whatever the container's ICU version.
/// Every other piece of code takes them from <see cref="ClinicLanguage.Culture"/>: a <c>new CultureInfo("ms-MY")</c>
/// writes English month names and finds no Malay text.
/// </summary>
public static class ClinicCultures
{
    public static CultureInfo English { get; } = Build("en-MY", "en", new Names(
        Months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ShortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"],
        Days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ShortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        ShortestDays: ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"],
        Am: "am",
        Pm: "pm",
        ShortDatePattern: "dd/MM/yyyy"));

    public static CultureInfo Malay { get; } = Build("ms-MY", "ms", new Names(
        Months: ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November", "Disember"],
        ShortMonths: ["Jan", "Feb", "Mac", "Apr", "Mei", "Jun", "Jul", "Ogo", "Sep", "Okt", "Nov", "Dis"],
        Days: ["Ahad", "Isnin", "Selasa", "Rabu", "Khamis", "Jumaat", "Sabtu"],
        ShortDays: ["Ahd", "Isn", "Sel", "Rab", "Kha", "Jum", "Sab"],
        ShortestDays: ["Ah", "Is", "Se", "Ra", "Kh", "Ju", "Sa"],
        Am: "PG",
        Pm: "PTG",
        ShortDatePattern: "d/MM/yyyy"));

    /// <summary>What differs between the two: names (months from January, days from Sunday) and the short date.</summary>
    private sealed record Names(
        string[] Months, string[] ShortMonths, string[] Days, string[] ShortDays, string[] ShortestDays, string Am, string Pm, string ShortDatePattern);

    private static CultureInfo Build(string name, string language, Names names)
    {
        var culture = new ClinicCulture(name, CultureInfo.ReadOnly(new CultureInfo(language)));

        var dates = culture.DateTimeFormat;
        // A calendar has 13 months; the Gregorian one leaves the 13th empty.
        dates.MonthNames = dates.MonthGenitiveNames = [.. names.Months, ""];
        dates.AbbreviatedMonthNames = dates.AbbreviatedMonthGenitiveNames = [.. names.ShortMonths, ""];
        dates.DayNames = names.Days;
        dates.AbbreviatedDayNames = names.ShortDays;
        dates.ShortestDayNames = names.ShortestDays;
        dates.FirstDayOfWeek = DayOfWeek.Monday;
        dates.CalendarWeekRule = CalendarWeekRule.FirstDay;
        dates.AMDesignator = names.Am;
        dates.PMDesignator = names.Pm;
        dates.DateSeparator = "/";
        dates.TimeSeparator = ":";
        dates.ShortDatePattern = names.ShortDatePattern;
        dates.LongDatePattern = "dddd, d MMMM yyyy";
        // ICU puts a narrow no-break space (U+202F) between the time and am/pm. The site's own times do not use these
        // patterns (ClinicText.Time, "HH:mm"), but anything formatted with "t" or "g" reads as before.
        dates.ShortTimePattern = "h:mm\u202Ftt";
        dates.LongTimePattern = "h:mm:ss\u202Ftt";
        dates.FullDateTimePattern = "dddd, d MMMM yyyy h:mm:ss\u202Ftt";
        dates.MonthDayPattern = "d MMMM";
        dates.YearMonthPattern = "MMMM yyyy";

        // Malaysia writes numbers the same way in both languages: 1,234.5, 12%, RM1,234.50.
        var numbers = culture.NumberFormat;
        numbers.NumberDecimalSeparator = numbers.CurrencyDecimalSeparator = numbers.PercentDecimalSeparator = ".";
        numbers.NumberGroupSeparator = numbers.CurrencyGroupSeparator = numbers.PercentGroupSeparator = ",";
        numbers.NumberDecimalDigits = 3;
        numbers.PercentDecimalDigits = 3;
        numbers.CurrencyDecimalDigits = 2;
        numbers.PercentPositivePattern = 1; // 12%
        numbers.PercentNegativePattern = 1; // -12%
        numbers.CurrencySymbol = "RM";
        numbers.CurrencyPositivePattern = 0; // RM12.00
        numbers.CurrencyNegativePattern = 1; // -RM12.00
        numbers.PositiveInfinitySymbol = "∞";
        numbers.NegativeInfinitySymbol = "-∞";

        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>
    /// A culture whose parent is its language, as under ICU (ms-MY → ms). Resources are looked up along the parents
    /// (SharedResource.ms.resx for ms-MY); without ICU a culture made from a name has the invariant culture as its parent.
    /// </summary>
    private sealed class ClinicCulture(string name, CultureInfo parent) : CultureInfo(name)
    {
        public override CultureInfo Parent => parent;
    }
}
