using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>Builds provider-specific DbContext options; used by the app and by the migrations' design-time factories.</summary>
public static class ClinicDatabase
{
    public const string SqliteMigrationsAssembly = "DrChongClinic.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "DrChongClinic.Migrations.SqlServer";
    public const string DefaultSqliteConnection = "Data Source=data/clinic.db";

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string contentRoot)
    {
        // A failed command or save is not an error by itself: a lost race (a time just booked, a double click) is
        // expected and handled, and EF wrote two "fail:" entries with stack traces for each, which concurrent posts
        // could use to fill the logs. What is truly unhandled is still logged once, by the exception handler
        // middleware (requests) or BackgroundPassRunner (background passes).
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug)));
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(database.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but Database:ConnectionString is empty.");
                }

                options.UseSqlServer(database.ConnectionString, sql =>
                {
                    sql.MigrationsAssembly(SqlServerMigrationsAssembly);
                    sql.EnableRetryOnFailure();
                });
                break;
            default:
                options.UseSqlite(SqliteConnectionString(database.ConnectionString, contentRoot),
                    sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqliteConnectionSettings.Instance, SqliteWriteQueue.Instance);
                break;
        }
    }

    /// <summary>Makes a relative SQLite path absolute under the content root and creates its folder.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? DefaultSqliteConnection : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
