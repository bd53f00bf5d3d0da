using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// SQLite lets one connection write at a time. When another is writing, Microsoft.Data.Sqlite retries in steps of
/// 150 ms, so a booking that meets the outbox's write waits at least 150 ms. With SQLite's own busy timeout (set
/// here on every connection, as long as the connection's Default Timeout) SQLite waits inside and goes on within a
/// few milliseconds of the other write finishing: more bookings per second and a much lower p99 under load
/// (measured in docs/performance.md).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + (sqlite.DefaultTimeout * 1000).ToString(CultureInfo.InvariantCulture) + ";";
        command.ExecuteNonQuery();
    }
}
