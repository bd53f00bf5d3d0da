namespace DrChongClinic.Domain.Scheduling;

/// <summary>
/// One continuous working period of a practitioner on a weekday, in clinic local time.
/// A day with a lunch break has two periods.
/// </summary>
public sealed class WorkingHours
{
    public int Id { get; set; }

    public int PractitionerId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}
