using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// While another connection writes, SQLite itself waits for it (busy timeout) instead of failing at once and
/// leaving Microsoft.Data.Sqlite to retry in 150 ms steps: concurrent bookings and outbox writes queue briefly.
/// </summary>
public sealed class SqliteBusyTimeoutTests(ClinicFactory site) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task Every_site_connection_waits_inside_sqlite_as_long_as_its_default_timeout()
    {
        var timeouts = await site.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            return (BusyTimeout: Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), connection.DefaultTimeout);
        });

        Assert.Equal(30, timeouts.DefaultTimeout);
        Assert.Equal(30_000, timeouts.BusyTimeout);
    }
}
