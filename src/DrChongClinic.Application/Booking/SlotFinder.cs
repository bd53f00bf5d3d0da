using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Booking;

/// <summary>
/// What to look for: a treatment's length and buffer, one practitioner or any (null), optionally ignoring one appointment
/// (the one being moved) and leaving out the time it has now (<see cref="CurrentStartUtc"/>: not a new time); with
/// <see cref="Gender"/>, any practitioner of that gender ("any female doctor").
/// </summary>
public sealed record SlotSearch(
    int DurationMinutes, int BufferMinutes, int? PractitionerId, int? ExcludeAppointmentId = null, PractitionerGender? Gender = null, DateTime? CurrentStartUtc = null)
{
    public static SlotSearch For(Treatment treatment, int? practitionerId, PractitionerGender? gender = null) =>
        new(treatment.DurationMinutes, treatment.BufferMinutes, practitionerId, Gender: practitionerId is null ? gender : null);

    /// <summary>
    /// New times for an existing booking: same length, same practitioner (unless another is given), its own time not
    /// counted as busy, and with its own practitioner its present start not offered (moving there changes nothing).
    /// </summary>
    public static SlotSearch ToMove(Appointment appointment, int? practitionerId = null) =>
        new(appointment.DurationMinutes, appointment.BufferMinutes, practitionerId ?? appointment.PractitionerId, appointment.Id,
            CurrentStartUtc: practitionerId is null || practitionerId == appointment.PractitionerId ? appointment.StartUtc : null);
}

/// <summary>A date with how many start times are free on it.</summary>
public sealed record FreeDay(DateOnly Date, int FreeCount);

/// <summary>
/// Loads what <see cref="SlotCalculator"/> needs (practitioners with hours, closures, active appointments) with a
/// few queries for a whole date range, then lets the calculator decide. Used by the booking pages, the booking
/// service and the admin area alike.
/// </summary>
public sealed class SlotFinder(IClinicDatabase db, IOptions<BookingPolicy> options, ClinicClock clock, ScheduleCache schedule)
{
    public BookingPolicy Policy => options.Value;

    public DateTime NowUtc => clock.UtcNow;

    public DateOnly Today => clock.Today;

    public DateOnly LastBookableDay => Today.AddDays(Policy.HorizonDays);

    /// <summary>Whether patients may book on this clinic date now (today up to the last bookable day).</summary>
    public bool IsBookable(DateOnly date) => Policy.IsBookable(date, Today);

