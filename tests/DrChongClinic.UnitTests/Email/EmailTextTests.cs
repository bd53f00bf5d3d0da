using DrChongClinic.Application.Email;
using DrChongClinic.Infrastructure.Email;

namespace DrChongClinic.UnitTests.Email;

public sealed class EmailTextTests
{
    [Theory]
    [InlineData("Eve\r\nBcc: attacker@evil.test", "Eve Bcc: attacker@evil.test")]
    [InlineData("Line\nbreak\rand\ttab", "Line break and tab")]
    [InlineData("Unicode\u2028separator\u0085next", "Unicode separator next")]
    [InlineData("  Siti   Aminah  ", "Siti Aminah")]
    [InlineData(null, "")]
    public void Header_text_has_no_line_breaks_or_control_characters(string? input, string expected) =>
        Assert.Equal(expected, HeaderText.Clean(input));

    [Theory]
    [InlineData(9, 30, "en", "9:30 am")]
    [InlineData(14, 5, "en", "2:05 pm")]
    [InlineData(9, 30, "ms", "9.30 pagi")]
    [InlineData(12, 0, "ms", "12.00 tengah hari")]
    [InlineData(16, 45, "ms", "4.45 petang")]
    [InlineData(20, 0, "ms", "8.00 malam")]
    public void Times_are_written_as_patients_read_them(int hour, int minute, string language, string expected) =>
        Assert.Equal(expected, AppointmentTimeText.Time(new DateTime(2031, 3, 3, hour, minute, 0), language));

    [Theory]
    [InlineData("en", "Monday, 3 March 2031", "3 Mar 2031")]
    [InlineData("ms", "Isnin, 3 Mac 2031", "3 Mac 2031")]
    public void Dates_are_written_in_the_patients_language(string language, string longDate, string shortDate)
    {
        var day = new DateTime(2031, 3, 3, 10, 0, 0);
        Assert.Equal(longDate, AppointmentTimeText.LongDate(day, language));
        Assert.Equal(shortDate, AppointmentTimeText.ShortDate(day, language));
    }

    [Fact]
    public void Clinic_time_is_kuala_lumpur_time_eight_hours_ahead_of_utc()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");
        Assert.Equal(new DateTime(2031, 3, 3, 10, 30, 0), AppointmentTimeText.ToClinicTime(new DateTime(2031, 3, 3, 2, 30, 0, DateTimeKind.Utc), zone));
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(5, 960)]
    [InlineData(9, 256 * 60)]
    [InlineData(10, 6 * 3600)]
    [InlineData(40, 6 * 3600)]
    public void Retries_back_off_exponentially_up_to_six_hours(int failedTries, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxPass.Backoff(TimeSpan.FromMinutes(1), failedTries));

    [Theory]
    [InlineData("en", "https://clinic.example/book/manage/abc")]
    [InlineData("ms", "https://clinic.example/ms/tempah/urus/abc")]
    public void Manage_links_follow_the_patients_language(string language, string expected) =>
        Assert.Equal(expected, ManageLink.Url("https://clinic.example/", language, "abc"));
}
