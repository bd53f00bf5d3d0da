using DrChongClinic.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using SqliteModel = DrChongClinic.Migrations.Sqlite.CompiledModel.ClinicDbContextModel;
using SqlServerModel = DrChongClinic.Migrations.SqlServer.CompiledModel.ClinicDbContextModel;

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
    public void Sqlite_compiled_model_matches_the_model() =>
        AssertCompiledModelMatches(DatabaseProvider.Sqlite, "Data Source=:memory:", SqliteModel.Instance, "DrChongClinic.Migrations.Sqlite");

    [Fact]
    public void SqlServer_compiled_model_matches_the_model() =>
        AssertCompiledModelMatches(DatabaseProvider.SqlServer, "Server=localhost;Database=unused", SqlServerModel.Instance, "DrChongClinic.Migrations.SqlServer");

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

    /// <summary>
    /// The model written ahead of time (CompiledClinicModels) has every table, column, key and index of the model EF
    /// builds from the code; a change to an entity without `dotnet ef dbcontext optimize` fails here.
    /// </summary>
    private static void AssertCompiledModelMatches(DatabaseProvider provider, string connection, IModel compiled, string project)
    {
        using var db = Create(provider, connection);
        using var onCompiled = Create(provider, connection, compiled);
        var fromCode = Describe(db.GetService<IDesignTimeModel>().Model);
        var written = Describe(onCompiled.Model);
        var differences = fromCode.Except(written).Concat(written.Except(fromCode)).ToList();
        Assert.True(differences.Count == 0,
            $"The compiled model in {project} is out of date ({string.Join("; ", differences.Take(5))}): " +
            "run dotnet ef dbcontext optimize for it (docs/database.md, Compiled models).");
    }

    /// <summary>Every entity with its table, and every column, key, index and foreign key, one line each.</summary>
    private static HashSet<string> Describe(IModel model)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            lines.Add($"entity {entity.Name} -> {entity.GetTableName()}");
            foreach (var property in entity.GetProperties())
            {
                lines.Add($"property {entity.Name}.{property.Name} {property.ClrType.Name} null={property.IsNullable} concurrency={property.IsConcurrencyToken}");
            }

            foreach (var key in entity.GetKeys())
            {
                lines.Add($"key {entity.Name} ({string.Join(",", key.Properties.Select(p => p.Name))}) primary={key.IsPrimaryKey()}");
            }

            foreach (var index in entity.GetIndexes())
            {
                lines.Add($"index {entity.Name} ({string.Join(",", index.Properties.Select(p => p.Name))}) unique={index.IsUnique}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                lines.Add($"fk {entity.Name} ({string.Join(",", foreignKey.Properties.Select(p => p.Name))}) -> {foreignKey.PrincipalEntityType.Name} {foreignKey.DeleteBehavior}");
            }
        }

        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                lines.Add($"column {table.Name}.{column.Name} {column.StoreType} null={column.IsNullable}");
            }

            foreach (var index in table.Indexes)
            {
                lines.Add($"table index {table.Name}.{index.Name} ({string.Join(",", index.Columns.Select(c => c.Name))}) unique={index.IsUnique} filter={index.Filter}");
            }
        }

        return lines;
    }

    /// <summary>Both providers get the same migrations, in the same order (names without their timestamps).</summary>
    private static string[] MigrationNames(DatabaseProvider provider)
    {
        using var db = Create(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=localhost;Database=unused");
        return db.Database.GetMigrations().Select(id => id[15..]).ToArray();
    }

    private static ClinicDbContext Create(DatabaseProvider provider, string connection, IModel? compiled = null)
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        ClinicDatabase.Configure(options, new DatabaseOptions { Provider = provider, ConnectionString = connection }, Path.GetTempPath());
        if (compiled is not null)
        {
            options.UseModel(compiled);
        }

        return new ClinicDbContext(options.Options);
    }
}
