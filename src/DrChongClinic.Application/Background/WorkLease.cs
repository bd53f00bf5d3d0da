using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Background;

/// <summary>
/// One row per piece of work that must run on one app instance at a time (a background pass): who holds it and
/// until when. Taken and renewed by a conditional UPDATE (<see cref="WorkLeases"/>), so it holds across instances
/// on one database; a holder that crashes stops renewing, and the lease runs out.
/// </summary>
public sealed class WorkLease
{
    public required string Name { get; set; }

    /// <summary>A token made for each take (not an instance name): two passes in one process exclude each other too.</summary>
    public string? Holder { get; set; }

    public DateTime LeasedUntilUtc { get; set; }
}

/// <summary>
/// Takes named leases on the database: <c>await using var lease = await leases.TryTakeAsync("outbox", TimeSpan.FromMinutes(5), ct);</c>
/// then, when it is null, another instance (or pass) is doing the work: return. Work that may run longer than the lease
/// calls <see cref="HeldLease.RenewAsync"/> between steps. Disposing releases it, so the next pass anywhere may take it.
/// Take it first thing in a pass, before tracking any change: the first use of a name saves its row.
/// Times come from <see cref="ClinicClock"/>; instances' clocks should agree to within a small part of the lease.
/// </summary>
public sealed class WorkLeases(IClinicDatabase db, ClinicClock clock)
{
    public const int NameMaxLength = 100;

    /// <summary>The lease when it was free (never taken, released, or run out), otherwise null.</summary>
    public async Task<HeldLease?> TryTakeAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, NameMaxLength);
        var holder = Guid.NewGuid().ToString("N");
        var now = clock.UtcNow;
        var until = now + duration;
        var taken = await db.WorkLeases
            .Where(l => l.Name == name && l.LeasedUntilUtc <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntilUtc, until), cancellationToken);
        if (taken == 1)
        {
            return new HeldLease(db, clock, name, holder, duration, until);
        }

        if (await db.WorkLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return null; // held by someone else
        }

        // First use of this name: the row is made here, and the unique key lets one maker win.
        var lease = new WorkLease { Name = name, Holder = holder, LeasedUntilUtc = until };
        db.WorkLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new HeldLease(db, clock, name, holder, duration, until);
        }
        catch (DbUpdateException e) when (db.IsDuplicate(e))
        {
            return null;
        }
        finally
        {
            db.ChangeTracker.Entries<WorkLease>().ToList().ForEach(entry => entry.State = EntityState.Detached);
        }
    }
}

/// <summary>A lease this pass holds. Dispose it when the work is done (releases it at once, whatever happened).</summary>
public sealed class HeldLease(IClinicDatabase db, ClinicClock clock, string name, string holder, TimeSpan duration, DateTime heldUntilUtc) : IAsyncDisposable
{
    /// <summary>Until when this pass last wrote that it holds the lease (taken or renewed).</summary>
    private DateTime _heldUntilUtc = heldUntilUtc;

    public string Name { get; } = name;

    /// <summary>
    /// Makes sure the lease is this pass's for at least half its duration from now. While more than half is left it
    /// still is (nobody takes a lease before it runs out), so nothing is written; otherwise the end is pushed a full
    /// duration past now. False when it is no longer this pass's (it ran out and another took it): stop, the other
    /// holder carries on. A pass that calls it before each step that takes less than half the lease is never
    /// overtaken, and a busy pass (the outbox sending thousands of emails) writes once per half lease, not per step.
    /// </summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        if (_heldUntilUtc - now > duration / 2)
        {
            return true;
        }

        var until = now + duration;
        var renewed = await db.WorkLeases.Where(l => l.Name == Name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeasedUntilUtc, until), cancellationToken) == 1;
        if (renewed)
        {
            _heldUntilUtc = until;
        }

        return renewed;
    }

    public async ValueTask DisposeAsync()
    {
        // Not cancellable: a lease left behind would only delay the next pass until it runs out. Released to a time
        // long past rather than "now", so a clock that is set back (tests, a corrected server clock) still finds it free.
        await db.WorkLeases.Where(l => l.Name == Name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.LeasedUntilUtc, DateTime.UnixEpoch), CancellationToken.None);
    }
}
