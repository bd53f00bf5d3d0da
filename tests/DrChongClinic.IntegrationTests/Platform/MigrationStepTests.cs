using System.Net;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// Production applies migrations in a step of their own before the site starts (docker-compose.yml's <c>migrate</c>
/// service runs <c>dotnet DrChongClinic.Web.dll --migrate</c>; the app runs with Database:MigrateOnStartup off).
/// </summary>
public sealed class MigrationStepTests
{
    [Fact]
    public async Task The_migrate_option_migrates_and_seeds_an_empty_database_and_exits_then_the_site_starts_on_it_without_migrating()
    {
        using var site = new ClinicFactory().With("Database:MigrateOnStartup", "false");
        var folder = Path.GetDirectoryName(site.DatabasePath)!;

        var first = await SiteCommand.RunAsync(folder, site.DatabasePath, DatabaseInitializer.MigrateOption);
        var again = await SiteCommand.RunAsync(folder, site.DatabasePath, DatabaseInitializer.MigrateOption);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Database migrated", first.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.DoesNotContain("Now listening", first.Output + again.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync("/healthz")).StatusCode);
        var (pending, treatments) = await site.WithDbAsync(async db =>
            ((await db.Database.GetPendingMigrationsAsync()).Count(), await db.Treatments.CountAsync()));
        Assert.Equal(0, pending);
        Assert.Equal(ClinicSeedData.Treatments().Count, treatments); // seeded by the first step only
    }

    [Fact]
    public async Task Data_left_to_code_is_filled_in_by_the_migration_step_not_by_a_replica_starting()
    {
        using var site = new ClinicFactory().With("Database:MigrateOnStartup", "false");
        var folder = Path.GetDirectoryName(site.DatabasePath)!;
        Assert.Equal(0, (await SiteCommand.RunAsync(folder, site.DatabasePath, DatabaseInitializer.MigrateOption)).ExitCode);
        long doctor;
        await using (var file = new SqliteConnection($"Data Source={site.DatabasePath};Pooling=False"))
        {
            await file.OpenAsync();
            await using var command = file.CreateCommand();
            // Before the site starts: a doctor as a migration that adds page addresses leaves them.
            command.CommandText = "UPDATE Practitioners SET Slug = 'doctor-' || Id WHERE Id = (SELECT min(Id) FROM Practitioners) RETURNING Id";
            doctor = (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync("/healthz")).StatusCode);
        Assert.Equal($"doctor-{doctor}", await site.WithDbAsync(db => db.Practitioners.Where(p => p.Id == doctor).Select(p => p.Slug).SingleAsync()));

        Assert.Equal(0, (await SiteCommand.RunAsync(folder, site.DatabasePath, DatabaseInitializer.MigrateOption)).ExitCode);
        Assert.NotEqual($"doctor-{doctor}", await site.WithDbAsync(db => db.Practitioners.Where(p => p.Id == doctor).Select(p => p.Slug).SingleAsync()));
    }

    [Fact]
    public void A_site_told_not_to_migrate_does_not_start_on_a_database_that_lacks_migrations_and_names_the_step_to_run()
    {
        using var site = new ClinicFactory().With("Database:MigrateOnStartup", "false");

        var refused = Assert.ThrowsAny<Exception>(() => site.Server);

        Assert.Contains("Database:MigrateOnStartup is off", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("DrChongClinic.Web.dll --migrate", refused.ToString(), StringComparison.Ordinal);
    }
}
