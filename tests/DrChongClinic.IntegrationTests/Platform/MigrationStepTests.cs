using System.Net;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
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
    public void A_site_told_not_to_migrate_does_not_start_on_a_database_that_lacks_migrations_and_names_the_step_to_run()
    {
        using var site = new ClinicFactory().With("Database:MigrateOnStartup", "false");

        var refused = Assert.ThrowsAny<Exception>(() => site.Server);

        Assert.Contains("Database:MigrateOnStartup is off", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("DrChongClinic.Web.dll --migrate", refused.ToString(), StringComparison.Ordinal);
    }
}
