namespace DrChongClinic.Domain.Scheduling;

/// <summary>An active booking (requested or confirmed) as the schedule sees it: who, when, what.</summary>
public sealed record BookedTime(string Reference, int PractitionerId, int TreatmentId, DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// Which existing bookings a schedule change would leave stranded. Staff are shown these and must
/// confirm before the change is saved, so no booking is orphaned silently. Times are compared in the
/// clinic's own zone, because hours and closures are clinic-local.
/// </summary>
public static class ScheduleConflicts
{
    /// <summary>Bookings on a day the closure covers, for the practitioner it closes (or anyone, for the whole clinic).</summary>
    public static IReadOnlyList<BookedTime> ClosedBy(Closure closure, IEnumerable<BookedTime> bookings, TimeZoneInfo zone) =>
        bookings
            .Where(b => closure.Covers(LocalDay(b.StartUtc, zone), b.PractitionerId) ||
                        closure.Covers(LocalDay(b.EndUtc.AddTicks(-1), zone), b.PractitionerId))
            .OrderBy(b => b.StartUtc)
            .ToList();

    /// <summary>
    /// A practitioner's bookings that would no longer lie wholly inside one of their working periods
    /// if their weekly hours became <paramref name="newHours"/>.
    /// </summary>
    public static IReadOnlyList<BookedTime> OutsideHours(
        int practitionerId, IReadOnlyCollection<WorkingHours> newHours, IEnumerable<BookedTime> bookings, TimeZoneInfo zone) =>
        bookings
            .Where(b => b.PractitionerId == practitionerId && !FitsInHours(b, newHours, zone))
            .OrderBy(b => b.StartUtc)
            .ToList();

    private static bool FitsInHours(BookedTime booking, IEnumerable<WorkingHours> hours, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(booking.StartUtc, zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(booking.EndUtc, zone);
        if (end.Date != start.Date && end.TimeOfDay != TimeSpan.Zero)
        {
            return false;
        }

        var startTime = TimeOnly.FromDateTime(start);
        var endTime = end.Date != start.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(end);
        return hours.Any(h => h.Day == start.DayOfWeek && h.Start <= startTime && endTime <= h.End);
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
}
