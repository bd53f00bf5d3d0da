using DrChongClinic.Application.Booking;

namespace DrChongClinic.Application.Schedule;

/// <summary>Why a schedule change was not saved. Each has a localized message or page in the web layer.</summary>
public enum ScheduleProblem
{
    NotFound,
    CodeTaken,
    UnknownPractitioner,

    /// <summary>A doctor with the same page address was saved at the same moment (a double click, or a colleague).</summary>
    JustAdded,

    /// <summary>Someone else saved a change to the same thing at the same moment; nothing of this change was saved.</summary>
    ChangedMeanwhile,

    /// <summary>Already deleted (by a colleague, or the first of a double click): what was asked for is done.</summary>
    AlreadyDeleted,

    /// <summary>The change would strand bookings staff have not seen yet: show <see cref="ScheduleChangeResult.Conflicts"/> and ask again.</summary>
    UnconfirmedConflicts,
}

/// <summary>What happened to a schedule change.</summary>
public sealed record ScheduleChangeResult
{
    public ScheduleProblem? Problem { get; private init; }

    /// <summary>The saved row's id (a new treatment, practitioner or closure).</summary>
    public int Id { get; private init; }

    /// <summary>The treatment's or practitioner's name, for the confirmation message.</summary>
    public string Name { get; private init; } = "";

    public IReadOnlyList<ConflictingBooking> Conflicts { get; private init; } = [];

    public bool Succeeded => Problem is null;

    public static ScheduleChangeResult Saved(int id, string name = "") => new() { Id = id, Name = name };

    public static ScheduleChangeResult Refused(ScheduleProblem problem, string name = "") => new() { Problem = problem, Name = name };

    public static ScheduleChangeResult Unconfirmed(IReadOnlyList<ConflictingBooking> conflicts, string name = "") =>
        new() { Problem = ScheduleProblem.UnconfirmedConflicts, Conflicts = conflicts, Name = name };
}

/// <summary>
/// A schedule change that may strand bookings is saved only when every conflicting booking is one staff have seen
/// (a booking made in between the warning and the confirmation is shown too before anything changes).
/// </summary>
internal static class ConflictConfirmation
{
    public static bool AllSeen(IReadOnlyList<ConflictingBooking> conflicts, IReadOnlyCollection<string> confirmed) =>
        conflicts.All(c => confirmed.Contains(c.Reference));

    /// <summary>For the audit entry: which bookings staff knowingly left in conflict.</summary>
    public static string Note(IReadOnlyList<ConflictingBooking> conflicts) =>
        conflicts.Count == 0 ? "" : $"; confirmed despite bookings {string.Join(", ", conflicts.Select(c => c.Reference))}";
}
