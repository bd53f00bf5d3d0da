using DrChongClinic.Application.Booking;

namespace DrChongClinic.Web.Areas.Admin.Models;

/// <summary>
/// A schedule form that may strand bookings. The first POST finds the conflicts and shows them; the
/// form then carries their references back, and the change is saved only when every conflicting
/// booking is one staff have seen (a booking made in between is shown too before anything changes).
/// </summary>
public abstract class ScheduleChangeInput
{
    /// <summary>On an edit page: the stamp of the record as the page showed it (<see cref="Application.Schedule.EditStamp"/>).</summary>
    public string? Shown { get; set; }

    /// <summary>The references staff saw in the warning, space-separated.</summary>
    public string? ConfirmedConflicts { get; set; }

    public IReadOnlyList<ConflictingBooking> Conflicts { get; private set; } = [];

    /// <summary>The references staff confirmed, for the schedule services.</summary>
    public IReadOnlyCollection<string> ConfirmedReferences =>
        (ConfirmedConflicts ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Shows the warning: the conflicts, carried back by the form once staff have seen them.</summary>
    public void ShowConflicts(IReadOnlyList<ConflictingBooking> conflicts)
    {
        Conflicts = conflicts;
        ConfirmedConflicts = string.Join(' ', conflicts.Select(c => c.Reference));
    }
}
