using System.Collections.Concurrent;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// One asynchronous gate per SQLite database file in this process, taken before a serialized write transaction
/// (<see cref="ClinicDbContext.SerializedAsync{T}"/>). SQLite lets one connection write at a time; waiting here costs no
/// thread, while waiting in SQLite's busy handler blocks one. Other processes on the same file still meet SQLite's own
/// lock and busy timeout, which remain the guarantee.
/// </summary>
internal static class SqliteWriteGates
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string dataSource) => Gates.GetOrAdd(Path.GetFullPath(dataSource.Length == 0 ? ":memory:" : dataSource), _ => new SemaphoreSlim(1, 1));
}