    /// <summary>An active treatment by its code, or null.</summary>
    public async Task<Treatment?> FindTreatmentAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 50)
        {
            return null;
        }

        return (await ScheduleAsync(cancellationToken)).Treatments.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
    }

    /// <summary>Active treatments in the clinic's order (shared objects: read them, never change them).</summary>
    public async Task<List<Treatment>> ActiveTreatmentsAsync(CancellationToken cancellationToken) =>
        [.. (await ScheduleAsync(cancellationToken)).Treatments];

    /// <summary>Active doctors by id, with their working hours (shared objects: read them, never change them).</summary>
    public async Task<List<Practitioner>> ActivePractitionersAsync(CancellationToken cancellationToken) =>
        [.. (await ScheduleAsync(cancellationToken)).Practitioners];

    public async Task<bool> IsActivePractitionerAsync(int practitionerId, CancellationToken cancellationToken) =>
        (await ScheduleAsync(cancellationToken)).Practitioners.Any(p => p.Id == practitionerId);

    /// <summary>Free start times on one clinic-local date (empty outside today..horizon).</summary>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(SlotSearch search, DateOnly date, CancellationToken cancellationToken)
    {
        if (!IsBookable(date))
        {
            return []; // window first: no date arithmetic on a date from the address (0001-01-01, 9999-12-31)
        }

        var diary = await LoadAsync(search, date, date, cancellationToken);
        return Free(diary, search, date);
    }

    /// <summary>The first dates from today on that have a free time, at most <paramref name="count"/>, up to the horizon.</summary>
    public async Task<IReadOnlyList<FreeDay>> DaysWithFreeSlotsAsync(SlotSearch search, int count, CancellationToken cancellationToken)
    {
        var diary = await LoadAsync(search, Today, LastBookableDay, cancellationToken);
        var days = new List<FreeDay>();
        for (var date = Today; date <= LastBookableDay && days.Count < count; date = date.AddDays(1))
        {
            var free = Free(diary, search, date).Count;
            if (free > 0)
            {
                days.Add(new FreeDay(date, free));
            }
        }

        return days;
    }

    /// <summary>Every free start time from <paramref name="from"/> to <paramref name="to"/> (clipped to today..horizon), in time order (the waitlist's scan).</summary>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsBetweenAsync(SlotSearch search, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        from = Max(from, Today);
        to = Min(to, LastBookableDay);
        if (from > to)
        {
            return [];
        }

        var diary = await LoadAsync(search, from, to, cancellationToken);
        var slots = new List<FreeSlot>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            slots.AddRange(Free(diary, search, day));
        }

        return slots;
    }

    /// <summary>Checks one requested start; the query is returned too, for choosing a practitioner.</summary>
    public async Task<(SlotCheck Check, SlotQuery Query)> CheckAsync(SlotSearch search, DateOnly date, TimeOnly time, CancellationToken cancellationToken)
    {
        // Window first: a date outside it is answered without loading (and without date arithmetic that would overflow
        // at 0001-01-01 or 9999-12-31, both of which a form can send).
        var diary = IsBookable(date) ? await LoadAsync(search, date, date, cancellationToken) : Diary.Empty(NowUtc, Policy, clock.Zone);
        var query = diary.Query(search, date);
        return (SlotCalculator.Check(query, time), query);
    }

    /// <summary>The free times nearest to a wanted start (the day before to a week after), in time order.</summary>
    public async Task<IReadOnlyList<FreeSlot>> NearestFreeSlotsAsync(SlotSearch search, DateOnly date, TimeOnly time, int count, CancellationToken cancellationToken)
    {
        if (date < Today.AddDays(-7) || date > LastBookableDay)
        {
            return []; // nowhere near the window (and no AddDays on 0001-01-01 or 9999-12-31)
        }

        var from = Max(date.AddDays(-1), Today);
        var to = Min(date.AddDays(7), LastBookableDay);
        if (from > to)
        {
            return [];
        }

        var wantedUtc = SlotCalculator.BoundaryUtc(date.ToDateTime(time), clock.Zone);
        var diary = await LoadAsync(search, from, to, cancellationToken);
        var slots = new List<FreeSlot>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            slots.AddRange(Free(diary, search, day));
        }

        return slots
            .OrderBy(s => (s.StartUtc - wantedUtc).Duration())
            .ThenBy(s => s.StartUtc)
            .Take(count)
            .OrderBy(s => s.StartUtc)
            .ToList();
    }

    /// <summary>
    /// The diary from one date to another, read once, as one query per date; <paramref name="policy"/> may have a longer
    /// booking window (course sessions lie beyond a single booking's horizon).
    /// </summary>
    public async Task<Func<DateOnly, SlotQuery>> DaysAsync(SlotSearch search, DateOnly from, DateOnly to, BookingPolicy policy, CancellationToken cancellationToken)
    {
        var diary = (await LoadAsync(search, from, to, cancellationToken)) with { Policy = policy };
        return date => diary.Query(search, date);
    }

    /// <summary>
    /// Whether any of these days has a time in one of these parts of the day that the clinic offers for this search,
    /// whether or not it is booked: a waitlist entry for days nobody works (a Sunday, a closure, no female doctor) could
    /// never be offered a time.
    /// </summary>
    public async Task<bool> OffersAnyTimeAsync(SlotSearch search, DateOnly from, DateOnly to, DayParts parts, CancellationToken cancellationToken)
    {
        var diary = (await LoadAsync(search, from, to, cancellationToken)) with { Busy = [] };
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (SlotCalculator.FreeSlots(diary.Query(search, day)).Any(slot => (DayPart.Of(slot.Time) & parts) != 0))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<Diary> LoadAsync(SlotSearch search, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var clinic = await ScheduleAsync(cancellationToken);
        var practitioners = clinic.Practitioners
            .Where(p => (search.PractitionerId == null || p.Id == search.PractitionerId) && (search.Gender == null || p.Gender == search.Gender))
            .ToList();
        var closures = from >= clinic.ClosuresFrom
            ? clinic.Closures.Where(c => c.FirstDay <= to && c.LastDay >= from).ToList()
            : await db.Closures.AsNoTracking().Where(c => c.FirstDay <= to && c.LastDay >= from).ToListAsync(cancellationToken);

        // A day's local midnight is within a day of UTC midnight; one more day covers appointments running into it.
        var fromUtc = DateTime.SpecifyKind(from.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddDays(-2);
        var toUtc = DateTime.SpecifyKind(to.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddDays(2);
        var ids = practitioners.Select(p => p.Id).ToList();
        var busy = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed)
            .Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc && ids.Contains(a.PractitionerId))
            .Where(a => search.ExcludeAppointmentId == null || a.Id != search.ExcludeAppointmentId)
            .Select(a => new { a.PractitionerId, a.StartUtc, a.DurationMinutes, a.BufferMinutes })
            .ToListAsync(cancellationToken);

        return new Diary(
            practitioners,
            closures,
            busy.Select(a => BusyInterval.Of(a.PractitionerId, a.StartUtc, a.DurationMinutes, a.BufferMinutes)).ToList(),
            NowUtc,
            Policy,
            clock.Zone);
    }

    private Task<ClinicSchedule> ScheduleAsync(CancellationToken cancellationToken) => schedule.GetAsync(db, Today, cancellationToken);

    /// <summary>The free times of one date for this search, less the present time of a booking being moved.</summary>
    private static IReadOnlyList<FreeSlot> Free(Diary diary, SlotSearch search, DateOnly date)
    {
        var free = SlotCalculator.FreeSlots(diary.Query(search, date));
        return search.CurrentStartUtc is { } current ? free.Where(slot => slot.StartUtc != current).ToList() : free;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed record Diary(
        IReadOnlyList<Practitioner> Practitioners,
        IReadOnlyList<Closure> Closures,
        List<BusyInterval> Busy,
        DateTime NowUtc,
        BookingPolicy Policy,
        TimeZoneInfo Zone)
    {
        /// <summary>Nothing loaded: for a date outside the booking window, which the calculator refuses anyway.</summary>
        public static Diary Empty(DateTime nowUtc, BookingPolicy policy, TimeZoneInfo zone) => new([], [], [], nowUtc, policy, zone);

        public SlotQuery Query(SlotSearch search, DateOnly date)
        {
            // Only the appointments near this day, so a long date range stays cheap.
            var dayUtc = DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            var busy = Busy.Count == 0 ? [] : Busy.Where(b => b.EndUtc > dayUtc.AddDays(-2) && b.StartUtc < dayUtc.AddDays(3)).ToList();
            return new SlotQuery(date, search.DurationMinutes, search.BufferMinutes, Practitioners, Closures, busy, NowUtc, Policy, Zone);
        }
    }
}
