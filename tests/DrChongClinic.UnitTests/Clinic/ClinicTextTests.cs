using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using Microsoft.Extensions.Options;

namespace DrChongClinic.UnitTests.Clinic;

public sealed class ClinicTextTests
{
    [Theory]
    [InlineData(9, 30, "en", "9:30 am")]
    [InlineData(14, 5, "en", "2:05 pm")]
    [InlineData(0, 15, "en", "12:15 am")]
    [InlineData(12, 0, "en", "12:00 pm")]
    [InlineData(9, 30, "ms", "9:30 pagi")]
    [InlineData(11, 0, "ms", "11:00 pagi")]
    [InlineData(12, 0, "ms", "12:00 tengah hari")]
    [InlineData(16, 45, "ms", "4:45 petang")]
    [InlineData(20, 0, "ms", "8:00 malam")]
    public void Times_are_written_as_patients_read_them(int hour, int minute, string language, string expected) =>
        Assert.Equal(expected, ClinicText.Time(new TimeOnly(hour, minute), ClinicLanguage.Of(language)));

    [Theory]
    [InlineData("en", "Monday, 3 March 2031", "3 Mar 2031", "Mon", "3 Mar")]
    [InlineData("ms", "Isnin, 3 Mac 2031", "3 Mac 2031", "Isn", "3 Mac")]
    public void Dates_are_written_in_the_patients_language(string language, string longDate, string shortDate, string weekday, string dayAndMonth)
    {
        var day = new DateOnly(2031, 3, 3);
        Assert.Equal(longDate, ClinicText.LongDate(day, ClinicLanguage.Of(language)));
        Assert.Equal(shortDate, ClinicText.ShortDate(day, ClinicLanguage.Of(language)));
        Assert.Equal(weekday, ClinicText.Weekday(day, ClinicLanguage.Of(language)));
        Assert.Equal(dayAndMonth, ClinicText.DayAndMonth(day, ClinicLanguage.Of(language)));
    }

    [Fact]
    public void References_are_written_in_two_groups_of_four_to_read_aloud() =>
        Assert.Equal("XJ4R-DAPK", ClinicText.Reference("XJ4RDAPK"));

    [Fact]
    public void Staff_pages_write_english_dates_with_a_24_hour_clock()
    {
        Assert.Equal("Tue 1 Dec 2026", ClinicText.StaffDay(new DateOnly(2026, 12, 1)));
        Assert.Equal("14:30", ClinicText.StaffTime(new DateTime(2026, 12, 1, 14, 30, 0)));
        Assert.Equal("Tue 1 Dec 2026, 14:30", ClinicText.StaffDateTime(new DateTime(2026, 12, 1, 14, 30, 0)));
    }

    [Fact]
    public void Clinic_time_is_kuala_lumpur_time_eight_hours_ahead_of_utc()
    {
        var clock = new ClinicClock(TimeProvider.System, Options.Create(new BookingPolicy()));
        Assert.Equal(new DateTime(2031, 3, 3, 10, 30, 0), clock.ToLocal(new DateTime(2031, 3, 3, 2, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTimeOffset(2031, 3, 3, 0, 0, 0, TimeSpan.FromHours(8)), clock.StartOfDay(new DateOnly(2031, 3, 3)));
    }
}
