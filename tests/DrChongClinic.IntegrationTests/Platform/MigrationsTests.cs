using DrChongClinic.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Platform;

public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = Create(DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SQLite (see docs/database.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = Create(DatabaseProvider.SqlServer, "Server=localhost;Database=unused;TrustServerCertificate=True");
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SQL Server (see docs/database.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(MigrationNames(DatabaseProvider.Sqlite), MigrationNames(DatabaseProvider.SqlServer));
    }

    [Fact]
    public async Task Sqlite_migrations_build_a_fresh_database_with_the_double_booking_guard()
    {
        var path = Path.Combine(Path.GetTempPath(), $"drchong-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Create(DatabaseProvider.Sqlite, $"Data Source={path}"))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var indexSql = await db.Database.SqlQueryRaw<string>(
                    "SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'AppointmentSlots' AND sql LIKE 'CREATE UNIQUE%'").ToListAsync();
                Assert.Contains(indexSql, sql => sql.Contains("PractitionerId", StringComparison.Ordinal) && sql.Contains("CellStartUtc", StringComparison.Ordinal));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>Both providers get the same migrations, in the same order (names without their timestamps).</summary>
    private static string[] MigrationNames(DatabaseProvider provider)
    {
        using var db = Create(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=localhost;Database=unused");
        return db.Database.GetMigrations().Select(id => id[15..]).ToArray();
    }

    private static ClinicDbContext Create(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        ClinicDatabase.Configure(options, new DatabaseOptions { Provider = provider, ConnectionString = connection }, Path.GetTempPath());
        return new ClinicDbContext(options.Options);
    }
}
