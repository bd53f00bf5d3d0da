using System.Globalization;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// Runs once at start-up, and as the deployment's migration step (<c>--migrate</c>): applies migrations when asked or
/// configured, and seeds an empty database, as configured.
/// </summary>
public static class DatabaseInitializer
{
    /// <summary>The command-line option that migrates and seeds the database, then exits (docs/deployment.md).</summary>
    public const string MigrateOption = "--migrate";

    /// <param name="services">The site's services.</param>
    /// <param name="migrate">
    /// Apply pending migrations even when <see cref="DatabaseOptions.MigrateOnStartup"/> is off: the deployment's
    /// migration step. Without migrating, a database that still lacks a migration stops the start with a message
    /// that says what to run. The data the migrations leave to code (doctors' page addresses, patients' mailboxes)
    /// and the first seed are filled in by whoever migrates, not by every replica at every start: that work cost
    /// about a second of each start (docs/performance.md, sixteenth pass).
    /// </param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static async Task InitializeAsync(IServiceProvider services, bool migrate = false, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (migrate || options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider})", options.Provider);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).FirstOrDefault() is { } pending)
        {
            throw new InvalidOperationException(
                $"The database lacks migration {pending} and Database:MigrateOnStartup is off: run the migration step " +
                $"first (dotnet DrChongClinic.Web.dll {MigrateOption}; docs/deployment.md).");
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while a booking is written; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (!migrate && !options.MigrateOnStartup)
        {
            return; // a replica: the migration step has filled in and seeded everything
        }

        // Two instances starting together (a rolling deploy, two replicas) must not both seed: check and insert as one.
        await db.SerializedAsync("database-initializer", async () =>
        {
            await NameDoctorPagesAsync(db, cancellationToken);
            await FillMailboxesAsync(db, cancellationToken);
            if (options.SeedOnStartup && !await db.Treatments.AnyAsync(cancellationToken))
            {
                db.Treatments.AddRange(ClinicSeedData.Treatments());
                db.Practitioners.AddRange(ClinicSeedData.Practitioners(options.SeedDoctors));
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Seeded treatments and {DoctorCount} sample doctors", options.SeedDoctors.Count);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The Perf_PatientMailbox migration added the mailbox column empty; here every booking and waitlist entry stored
    /// before it gets its mailbox from its email address (<see cref="Domain.Booking.MailboxKey"/>), once, in batches.
    /// Until then the booking caps would not count them.
    /// </summary>
    private static async Task FillMailboxesAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        const int batch = 1000;
        int filled;
        do
        {
            var appointments = await db.Appointments.Where(a => a.Patient.Mailbox == null && a.Patient.Email != null)
                .OrderBy(a => a.Id).Take(batch).ToListAsync(cancellationToken);
            var entries = await db.WaitlistEntries.Where(e => e.Patient.Mailbox == null && e.Patient.Email != null)
                .OrderBy(e => e.Id).Take(batch).ToListAsync(cancellationToken);
            var patients = appointments.Select(a => a.Patient).Concat(entries.Select(e => e.Patient)).ToList();
            foreach (var patient in patients)
            {
                patient.Email = patient.Email; // the setter works out the mailbox
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            filled = patients.Count;
        }
        while (filled > 0);
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
