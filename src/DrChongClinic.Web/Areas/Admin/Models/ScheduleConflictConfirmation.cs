using DrChongClinic.Application.Booking;

namespace DrChongClinic.Web.Areas.Admin.Models;

/// <summary>
/// A schedule form that may strand bookings. The first POST finds the conflicts and shows them; the
/// form then carries their references back, and the change is saved only when every conflicting
/// booking is one staff have seen (a booking made in between is shown too before anything changes).
/// </summary>
public abstract class ScheduleChangeInput
{
    /// <summary>The references staff saw in the warning, space-separated.</summary>
    public string? ConfirmedConflicts { get; set; }

    public IReadOnlyList<ConflictingBooking> Conflicts { get; private set; } = [];

    /// <summary>Remembers the conflicts for the page; true when some have not been confirmed yet.</summary>
    public bool NeedsConfirmation(IReadOnlyList<ConflictingBooking> conflicts)
    {
        Conflicts = conflicts;
        var confirmed = (ConfirmedConflicts ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unseen = conflicts.Any(c => !confirmed.Contains(c.Reference));
        ConfirmedConflicts = string.Join(' ', conflicts.Select(c => c.Reference));
        return unseen;
    }

    /// <summary>For the audit entry: which bookings staff knowingly left in conflict.</summary>
    public string ConflictNote => Conflicts.Count == 0 ? "" : $"; confirmed despite bookings {string.Join(", ", Conflicts.Select(c => c.Reference))}";
}
