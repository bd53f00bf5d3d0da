using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// Three settings on every SQLite connection the site opens.
/// <list type="bullet">
/// <item>Busy timeout: SQLite lets one connection write at a time. When another is writing, Microsoft.Data.Sqlite
/// retries in steps of 150 ms, so a booking that meets the outbox's write waits at least 150 ms. With SQLite's own
/// busy timeout (as long as the connection's Default Timeout) SQLite waits inside and goes on within a few
/// milliseconds of the other write finishing.</item>
/// <item>synchronous = NORMAL: in WAL mode a commit is written to the log without waiting for the disk to flush it;
/// the flush happens at checkpoints. The database cannot be corrupted by this; a power cut (not a crash of the site)
/// may lose the last moments of commits. SQLite is the developer's and the tests' database; production runs on SQL
/// Server, which this does not touch.</item>
/// <item>wal_autocheckpoint = 0: no commit copies the write-ahead log into the database file. SQLite's default has the
/// commit that takes the log past 1,000 pages do it (and flush the file) before it returns, which under load is about
/// every hundred bookings, inside the write gate, with the bookings behind it waiting. <see cref="SqliteCheckpointer"/>
/// does it in the background instead.</item>
/// </list>
/// All are measured in docs/performance.md. They belong to SQLite's connection, which Microsoft.Data.Sqlite keeps in
/// its pool when EF Core closes the connection after each query: each is set once, when SQLite's connection is new.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    /// <summary>SQLite connections already set; an entry goes with its connection.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + (sqlite.DefaultTimeout * 1000).ToString(CultureInfo.InvariantCulture) + "; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, Instance);
    }
}
