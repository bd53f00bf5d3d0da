using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Booking;

/// <summary>
/// The schedule as the booking rules read it: active treatments, active doctors with their working hours, and closures
/// ending on or after <see cref="ClosuresFrom"/>. Shared by every request: read it, never change it.
/// </summary>
public sealed record ClinicSchedule(
    IReadOnlyList<Treatment> Treatments,
    IReadOnlyList<Practitioner> Practitioners,
    IReadOnlyList<Closure> Closures,
    DateOnly ClosuresFrom)
{
    /// <summary>How far back the closures go, from the day the schedule was read: a search from an earlier day reads its own.</summary>
    public const int ClosureDaysBack = 7;

    public static async Task<ClinicSchedule> LoadAsync(IClinicDatabase db, DateOnly today, CancellationToken cancellationToken)
    {
        var treatments = await db.Treatments.AsNoTracking()
            .Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var practitioners = await db.Practitioners.AsNoTracking().Include(p => p.WorkingHours)
            .Where(p => p.IsActive).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var closuresFrom = today.AddDays(-ClosureDaysBack);
        var closures = await db.Closures.AsNoTracking().Where(c => c.LastDay >= closuresFrom).ToListAsync(cancellationToken);
        return new ClinicSchedule(treatments, practitioners, closures, closuresFrom);
    }
}

/// <summary>
/// Keeps the <see cref="ClinicSchedule"/> in memory: it changes a few times a month, and every booking page, free-time
/// look-up and booking post reads it (four queries each time before, on the booking's critical path). Forgotten after
/// any save on this instance that changes treatments, doctors, working hours or closures (the schedule purge interceptor
/// in Infrastructure), and within the cache-stamp watcher's poll interval (2 s) of such a change on another instance;
/// code changing those tables with ExecuteUpdate or ExecuteDelete calls <see cref="Forget"/> itself. Diary cells, not
/// this copy, decide who gets a time; for those seconds after a change on another instance, that instance may still
/// offer and book a time the change removed, as it could have moments before the change.
/// </summary>
public sealed class ScheduleCache
{
    private readonly Lock _gate = new();
    private ClinicSchedule? _current;
    private long _version;

    public async Task<ClinicSchedule> GetAsync(IClinicDatabase db, DateOnly today, CancellationToken cancellationToken)
    {
        long version;
        lock (_gate)
        {
            if (_current is { } current && current.ClosuresFrom <= today)
            {
                return current;
            }

            version = _version;
        }

        var loaded = await ClinicSchedule.LoadAsync(db, today, cancellationToken);
        lock (_gate)
        {
            // Forgotten while this copy was being read: it may predate the change, so it serves this request only.
            if (_version == version)
            {
                _current = loaded;
            }
        }

        return loaded;
    }

    /// <summary>Drops the copy; the next reader loads the schedule again.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _version++;
            _current = null;
        }
    }
}
