using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Courses;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.UnitTests.Courses;

/// <summary>Kuala Lumpur clinic; now is Monday 7 December 2026, 08:00. The first session is Tuesday 8 December at 10:00.</summary>
public class CourseProposalTests
{
    private static readonly TimeZoneInfo KualaLumpur = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");
    private static readonly DateTime NowUtc = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FirstLocal = new(2026, 12, 8, 10, 0, 0);
    private static readonly CoursePlan Plan = new(3, 4, 6);

    [Fact]
    public void Later_sessions_fall_on_the_same_weekday_and_time_the_minimum_weeks_apart()
    {
        var sessions = CourseProposal.Propose(Plan, FirstLocal, 1, Diary());

        Assert.Equal([2, 3], sessions.Select(s => s.Number));
        Assert.Equal(new DateTime(2027, 1, 5, 10, 0, 0), sessions[0].Proposed!.LocalStart);
        Assert.Equal(new DateTime(2027, 2, 2, 10, 0, 0), sessions[1].Proposed!.LocalStart);
        Assert.All(sessions, s => Assert.Equal(CourseClash.None, s.IdealClash));
        Assert.Equal((new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 19)), (sessions[0].Earliest, sessions[0].Latest));
        Assert.Contains(sessions[0].Proposed!, sessions[0].Choices);
    }

    [Fact]
    public void A_clinic_holiday_on_the_ideal_day_is_reported_and_the_same_weekday_a_week_later_proposed()
    {
        Closure[] holiday = [new() { FirstDay = new DateOnly(2027, 1, 5), LastDay = new DateOnly(2027, 1, 5), Reason = "Test holiday" }];

        var sessions = CourseProposal.Propose(Plan, FirstLocal, 1, Diary(closures: holiday));

        Assert.Equal(CourseClash.Closed, sessions[0].IdealClash);
        Assert.Equal(new DateTime(2027, 1, 12, 10, 0, 0), sessions[0].Proposed!.LocalStart);

        // The next session counts from the one proposed, not from the ideal.
        Assert.Equal(new DateTime(2027, 2, 9, 10, 0, 0), sessions[1].Proposed!.LocalStart);
    }

    [Fact]
    public void A_taken_ideal_time_is_reported_and_the_nearest_time_that_day_proposed()
    {
        var busy = BusyInterval.Of(1, new DateTime(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc), 30, 0); // 10:00 local

        var sessions = CourseProposal.Propose(Plan, FirstLocal, 1, Diary(busy: [busy]));

        Assert.Equal(CourseClash.Taken, sessions[0].IdealClash);
        var proposed = sessions[0].Proposed!.LocalStart;
        Assert.Equal(new DateOnly(2027, 1, 5), DateOnly.FromDateTime(proposed));
        Assert.Contains(proposed.TimeOfDay, new[] { TimeSpan.FromHours(9.5), TimeSpan.FromHours(10.5) });
    }

    [Fact]
    public void Outside_working_hours_is_told_apart_from_a_closure()
    {
        var evening = new DateTime(2026, 12, 8, 17, 30, 0);
        var sessions = CourseProposal.Propose(Plan, evening, 1, Diary(closingAt: new TimeOnly(17, 0)));

        Assert.Equal(CourseClash.OutsideHours, sessions[0].IdealClash);
        Assert.NotNull(sessions[0].Proposed);
        Assert.Equal(DayOfWeek.Tuesday, sessions[0].Proposed!.LocalStart.DayOfWeek);
    }

    [Fact]
    public void A_session_with_nothing_free_in_its_window_has_no_proposal()
    {
        Closure[] leave = [new() { PractitionerId = 1, FirstDay = new DateOnly(2027, 1, 1), LastDay = new DateOnly(2027, 1, 31), Reason = "Leave" }];

        var sessions = CourseProposal.Propose(Plan, FirstLocal, 1, Diary(closures: leave));

        Assert.Null(sessions[0].Proposed);
        Assert.Equal(CourseClash.Closed, sessions[0].IdealClash);
        Assert.Empty(sessions[0].Choices);
    }

    [Fact]
    public void A_chosen_free_time_in_the_window_is_kept_and_the_next_session_counts_from_it()
    {
        var chosen = new DateTime(2027, 1, 14, 15, 0, 0); // a Thursday, 5 weeks 2 days later

        var sessions = CourseProposal.Propose(Plan, FirstLocal, 1, Diary(), [chosen, null]);

        Assert.Equal(chosen, sessions[0].Proposed!.LocalStart);
        Assert.Equal(CourseClash.None, sessions[0].ChosenClash);
        Assert.Equal(new DateOnly(2027, 2, 11), sessions[1].Earliest);
    }

    [Theory]
    [InlineData("2027-01-04T10:00", CourseClash.OutsideWindow)] // 27 days: one day too close
    [InlineData("2027-01-20T10:00", CourseClash.OutsideWindow)] // 43 days: one day too far
    [InlineData("2027-01-10T10:00", CourseClash.OutsideHours)] // a Sunday, inside the window
    [InlineData("2027-01-05T19:00", CourseClash.OutsideHours)]
    public void A_chosen_time_that_cannot_be_had_says_why_and_another_is_proposed(string local, CourseClash expected)
    {
        var chosen = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);

        var sessions = CourseProposal.Propose(Plan, FirstLocal, 1, Diary(), [chosen, null]);

        Assert.Equal(expected, sessions[0].ChosenClash);
        Assert.NotEqual(chosen, sessions[0].Proposed!.LocalStart);
    }

    [Fact]
    public void Sessions_beyond_the_single_booking_horizon_can_be_proposed()
    {
        var plan = new CoursePlan(6, 8, 10);

        var sessions = CourseProposal.Propose(plan, FirstLocal, 1, Diary(horizonDays: 60 + 7 * 10 * 5));

        Assert.Equal(new DateTime(2027, 9, 14, 10, 0, 0), sessions[^1].Proposed!.LocalStart);
    }

    private static Func<DateOnly, SlotQuery> Diary(
        Closure[]? closures = null,
        BusyInterval[]? busy = null,
        TimeOnly? closingAt = null,
        int horizonDays = 400)
    {
        var doctor = new Practitioner { Id = 1, Name = "Dr Test" };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            doctor.WorkingHours.Add(new WorkingHours { PractitionerId = 1, Day = day, Start = new TimeOnly(9, 0), End = closingAt ?? new TimeOnly(18, 0) });
        }

        var policy = new BookingPolicy { HorizonDays = horizonDays, MinimumNotice = TimeSpan.FromHours(2) };
        return date => new SlotQuery(date, 30, 0, [doctor], closures ?? [], busy ?? [], NowUtc, policy, KualaLumpur);
    }
}
