using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// While another connection writes, SQLite itself waits for it (busy timeout) instead of failing at once and
/// leaving Microsoft.Data.Sqlite to retry in 150 ms steps; commits in WAL mode do not wait for a disk flush
/// (synchronous = NORMAL); and no commit copies the log into the database file (wal_autocheckpoint = 0): the site's
/// background checkpointer does that every Database:CheckpointInterval. All on every connection the site opens.
/// </summary>
public sealed class SqliteConnectionSettingsTests(ClinicFactory site) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task Every_site_connection_waits_inside_sqlite_and_commits_without_a_flush_in_wal_mode()
    {
        var settings = await site.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            return (
                BusyTimeout: await PragmaAsync(connection, "busy_timeout"),
                Synchronous: await PragmaAsync(connection, "synchronous"),
                JournalMode: await PragmaAsync(connection, "journal_mode"),
                AutoCheckpoint: await PragmaAsync(connection, "wal_autocheckpoint"),
                connection.DefaultTimeout);
        });

        Assert.Equal(30, settings.DefaultTimeout);
        Assert.Equal("30000", settings.BusyTimeout);
        Assert.Equal("1", settings.Synchronous); // NORMAL
        Assert.Equal("wal", settings.JournalMode);
        Assert.Equal("0", settings.AutoCheckpoint);
    }

    [Fact]
    public async Task The_settings_hold_on_connections_taken_again_from_the_pool_and_on_new_ones_after_the_pool_is_cleared()
    {
        // The settings are set once per SQLite connection; Microsoft.Data.Sqlite pools those between EF Core's opens.
        var seen = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            var timeouts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => site.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                var connection = (SqliteConnection)db.Database.GetDbConnection();
                var found = await PragmaAsync(connection, "busy_timeout") + "/" + await PragmaAsync(connection, "wal_autocheckpoint");
                await db.Database.CloseConnectionAsync();
                return found;
            })));
            seen.AddRange(timeouts);
            SqliteConnection.ClearAllPools(); // the next round opens new SQLite connections
        }

        Assert.Equal(12, seen.Count);
        Assert.All(seen, found => Assert.Equal("30000/0", found));
    }

    [Fact]
    public async Task A_write_reaches_the_database_file_in_the_background_within_seconds()
    {
        using var fresh = new ClinicFactory().With("Database:CheckpointInterval", "00:00:01");
        _ = fresh.Services; // started: migrated, seeded, background services running
        await Task.Delay(TimeSpan.FromSeconds(2)); // the start-up's own writes checkpointed
        var before = await File.ReadAllBytesAsync(fresh.DatabasePath);

        // A handful of pages, far below SQLite's own 1,000-page checkpoint: only the background checkpointer copies them.
        var changed = await fresh.WithDbAsync(db => db.Treatments.ExecuteUpdateAsync(set => set.SetProperty(t => t.SortOrder, t => t.SortOrder + 100)));
        Assert.True(changed > 0);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await File.ReadAllBytesAsync(fresh.DatabasePath)).AsSpan().SequenceEqual(before) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.False((await File.ReadAllBytesAsync(fresh.DatabasePath)).AsSpan().SequenceEqual(before), $"the database file was unchanged {waited.Elapsed} after the write");
    }

    private static async Task<string> PragmaAsync(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
