using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file every "Database:CheckpointInterval" (10 s), in the background (a passive checkpoint:
/// it takes no write lock, so bookings go on appending to the log meanwhile, and it waits for no one). The site's
/// own connections never do it in a commit (<see cref="SqliteConnectionSettings"/>: wal_autocheckpoint = 0), so no
/// booking waits for a copy and a flush. With several app instances on one file each runs one; SQLite lets one
/// checkpoint run at a time and the others find nothing to do. Does nothing on SQL Server.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var database = options.Value;
        if (database.Provider != DatabaseProvider.Sqlite || database.CheckpointInterval <= TimeSpan.Zero)
        {
            return;
        }

        var connectionString = ClinicDatabase.SqliteConnectionString(database.ConnectionString, environment.ContentRootPath);
        using var timer = new PeriodicTimer(database.CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(connectionString, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The site is stopping; SQLite checkpoints once more when its last connection closes.
        }
    }

    private async Task CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            var started = Stopwatch.GetTimestamp();
            await using var result = await command.ExecuteReaderAsync(cancellationToken);
            if (await result.ReadAsync(cancellationToken))
            {
                // One row: busy (0 or 1), pages in the log, pages copied into the database file.
                LogCheckpointed(result.GetInt32(2), result.GetInt32(1), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (SqliteException e)
        {
            // The next tick tries again; meanwhile the log only grows.
            LogCheckpointFailed(e.SqliteErrorCode);
        }
    }

    [LoggerMessage(LogLevel.Debug, "SQLite checkpoint: {Copied} of {InLog} log pages copied in {Milliseconds:0.0} ms")]
    private partial void LogCheckpointed(int copied, int inLog, double milliseconds);

    [LoggerMessage(LogLevel.Warning, "SQLite checkpoint failed (error {SqliteError}); trying again at the next interval")]
    private partial void LogCheckpointFailed(int sqliteError);
}
