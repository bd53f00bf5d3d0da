namespace DrChongClinic.Domain.Courses;

/// <summary>Why staff's course settings for a treatment cannot be saved.</summary>
public enum CoursePlanProblem
{
    /// <summary>Fewer than <see cref="CoursePlan.MinSessions"/> or more than <see cref="CoursePlan.MaxSessions"/> sessions.</summary>
    SessionsOutOfRange,

    /// <summary>The weeks between sessions are outside 1..<see cref="CoursePlan.MaxWeeksBetween"/>.</summary>
    WeeksOutOfRange,

    /// <summary>The minimum weeks between sessions is more than the maximum.</summary>
    MinAboveMax,

    /// <summary>Only some of the three values were given: a course needs all three (or none).</summary>
    Incomplete,
}

/// <summary>
/// A treatment given as a course: how many sessions, and how many weeks (at least, at most) lie between one session and
/// the next. Intervals are counted in calendar days between the clinic-local dates of two sessions, so "4 to 6 weeks"
/// allows 28 to 42 days.
/// </summary>
public sealed record CoursePlan(int Sessions, int MinWeeks, int MaxWeeks)
{
    public const int MinSessions = 2;

    public const int MaxSessions = 12;

    /// <summary>The longest gap staff may set between sessions; it also bounds how far ahead a course can be booked.</summary>
    public const int MaxWeeksBetween = 26;

    /// <summary>What is wrong with these values; null when they make a course, or when all three are empty (no course).</summary>
    public static CoursePlanProblem? Problem(int? sessions, int? minWeeks, int? maxWeeks)
    {
        if (sessions is null && minWeeks is null && maxWeeks is null)
        {
            return null;
        }

        if (sessions is not { } n || minWeeks is not { } min || maxWeeks is not { } max)
        {
            return CoursePlanProblem.Incomplete;
        }

        if (n is < MinSessions or > MaxSessions)
        {
            return CoursePlanProblem.SessionsOutOfRange;
        }

        if (min is < 1 or > MaxWeeksBetween || max is < 1 or > MaxWeeksBetween)
        {
            return CoursePlanProblem.WeeksOutOfRange;
        }

        return min > max ? CoursePlanProblem.MinAboveMax : null;
    }

    /// <summary>The plan for these values, or null when they are empty or invalid.</summary>
    public static CoursePlan? Of(int? sessions, int? minWeeks, int? maxWeeks) =>
        sessions is { } n && minWeeks is { } min && maxWeeks is { } max && Problem(n, min, max) is null ? new CoursePlan(n, min, max) : null;

    /// <summary>The dates a session may fall on when the one <paramref name="steps"/> session numbers before it is on <paramref name="previous"/>.</summary>
    public (DateOnly Earliest, DateOnly Latest) WindowAfter(DateOnly previous, int steps = 1) =>
        (previous.AddDays(7 * MinWeeks * steps), previous.AddDays(7 * MaxWeeks * steps));

    /// <summary>
    /// Where session <paramref name="number"/> may move to between its neighbours (the nearest sessions before and after it
    /// that count, by number and date); null when they leave no date at all.
    /// </summary>
    public (DateOnly Earliest, DateOnly Latest)? MoveWindow(int number, (int Number, DateOnly Date)? before, (int Number, DateOnly Date)? after)
    {
        var earliest = DateOnly.MinValue;
        var latest = DateOnly.MaxValue;
        if (before is { } b)
        {
            (earliest, latest) = WindowAfter(b.Date, number - b.Number);
        }

        if (after is { } a)
        {
            var steps = a.Number - number;
            var fromAfter = (a.Date.AddDays(-7 * MaxWeeks * steps), a.Date.AddDays(-7 * MinWeeks * steps));
            earliest = fromAfter.Item1 > earliest ? fromAfter.Item1 : earliest;
            latest = fromAfter.Item2 < latest ? fromAfter.Item2 : latest;
        }

        return earliest <= latest ? (earliest, latest) : null;
    }

    /// <summary>
    /// Whether the session dates keep their intervals. <paramref name="sessions"/> are (session number, clinic-local
    /// date) of the sessions that count (cancelled ones left out), in any order; two sessions k numbers apart must be
    /// k times the minimum to k times the maximum weeks apart. Null when they do, else the first broken gap.
    /// </summary>
    public CourseGapProblem? CheckIntervals(IEnumerable<(int Number, DateOnly Date)> sessions)
    {
        var ordered = sessions.OrderBy(s => s.Number).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var before = ordered[i - 1];
            var after = ordered[i];
            var (earliest, latest) = WindowAfter(before.Date, after.Number - before.Number);
            if (after.Date < earliest)
            {
                return new CourseGapProblem(before.Number, after.Number, TooClose: true, earliest, latest);
            }

            if (after.Date > latest)
            {
                return new CourseGapProblem(before.Number, after.Number, TooClose: false, earliest, latest);
            }
        }

        return null;
    }
}

/// <summary>Two sessions too close together or too far apart; <paramref name="Earliest"/>..<paramref name="Latest"/> is where the later one may be.</summary>
public sealed record CourseGapProblem(int EarlierSession, int LaterSession, bool TooClose, DateOnly Earliest, DateOnly Latest);
