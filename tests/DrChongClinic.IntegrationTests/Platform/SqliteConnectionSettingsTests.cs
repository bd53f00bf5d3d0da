using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// While another connection writes, SQLite itself waits for it (busy timeout) instead of failing at once and
/// leaving Microsoft.Data.Sqlite to retry in 150 ms steps; commits in WAL mode do not wait for a disk flush
/// (synchronous = NORMAL). Both on every connection the site opens.
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
                connection.DefaultTimeout);
        });

        Assert.Equal(30, settings.DefaultTimeout);
        Assert.Equal("30000", settings.BusyTimeout);
        Assert.Equal("1", settings.Synchronous); // NORMAL
        Assert.Equal("wal", settings.JournalMode);
    }

    private static async Task<string> PragmaAsync(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
