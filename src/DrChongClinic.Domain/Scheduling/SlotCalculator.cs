using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Domain.Scheduling;

/// <summary>Part of a practitioner's diary already held: an active appointment, including its buffer.</summary>
public readonly record struct BusyInterval(int PractitionerId, DateTime StartUtc, DateTime EndUtc)
{
    /// <summary>The diary time an appointment holds, rounded to whole cells exactly like its <see cref="AppointmentSlot"/> rows.</summary>
    public static BusyInterval Of(int practitionerId, DateTime startUtc, int durationMinutes, int bufferMinutes) =>
        new(practitionerId, startUtc, startUtc.AddMinutes(AppointmentSlot.HeldMinutes(durationMinutes, bufferMinutes)));

    public bool Overlaps(DateTime startUtc, DateTime endUtc) => StartUtc < endUtc && startUtc < EndUtc;
}

/// <summary>Everything needed to work out one clinic-local day's free times for one treatment.</summary>
/// <param name="Practitioners">Who may be booked (one for a chosen doctor, all active ones for "any"), with their weekly hours.</param>
/// <param name="Busy">Active appointments (with buffers) of those practitioners around that day.</param>
public sealed record SlotQuery(
    DateOnly Date,
    int DurationMinutes,
    int BufferMinutes,
    IReadOnlyList<Practitioner> Practitioners,
    IReadOnlyList<Closure> Closures,
    IReadOnlyList<BusyInterval> Busy,
    DateTime NowUtc,
    BookingPolicy Policy,
    TimeZoneInfo TimeZone);

/// <summary>A start time a patient can book: clinic-local time, the instant it means, and who is free then.</summary>
public sealed record FreeSlot(DateTime LocalStart, DateTime StartUtc, IReadOnlyList<int> PractitionerIds)
{
    public DateOnly Date => DateOnly.FromDateTime(LocalStart);

    public TimeOnly Time => TimeOnly.FromDateTime(LocalStart);
}

/// <summary>Why a requested start time can or cannot be booked.</summary>
public enum SlotVerdict
{
    Free,
    DateInPast,
    BeyondHorizon,
    OffGrid,
    TooSoon,

    /// <summary>Nobody works then: closed day, closure, outside hours, or a local time the clock skips.</summary>
    NotOffered,

    /// <summary>Offered, but another appointment holds that time.</summary>
    Taken,
}

public sealed record SlotCheck(SlotVerdict Verdict, FreeSlot? Slot = null);

/// <summary>
/// Works out free start times. A pure function of its inputs (no clock, no database), so every rule is unit-tested:
/// <list type="bullet">
/// <item>start times lie on the grid (every <see cref="BookingPolicy.SlotGridMinutes"/> from local midnight);</item>
/// <item>treatment plus buffer fit inside one of the practitioner's working periods that day (breaks split a day into periods);</item>
/// <item>no clinic-wide or personal closure covers the day;</item>
/// <item>treatment plus buffer overlap no other active appointment's treatment plus buffer;</item>
/// <item>the start is at least the minimum notice from now, and the day is between today and the horizon.</item>
/// </list>
/// Each local grid time is converted with that day's rules of the clinic's zone. A local time the clock skips
/// (daylight saving starts) is not offered; a local time that happens twice (daylight saving ends) means its
/// first occurrence, so every time shown on a day is unique and maps back to one instant.
/// </summary>
public static class SlotCalculator
{
    private static readonly int MinutesPerDay = 24 * 60;

    public static IReadOnlyList<FreeSlot> FreeSlots(SlotQuery query) =>
        IsBookableDay(query) ? Compute(query, includeBusy: true, onlyLocal: null) : [];

    /// <summary>Checks one requested local start time, saying why it cannot be booked when it cannot.</summary>
    public static SlotCheck Check(SlotQuery query, TimeOnly localTime)
    {
        var policy = query.Policy;
        if (query.Date < policy.Today(query.NowUtc))
        {
            return new SlotCheck(SlotVerdict.DateInPast);
        }

        if (query.Date > policy.LastBookableDay(query.NowUtc))
        {
            return new SlotCheck(SlotVerdict.BeyondHorizon);
        }

        if (localTime.Second != 0 || localTime.Millisecond != 0 || localTime.Microsecond != 0 ||
            (localTime.Hour * 60 + localTime.Minute) % policy.SlotGridMinutes != 0)
        {
            return new SlotCheck(SlotVerdict.OffGrid);
        }

        var local = query.Date.ToDateTime(localTime);
        var startUtc = ExactUtc(local, query.TimeZone);
        if (startUtc is null)
        {
            return new SlotCheck(SlotVerdict.NotOffered);
        }

        if (startUtc <= query.NowUtc)
        {
            return new SlotCheck(SlotVerdict.DateInPast);
        }

        if (startUtc < query.NowUtc + policy.MinimumNotice)
        {
            return new SlotCheck(SlotVerdict.TooSoon);
        }

        if (Compute(query, includeBusy: false, onlyLocal: local).Count == 0)
        {
            return new SlotCheck(SlotVerdict.NotOffered);
        }

        var free = Compute(query, includeBusy: true, onlyLocal: local);
        return free.Count == 0 ? new SlotCheck(SlotVerdict.Taken) : new SlotCheck(SlotVerdict.Free, free[0]);
    }

