using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.UnitTests.Scheduling;

public class ScheduleConflictsTests
{
    private static readonly TimeZoneInfo KualaLumpur = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");

    /// <summary>A booking at a Kuala Lumpur wall-clock time (UTC+8).</summary>
    private static BookedTime Booking(string reference, int practitionerId, int year, int month, int day, int hour, int minute, int minutes = 30) =>
        new(reference, practitionerId, 1, new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8),
            new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8).AddMinutes(minutes));

    [Fact]
    public void A_clinic_closure_catches_bookings_of_every_practitioner_on_its_days_in_clinic_time()
    {
        var closure = new Closure { FirstDay = new(2026, 12, 25), LastDay = new(2026, 12, 26), Reason = "Christmas" };
        BookedTime[] bookings =
        [
            Booking("EARLYXMS", 1, 2026, 12, 25, 7, 0),   // 23:00 UTC on the 24th, but the 25th in Kuala Lumpur
            Booking("BOXINGDY", 2, 2026, 12, 26, 17, 0),
            Booking("DAYAFTER", 1, 2026, 12, 27, 9, 0),
            Booking("DAYBEFOR", 1, 2026, 12, 24, 17, 30),
        ];

        var conflicts = ScheduleConflicts.ClosedBy(closure, bookings, KualaLumpur);

        Assert.Equal(["EARLYXMS", "BOXINGDY"], conflicts.Select(c => c.Reference));
    }

    [Fact]
    public void A_practitioners_leave_only_catches_that_practitioners_bookings()
    {
        var closure = new Closure { PractitionerId = 2, FirstDay = new(2026, 12, 1), LastDay = new(2026, 12, 1), Reason = "Leave" };
        BookedTime[] bookings = [Booking("DOCTORON", 1, 2026, 12, 1, 10, 0), Booking("DOCTORTW", 2, 2026, 12, 1, 10, 0)];

        var conflicts = ScheduleConflicts.ClosedBy(closure, bookings, KualaLumpur);

        Assert.Equal("DOCTORTW", Assert.Single(conflicts).Reference);
    }

    [Fact]
    public void Shorter_hours_catch_bookings_that_no_longer_fit_inside_a_working_period()
    {
        // Tuesday 1 December 2026: mornings only, 09:00-12:00.
        WorkingHours[] newHours = [new() { PractitionerId = 1, Day = DayOfWeek.Tuesday, Start = new(9, 0), End = new(12, 0) }];
        BookedTime[] bookings =
        [
            Booking("FITSWELL", 1, 2026, 12, 1, 9, 0),
            Booking("ENDSATNN", 1, 2026, 12, 1, 11, 30),          // ends exactly at 12:00: still fits
            Booking("OVERRUNS", 1, 2026, 12, 1, 11, 45),          // ends 12:15
            Booking("AFTERNON", 1, 2026, 12, 1, 14, 0),
            Booking("WEDNESDY", 1, 2026, 12, 2, 9, 0),            // no hours on Wednesday any more
            Booking("OTHERDOC", 2, 2026, 12, 1, 14, 0),           // another practitioner: unaffected
        ];

        var conflicts = ScheduleConflicts.OutsideHours(1, newHours, bookings, KualaLumpur);

        Assert.Equal(["OVERRUNS", "AFTERNON", "WEDNESDY"], conflicts.Select(c => c.Reference));
    }

    [Fact]
    public void A_lunch_break_catches_a_booking_that_spans_it()
    {
        WorkingHours[] newHours =
        [
            new() { PractitionerId = 1, Day = DayOfWeek.Tuesday, Start = new(9, 0), End = new(13, 0) },
            new() { PractitionerId = 1, Day = DayOfWeek.Tuesday, Start = new(14, 0), End = new(18, 0) },
        ];
        BookedTime[] bookings = [Booking("SPANSLUN", 1, 2026, 12, 1, 12, 30, minutes: 60), Booking("AFTERLUN", 1, 2026, 12, 1, 14, 0, minutes: 60)];

        var conflicts = ScheduleConflicts.OutsideHours(1, newHours, bookings, KualaLumpur);

        Assert.Equal("SPANSLUN", Assert.Single(conflicts).Reference);
    }
}
