using System.Text;
using DrChongClinic.Application.Schedule;

namespace DrChongClinic.UnitTests.Scheduling;

/// <summary>The holiday calendar reader: all-day events only, DTEND exclusive, SUMMARY as the reason; anything odd left out or refused.</summary>
public class HolidayCalendarFileTests
{
    private static string Calendar(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Fake Holidays//EN\r\n" + string.Concat(events) + "END:VCALENDAR\r\n";

    private static string Event(params string[] lines) => "BEGIN:VEVENT\r\n" + string.Concat(lines.Select(l => l + "\r\n")) + "END:VEVENT\r\n";

    [Fact]
    public void All_day_events_are_read_with_an_exclusive_end_and_the_summary_as_name()
    {
        var result = HolidayCalendarFile.Read(Calendar(
            Event("UID:1@test", "DTSTART;VALUE=DATE:20310203", "DTEND;VALUE=DATE:20310204", "SUMMARY:Fake Founders Day"),
            Event("UID:2@test", "DTSTART;VALUE=DATE:20310210", "DTEND;VALUE=DATE:20310212", "SUMMARY:Pretend Festival\\, day one and two"),
            Event("DTSTART;VALUE=DATE:20310301", "SUMMARY:Made-up Day without an end")));

        Assert.True(result.Succeeded);
        Assert.Equal(
            [
                new HolidayEntry(new DateOnly(2031, 2, 3), new DateOnly(2031, 2, 3), "Fake Founders Day"),
                new HolidayEntry(new DateOnly(2031, 2, 10), new DateOnly(2031, 2, 11), "Pretend Festival, day one and two"),
                new HolidayEntry(new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 1), "Made-up Day without an end"),
            ],
            result.Entries);
        Assert.Equal(0, result.Skipped);
    }

    [Theory]
    [InlineData("DTSTART;VALUE=DATE:99991231")]
    [InlineData("DTSTART;VALUE=DATE:99991230", "DURATION:P5D")]
    [InlineData("DTSTART;VALUE=DATE:00010101", "DTEND;VALUE=DATE:00010102")]
    [InlineData("DTSTART;VALUE=DATE:19991231")]
    [InlineData("DTSTART;VALUE=DATE:21991231", "DTEND;VALUE=DATE:22000101")]
    public void Dates_outside_the_clinics_range_are_left_out(params string[] dates)
    {
        var result = HolidayCalendarFile.Read(Calendar(Event([.. dates, "SUMMARY:Out of Range Day"])));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Entries);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public void A_holiday_whose_name_hides_or_reorders_its_text_is_left_out()
    {
        var result = HolidayCalendarFile.Read(Calendar(
            Event("DTSTART;VALUE=DATE:20310203", "SUMMARY:Fake \u202Eevil Day"),
            Event("DTSTART;VALUE=DATE:20310204", "SUMMARY:\u200B\u200B"),
            Event("DTSTART;VALUE=DATE:20310205", "SUMMARY:Ordinary Day")));

        Assert.Equal([new HolidayEntry(new DateOnly(2031, 2, 5), new DateOnly(2031, 2, 5), "Ordinary Day")], result.Entries);
        Assert.Equal(2, result.Skipped);
    }

    [Fact]
    public void Folded_lines_bare_line_feeds_alarms_and_a_byte_order_mark_are_understood()
    {
        var text = "\uFEFF" + Calendar(Event(
            "DTSTART;VALUE=DATE:20310405",
            "SUMMARY:Imaginary",
            " Holiday of",
            "\tthe Test State",
            "BEGIN:VALARM",
            "SUMMARY:Not the name",
            "TRIGGER:-PT15M",
            "END:VALARM")).Replace("\r\n", "\n", StringComparison.Ordinal);

        var result = HolidayCalendarFile.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'))).ToArray());

        var entry = Assert.Single(result.Entries);
        Assert.Equal("ImaginaryHoliday ofthe Test State", entry.Name);
    }

    [Fact]
    public void Timed_repeating_cancelled_nameless_and_backwards_events_are_left_out_and_counted()
    {
        var result = HolidayCalendarFile.Read(Calendar(
            Event("DTSTART:20310501T090000Z", "DTEND:20310501T100000Z", "SUMMARY:A meeting"),
            Event("DTSTART;VALUE=DATE:20310502", "RRULE:FREQ=YEARLY", "SUMMARY:Every year"),
            Event("DTSTART;VALUE=DATE:20310503", "STATUS:CANCELLED", "SUMMARY:Called off"),
            Event("DTSTART;VALUE=DATE:20310504"),
            Event("DTSTART;VALUE=DATE:20310506", "DTEND;VALUE=DATE:20310505", "SUMMARY:Backwards"),
            Event("DTSTART;VALUE=DATE:20310230", "SUMMARY:No such date"),
            Event("DTSTART;VALUE=DATE:20310507", "DURATION:P2D", "SUMMARY:Two days by duration")));

        Assert.Equal(new HolidayEntry(new DateOnly(2031, 5, 7), new DateOnly(2031, 5, 8), "Two days by duration"), Assert.Single(result.Entries));
        Assert.Equal(6, result.Skipped);
    }

    [Fact]
    public void Control_characters_in_names_are_removed_and_long_names_cut()
    {
        var result = HolidayCalendarFile.Read(Calendar(
            Event("DTSTART;VALUE=DATE:20310601", "SUMMARY:Line\\nbreak\u0007 day"),
            Event("DTSTART;VALUE=DATE:20310602", "SUMMARY:" + new string('x', 300))));

        Assert.Equal("Line break day", result.Entries[0].Name);
        Assert.Equal(HolidayCalendarFile.MaxNameLength, result.Entries[1].Name.Length);
    }

    [Theory]
    [InlineData("", HolidayFileProblem.NotACalendar)]
    [InlineData("hello, this is a text file", HolidayFileProblem.NotACalendar)]
    [InlineData("BEGIN:VCARD\r\nEND:VCARD\r\n", HolidayFileProblem.NotACalendar)]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20310101\r\nEND:VCALENDAR\r\n", HolidayFileProblem.Malformed)]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n", HolidayFileProblem.Malformed)]
    [InlineData("BEGIN:VCALENDAR\r\nthis line has no colon\r\nEND:VCALENDAR\r\n", HolidayFileProblem.Malformed)]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\n", HolidayFileProblem.Malformed)]
    public void Files_that_are_not_calendars_are_refused(string text, HolidayFileProblem problem)
    {
        var result = HolidayCalendarFile.Read(text);

        Assert.Equal(problem, result.Problem);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        Assert.Equal(HolidayFileProblem.NotACalendar, HolidayCalendarFile.Read([0x42, 0x45, 0xff, 0xfe, 0x00]).Problem);
    }

    [Fact]
    public void More_events_than_the_limit_are_refused()
    {
        var events = Enumerable.Range(0, HolidayCalendarFile.MaxEvents + 1).Select(_ => Event("DTSTART;VALUE=DATE:20310101", "SUMMARY:x")).ToArray();

        Assert.Equal(HolidayFileProblem.TooManyEvents, HolidayCalendarFile.Read(Calendar(events)).Problem);
    }
}
