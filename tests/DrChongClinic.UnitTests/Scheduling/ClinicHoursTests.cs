using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.UnitTests.Scheduling;

public class ClinicHoursTests
{
    [Fact]
    public void Opening_hours_span_from_first_start_to_last_end_and_days_nobody_works_are_closed()
    {
        WorkingHours[] hours =
        [
            new() { PractitionerId = 1, Day = DayOfWeek.Monday, Start = new(9, 0), End = new(13, 0) },
            new() { PractitionerId = 1, Day = DayOfWeek.Monday, Start = new(14, 0), End = new(18, 0) },
            new() { PractitionerId = 2, Day = DayOfWeek.Monday, Start = new(10, 0), End = new(19, 0) },
            new() { PractitionerId = 2, Day = DayOfWeek.Saturday, Start = new(9, 0), End = new(13, 0) },
        ];

        var week = ClinicDayHours.FromWorkingHours(hours);

        Assert.Equal(7, week.Count);
        Assert.Equal(new ClinicDayHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(19, 0)), week[0]);
        Assert.False(week[1].IsOpen);
        Assert.Equal(new TimeOnly(13, 0), week[5].Closes);
        Assert.Equal(DayOfWeek.Sunday, week[6].Day);
        Assert.False(week[6].IsOpen);
    }
}
