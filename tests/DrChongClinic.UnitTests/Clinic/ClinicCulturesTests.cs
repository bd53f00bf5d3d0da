using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Schedule;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Web.Areas.Admin.Models;

namespace DrChongClinic.UnitTests.Clinic;

/// <summary>
/// The site runs without ICU and brings its own en-MY and ms-MY (<see cref="ClinicCultures"/>). The expected text here
/// is what ICU 72 wrote before: pages, emails and staff pages must read exactly as they did.
/// </summary>
public sealed class ClinicCulturesTests
{
    [Fact]
    public void The_tests_run_without_icu_as_the_site_does()
    {
        Assert.True(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
        // A culture made from its name has the invariant culture's English names: only the site's own are Malay.
        Assert.Equal("Monday", new CultureInfo("ms-MY").DateTimeFormat.GetDayName(DayOfWeek.Monday));
        Assert.Equal("Isnin", ClinicCultures.Malay.DateTimeFormat.GetDayName(DayOfWeek.Monday));
    }

    [Theory]
    [InlineData("en",
        "January February March April May June July August September October November December",
        "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec")]
    [InlineData("ms",
        "Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember",
        "Jan Feb Mac Apr Mei Jun Jul Ogo Sep Okt Nov Dis")]
    public void Every_month_is_written_as_before(string code, string months, string shortMonths)
    {
        var language = ClinicLanguage.Of(code);
        var firsts = Enumerable.Range(1, 12).Select(month => new DateOnly(2027, month, 1)).ToList();

        Assert.Equal(months, string.Join(" ", firsts.Select(day => ClinicText.LongDate(day, language).Split(' ')[2])));
        Assert.Equal(shortMonths, string.Join(" ", firsts.Select(day => ClinicText.ShortDate(day, language).Split(' ')[1])));
        Assert.Equal(shortMonths, string.Join(" ", firsts.Select(day => ClinicText.DayAndMonth(day, language).Split(' ')[1])));
    }

    [Theory]
    [InlineData("en", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday", "Mon Tue Wed Thu Fri Sat Sun")]
    [InlineData("ms", "Isnin Selasa Rabu Khamis Jumaat Sabtu Ahad", "Isn Sel Rab Kha Jum Sab Ahd")]
    public void Every_day_of_the_week_is_written_as_before(string code, string days, string shortDays)
    {
        var language = ClinicLanguage.Of(code);
        var week = Enumerable.Range(0, 7).Select(n => new DateOnly(2026, 12, 7).AddDays(n)).ToList(); // Monday to Sunday

        Assert.Equal(days, string.Join(" ", week.Select(day => ClinicText.LongDate(day, language).Split(',')[0])));
        Assert.Equal(shortDays, string.Join(" ", week.Select(day => ClinicText.Weekday(day, language))));
        // The opening hours table names the days from the request's culture.
        Assert.Equal(days, string.Join(" ", week.Select(day => language.Culture.DateTimeFormat.GetDayName(day.DayOfWeek))));
    }

    [Theory]
    [InlineData("en", "Tuesday, 1 September 2026", "1 Sept 2026", "Tue", "1 Sept", "Tue 1 Sept 2026, 14:30")]
    [InlineData("ms", "Selasa, 1 September 2026", "1 Sep 2026", "Sel", "1 Sep", "Sel 1 Sep 2026, 14:30")]
    public void A_day_is_written_for_patients_and_staff_as_before(string code, string longDate, string shortDate, string weekday, string dayAndMonth, string staff)
    {
        var language = ClinicLanguage.Of(code);
        var day = new DateOnly(2026, 9, 1);
        Assert.Equal(longDate, ClinicText.LongDate(day, language));
        Assert.Equal(shortDate, ClinicText.ShortDate(day, language));
        Assert.Equal(weekday, ClinicText.Weekday(day, language));
        Assert.Equal(dayAndMonth, ClinicText.DayAndMonth(day, language));

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture; // the staff area's language switch
        try
        {
            Assert.Equal(staff, ClinicText.StaffDateTime(new DateTime(2026, 9, 1, 14, 30, 0)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("en", "01/12/2026", "Tuesday, 1 December 2026", "2:30\u202Fpm", "01/12/2026 2:30:05\u202Fpm", "1 December", "December 2026")]
    [InlineData("ms", "1/12/2026", "Selasa, 1 Disember 2026", "2:30\u202FPTG", "1/12/2026 2:30:05\u202FPTG", "1 Disember", "Disember 2026")]
    public void Standard_date_and_time_formats_read_as_before(string code, string d, string longDate, string t, string g, string m, string y)
    {
        var culture = ClinicLanguage.Of(code).Culture;
        var when = new DateTime(2026, 12, 1, 14, 30, 5);
        Assert.Equal(d, when.ToString("d", culture));
        Assert.Equal(longDate, when.ToString("D", culture));
        Assert.Equal(t, when.ToString("t", culture));
        Assert.Equal(g, when.ToString("G", culture));
        Assert.Equal(m, when.ToString("m", culture));
        Assert.Equal(y, when.ToString("y", culture));
        Assert.Equal(DayOfWeek.Monday, culture.DateTimeFormat.FirstDayOfWeek);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ms")]
    public void Numbers_read_as_before(string code)
    {
        var culture = ClinicLanguage.Of(code).Culture;
        Assert.Equal("1,235", 1234.5678.ToString("N0", culture));
        Assert.Equal("1,234.568", 1234.5678.ToString("N", culture));
        Assert.Equal("RM1,234.57", 1234.5678.ToString("C", culture));
        Assert.Equal("-RM0.50", (-0.5).ToString("C", culture));
        Assert.Equal("-50%", (-0.5).ToString("P0", culture));

        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            Assert.Equal("67%", InsightsPage.Percent(2, 3)); // not "67 %", the invariant culture's
            Assert.Equal("100%", InsightsPage.Percent(3, 3));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void The_doctors_list_names_days_in_english_as_before()
    {
        WorkingHours Hours(DayOfWeek day, int from, int to) => new() { Day = day, Start = new TimeOnly(from, 0), End = new TimeOnly(to, 0) };

        Assert.Equal(
            ["Mon 09:00–13:00, 14:00–18:00", "Sat 09:00–13:00"],
            PractitionerService.Summary([Hours(DayOfWeek.Saturday, 9, 13), Hours(DayOfWeek.Monday, 14, 18), Hours(DayOfWeek.Monday, 9, 13)]));
    }

    [Fact]
    public void The_cultures_are_read_only_and_their_parents_are_their_languages()
    {
        Assert.True(ClinicCultures.English.IsReadOnly);
        Assert.True(ClinicCultures.Malay.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => ClinicCultures.Malay.DateTimeFormat.AMDesignator = "AM");
        // Resources are looked up along the parents: ms-MY finds SharedResource.ms.resx through "ms".
        Assert.Equal("en", ClinicCultures.English.Parent.Name);
        Assert.Equal("ms", ClinicCultures.Malay.Parent.Name);
    }

    [Fact]
    public void A_culture_gives_its_language_by_its_name()
    {
        Assert.Same(ClinicLanguage.Malay, ClinicLanguage.FromCulture(ClinicCultures.Malay));
        Assert.Same(ClinicLanguage.Malay, ClinicLanguage.FromCulture(new CultureInfo("ms-MY")));
        Assert.Same(ClinicLanguage.Malay, ClinicLanguage.FromCulture(new CultureInfo("ms")));
        Assert.Same(ClinicLanguage.English, ClinicLanguage.FromCulture(ClinicCultures.English));
        Assert.Same(ClinicLanguage.English, ClinicLanguage.FromCulture(new CultureInfo("en-MY")));
        Assert.Same(ClinicLanguage.English, ClinicLanguage.FromCulture(CultureInfo.InvariantCulture));
        Assert.Same(ClinicCultures.Malay, ClinicLanguage.Malay.Culture);
        Assert.Same(ClinicCultures.English, ClinicLanguage.English.Culture);
    }
}
