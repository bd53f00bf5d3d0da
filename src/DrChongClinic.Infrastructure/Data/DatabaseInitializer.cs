using System.Globalization;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>Runs once at start-up: applies migrations and seeds an empty database, as configured.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider})", options.Provider);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while a booking is written; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Two instances starting together (a rolling deploy, two replicas) must not both seed: check and insert as one.
        await db.SerializedAsync("database-initializer", async () =>
        {
            await NameDoctorPagesAsync(db, cancellationToken);
            if (options.SeedOnStartup && !await db.Treatments.AnyAsync(cancellationToken))
            {
                db.Treatments.AddRange(ClinicSeedData.Treatments());
                db.Practitioners.AddRange(ClinicSeedData.Practitioners());
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Seeded treatments, practitioners and working hours");
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The Doctors_ migration gave existing doctors the placeholder address "doctor-{id}"; here each gets one from
    /// their name instead (unique), once. Doctors are few, so loading them all is cheap.
    /// </summary>
    private static async Task NameDoctorPagesAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        var practitioners = await db.Practitioners.ToListAsync(cancellationToken);
        var placeholders = practitioners.Where(p => p.Slug == string.Create(CultureInfo.InvariantCulture, $"doctor-{p.Id}")).ToList();
        if (placeholders.Count == 0)
        {
            return;
        }

        var taken = practitioners.Except(placeholders).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var practitioner in placeholders)
        {
            practitioner.Slug = PractitionerSlug.Unique(PractitionerSlug.From(practitioner.Name), taken.Contains);
            taken.Add(practitioner.Slug);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
