namespace DrChongClinic.Domain.Scheduling;

/// <summary>The clinic's opening hours for one weekday: first start to last end of anyone working.</summary>
public sealed record ClinicDayHours(DayOfWeek Day, TimeOnly? Opens, TimeOnly? Closes)
{
    public bool IsOpen => Opens is not null;

    /// <summary>Monday first, as Malaysian clinics list their week; a day nobody works is closed.</summary>
    public static IReadOnlyList<ClinicDayHours> FromWorkingHours(IEnumerable<WorkingHours> hours)
    {
        var byDay = hours.GroupBy(h => h.Day).ToDictionary(g => g.Key, g => (Opens: g.Min(h => h.Start), Closes: g.Max(h => h.End)));
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        return week
            .Select(day => byDay.TryGetValue(day, out var span) ? new ClinicDayHours(day, span.Opens, span.Closes) : new ClinicDayHours(day, null, null))
            .ToList();
    }
}
