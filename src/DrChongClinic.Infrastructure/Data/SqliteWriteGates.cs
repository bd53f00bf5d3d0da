using System.Collections.Concurrent;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// One asynchronous gate per SQLite database file in this process. SQLite lets one connection write at a time, and a
/// connection that meets another's write waits in SQLite's busy handler: it blocks a thread in sleeps of 1, 2, 5, 10,
/// 15, 20, 25... ms and does not queue, so a booking could sleep through several of the outbox's small writes in a
/// row. Writes of this process therefore queue here first, in order and without holding a thread:
/// <list type="bullet">
/// <item>serialized transactions (<see cref="ClinicDbContext.SerializedAsync{T}"/>: bookings);</item>
/// <item><c>SaveChangesAsync</c> outside an explicit transaction (<see cref="ClinicDbContext"/>);</item>
/// <item>single statements outside a transaction: <c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL
/// (<see cref="SqliteWriteQueue"/>: the outbox, the waitlist and the work leases).</item>
/// </list>
/// Explicit transactions opened elsewhere (staff changes with their audit entry) and other processes on the same file
/// still meet SQLite's own lock and busy timeout, which remain the guarantee. A flow that holds the gate passes
/// through when it writes again, so nothing waits for itself.
/// </summary>
internal static class SqliteWriteGates
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private static readonly AsyncLocal<bool> Holding = new();

    /// <summary>True while this asynchronous flow holds a gate (its writes go straight to SQLite).</summary>
    public static bool IsHeld => Holding.Value;

    /// <summary>Runs <paramref name="write"/> with the gate of <paramref name="dataSource"/> held, after the writes queued before it.</summary>
    public static async Task<T> WriteAsync<T>(string dataSource, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (Holding.Value)
        {
            return await write();
        }

        var gate = Gates.GetOrAdd(Path.GetFullPath(dataSource.Length == 0 ? ":memory:" : dataSource), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        Holding.Value = true;
        try
        {
            return await write();
        }
        finally
        {
            Holding.Value = false;
            gate.Release();
        }
    }
}