    /// <summary>
    /// For "any doctor": the free practitioner with the least booked time that day, then the lowest id.
    /// Deterministic, and it spreads the day's work.
    /// </summary>
    public static int ChoosePractitioner(SlotQuery query, FreeSlot slot)
    {
        var dayStart = BoundaryUtc(query.Date.ToDateTime(TimeOnly.MinValue), query.TimeZone);
        var dayEnd = BoundaryUtc(query.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), query.TimeZone);
        return slot.PractitionerIds
            .OrderBy(id => query.Busy
                .Where(b => b.PractitionerId == id && b.Overlaps(dayStart, dayEnd))
                .Sum(b => (b.EndUtc - b.StartUtc).TotalMinutes))
            .ThenBy(id => id)
            .First();
    }

    /// <summary>The instant a clinic-local time means; null when the clock skips it. A repeated time means its first occurrence.</summary>
    public static DateTime? ExactUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>
    /// The instant a boundary (start or end of working hours, midnight) means. A boundary in a skipped hour moves
    /// to the moment the clock jumps, so a period is never stretched by daylight saving.
    /// </summary>
    public static DateTime BoundaryUtc(DateTime local, TimeZoneInfo zone)
    {
        var later = local;
        for (var minutes = 0; minutes <= MinutesPerDay; minutes++)
        {
            if (ExactUtc(later, zone) is { } utc)
            {
                return utc;
            }

            later = later.AddMinutes(1);
        }

        throw new InvalidOperationException("The time zone skips more than a day.");
    }

    private static bool IsBookableDay(SlotQuery query) =>
        query.Date >= query.Policy.Today(query.NowUtc) && query.Date <= query.Policy.LastBookableDay(query.NowUtc);

    private static List<FreeSlot> Compute(SlotQuery query, bool includeBusy, DateTime? onlyLocal)
    {
        var zone = query.TimeZone;
        var heldMinutes = AppointmentSlot.HeldMinutes(query.DurationMinutes, query.BufferMinutes);
        var earliestUtc = query.NowUtc + query.Policy.MinimumNotice;
        var midnight = query.Date.ToDateTime(TimeOnly.MinValue);

        var diaries = query.Practitioners
            .Where(p => !query.Closures.Any(c => c.Covers(query.Date, p.Id)))
            .Select(p => new
            {
                p.Id,
                Periods = p.WorkingHours
                    .Where(h => h.Day == query.Date.DayOfWeek && h.End > h.Start)
                    .Select(h => (StartUtc: BoundaryUtc(query.Date.ToDateTime(h.Start), zone), EndUtc: BoundaryUtc(query.Date.ToDateTime(h.End), zone)))
                    .ToList(),
                Busy = query.Busy.Where(b => b.PractitionerId == p.Id).ToList(),
            })
            .Where(d => d.Periods.Count > 0)
            .OrderBy(d => d.Id)
            .ToList();

        var slots = new List<FreeSlot>();
        if (diaries.Count == 0)
        {
            return slots;
        }

        for (var minute = 0; minute < MinutesPerDay; minute += query.Policy.SlotGridMinutes)
        {
            var local = midnight.AddMinutes(minute);
            if (onlyLocal is not null && local != onlyLocal)
            {
                continue;
            }

            if (ExactUtc(local, zone) is not { } startUtc || startUtc < earliestUtc)
            {
                continue;
            }

            var endUtc = startUtc.AddMinutes(heldMinutes);
            var free = diaries
                .Where(d => d.Periods.Any(period => period.StartUtc <= startUtc && endUtc <= period.EndUtc))
                .Where(d => !includeBusy || !d.Busy.Any(b => b.Overlaps(startUtc, endUtc)))
                .Select(d => d.Id)
                .ToList();
            if (free.Count > 0)
            {
                slots.Add(new FreeSlot(local, startUtc, free));
            }
        }

        return slots;
    }
}
