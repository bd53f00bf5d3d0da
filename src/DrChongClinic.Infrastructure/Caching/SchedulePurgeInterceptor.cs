using System.Runtime.CompilerServices;
using DrChongClinic.Application.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DrChongClinic.Infrastructure.Caching;

/// <summary>
/// Purges the cached public pages and the booking rules' copy of the schedule (<see cref="ScheduleCache"/>) after any
/// save that changed treatments, doctors, working hours or closures, wherever the change was made: one mechanism instead of a purge call after every edit. The same save
/// renews the schedule <see cref="CacheStamp"/>, so the other app instances purge theirs too (<see cref="CacheStampWatcher"/>).
/// </summary>
public sealed class SchedulePurgeInterceptor(IPublicPageCache cache, ScheduleCache schedule) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    private volatile object? _written;

    /// <summary>The schedule stamp this instance saved last: <see cref="CacheStampWatcher"/> need not purge again for it.</summary>
    public Guid? StampWrittenHere => _written as Guid?;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Saved(eventData.Context))
        {
            schedule.Forget();
            await cache.PurgeScheduleAsync(cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Saved(eventData.Context))
        {
            schedule.Forget();
            cache.PurgeScheduleAsync().AsTask().GetAwaiter().GetResult();
        }

        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null)
        {
            _pending.Remove(eventData.Context);
        }

        base.SaveChangesFailed(eventData);
    }

    /// <summary>True when the save changed the schedule; remembers the stamp it wrote.</summary>
    private bool Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var stamp))
        {
            return false;
        }

        _pending.Remove(context);
        if (stamp is Guid)
        {
            _written = stamp;
        }

        return true;
    }

    /// <summary>Marks the schedule stamp changed in this save (its row exists from the migration on); the new value, if any.</summary>
    private static Guid? RenewStamp(DbContext context)
    {
        if (context.Model.FindEntityType(typeof(CacheStamp)) is null)
        {
            return null;
        }

        var stamps = context.Set<CacheStamp>();
        var stamp = stamps.Local.FirstOrDefault(s => s.Name == CacheStamp.Schedule);
        if (stamp is null)
        {
            stamp = new CacheStamp { Name = CacheStamp.Schedule };
            stamps.Attach(stamp);
        }

        stamp.Value = Guid.NewGuid();
        context.Entry(stamp).Property(s => s.Value).IsModified = true;
        return stamp.Value;
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changesSchedule = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
            e.Entity is Treatment or Practitioner or WorkingHours or Closure);
        if (changesSchedule)
        {
            _pending.AddOrUpdate(context, (object?)RenewStamp(context) ?? false);
        }
    }
}
