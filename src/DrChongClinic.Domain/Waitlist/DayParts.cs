namespace DrChongClinic.Domain.Waitlist;

/// <summary>The times of day a waiting patient can come: any combination of morning, afternoon and evening.</summary>
[Flags]
public enum DayParts
{
    None = 0,
    Morning = 1,
    Afternoon = 2,
    Evening = 4,
    All = Morning | Afternoon | Evening,
}

/// <summary>
/// Where the clinic's day is cut into morning, afternoon and evening (clinic-local start times): the one place that
/// says so. Morning is before 12:00, afternoon from 12:00 to before 17:00, evening from 17:00.
/// </summary>
public static class DayPart
{
    public static readonly TimeOnly AfternoonStarts = new(12, 0);
    public static readonly TimeOnly EveningStarts = new(17, 0);

    /// <summary>Each single part, in the order of the day.</summary>
    public static IReadOnlyList<DayParts> Each { get; } = [DayParts.Morning, DayParts.Afternoon, DayParts.Evening];

    /// <summary>The part of the day an appointment starting at this clinic-local time falls in.</summary>
    public static DayParts Of(TimeOnly localStart) =>
        localStart < AfternoonStarts ? DayParts.Morning : localStart < EveningStarts ? DayParts.Afternoon : DayParts.Evening;

    /// <summary>At least one part, and nothing but the three parts.</summary>
    public static bool IsValid(DayParts parts) => parts != DayParts.None && (parts & ~DayParts.All) == 0;
}
