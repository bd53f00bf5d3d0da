using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Domain.Courses;

/// <summary>Why a course session cannot be at a given time.</summary>
public enum CourseClash
{
    None,

    /// <summary>A closure (clinic holiday or the doctor's leave) covers that day.</summary>
    Closed,

    /// <summary>The doctor does not work then (or the time is off the grid).</summary>
    OutsideHours,

    /// <summary>Another appointment holds that time.</summary>
    Taken,

    /// <summary>The time is in the past or within the minimum notice.</summary>
    TooSoon,

    /// <summary>The time breaks the interval to the session before it.</summary>
    OutsideWindow,
}

/// <summary>
/// One later session of a course as proposed: where it may fall (<see cref="Earliest"/>..<see cref="Latest"/>, after the
/// session before it), the ideal time (same weekday and time, the minimum weeks later) and why that ideal is not free,
/// the time proposed (null when nothing is free in the window) and a few other free times to choose from.
/// </summary>
public sealed record SessionProposal(
    int Number,
    DateOnly Earliest,
    DateOnly Latest,
    DateTime IdealLocal,
    CourseClash IdealClash,
    FreeSlot? Proposed,
    CourseClash ChosenClash,
    IReadOnlyList<FreeSlot> Choices);

/// <summary>
/// Proposes the later sessions of a course from its first session: one time per session with the same doctor, the
/// minimum weeks after the session before it on the same weekday and time when free, otherwise the best free time in
/// that session's window (same weekday first, then the earliest date, then the nearest time of day). A pure function:
/// the diary comes in as a function giving one <see cref="SlotQuery"/> per clinic-local date (its booking window
/// must reach the last session).
/// </summary>
public static class CourseProposal
{
    /// <summary>How many times each session offers to choose from.</summary>
    public const int ChoiceCount = 12;

    /// <param name="chosen">Times the patient picked for sessions 2..N (index 0 is session 2); a free one inside its window is kept.</param>
    public static IReadOnlyList<SessionProposal> Propose(
        CoursePlan plan,
        DateTime firstLocal,
        int practitionerId,
        Func<DateOnly, SlotQuery> day,
        IReadOnlyList<DateTime?>? chosen = null)
    {
        var proposals = new List<SessionProposal>();
        var previous = firstLocal;
        for (var number = 2; number <= plan.Sessions; number++)
        {
            var (earliest, latest) = plan.WindowAfter(DateOnly.FromDateTime(previous));
            var ideal = previous.AddDays(7 * plan.MinWeeks);
            var idealClash = Clash(day(DateOnly.FromDateTime(ideal)), TimeOnly.FromDateTime(ideal), practitionerId);
            var ranked = new List<FreeSlot>();
            for (var date = earliest; date <= latest; date = date.AddDays(1))
            {
                ranked.AddRange(SlotCalculator.FreeSlots(day(date)).Where(s => s.PractitionerIds.Contains(practitionerId)));
            }

            var wantedTime = TimeOnly.FromDateTime(firstLocal);
            ranked = ranked
                .OrderBy(s => s.LocalStart.DayOfWeek == firstLocal.DayOfWeek ? 0 : 1)
                .ThenBy(s => s.Date)
                .ThenBy(s => Math.Abs((s.Time - wantedTime).TotalMinutes) is var m && m > 720 ? 1440 - m : m)
                .ThenBy(s => s.LocalStart)
                .ToList();

            var pick = chosen is not null && chosen.Count > number - 2 ? chosen[number - 2] : null;
            var chosenClash = CourseClash.None;
            FreeSlot? proposed = null;
            if (pick is { } wanted)
            {
                var date = DateOnly.FromDateTime(wanted);
                chosenClash = date < earliest || date > latest
                    ? CourseClash.OutsideWindow
                    : Clash(day(date), TimeOnly.FromDateTime(wanted), practitionerId);
                proposed = chosenClash == CourseClash.None ? ranked.FirstOrDefault(s => s.LocalStart == wanted) : null;
            }

            proposed ??= ranked.FirstOrDefault();
            var choices = ranked.Take(ChoiceCount).ToList();
            if (proposed is not null && !choices.Contains(proposed))
            {
                choices.Add(proposed);
            }

            proposals.Add(new SessionProposal(number, earliest, latest, ideal, idealClash, proposed, chosenClash, choices.OrderBy(s => s.LocalStart).ToList()));

            // The next session counts from this one; with nothing free, from the ideal time (the course cannot be booked anyway).
            previous = proposed?.LocalStart ?? ideal;
        }

        return proposals;
    }

    /// <summary>Why one practitioner cannot be booked at a local time on the query's day; None when free.</summary>
    public static CourseClash Clash(SlotQuery query, TimeOnly time, int practitionerId)
    {
        var check = SlotCalculator.Check(query, time);
        return check.Verdict switch
        {
            SlotVerdict.Free when check.Slot!.PractitionerIds.Contains(practitionerId) => CourseClash.None,
            SlotVerdict.Free or SlotVerdict.Taken => CourseClash.Taken,
            SlotVerdict.DateInPast or SlotVerdict.TooSoon => CourseClash.TooSoon,
            SlotVerdict.BeyondHorizon => CourseClash.OutsideWindow,
            _ => query.Closures.Any(c => c.Covers(query.Date, practitionerId)) ? CourseClash.Closed : CourseClash.OutsideHours,
        };
    }
}
