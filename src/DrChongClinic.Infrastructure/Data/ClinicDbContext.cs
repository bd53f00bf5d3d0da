using DrChongClinic.Application.Background;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain.Auditing;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;
using DrChongClinic.Infrastructure.Caching;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>The clinic's database: schedule, bookings, outbox and staff accounts. One context for both providers.</summary>
public class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : IdentityDbContext<IdentityUser>(options), IClinicDatabase
{
    public DbSet<Treatment> Treatments => Set<Treatment>();

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    public DbSet<PractitionerPhoto> PractitionerPhotos => Set<PractitionerPhoto>();

    public DbSet<PractitionerFormerSlug> PractitionerFormerSlugs => Set<PractitionerFormerSlug>();

    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();

    public DbSet<Closure> Closures => Set<Closure>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<AppointmentSlot> AppointmentSlots => Set<AppointmentSlot>();

    public DbSet<AppointmentChange> AppointmentChanges => Set<AppointmentChange>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();

    public DbSet<WaitlistOffer> WaitlistOffers => Set<WaitlistOffer>();

    public DbSet<WaitlistMessage> WaitlistMessages => Set<WaitlistMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<WorkLease> WorkLeases => Set<WorkLease>();

    /// <summary>What each instance's caches compare against to see that another instance changed something (<see cref="CacheStamp"/>).</summary>
    public DbSet<CacheStamp> CacheStamps => Set<CacheStamp>();

    public bool IsDuplicate(DbUpdateException exception) => UniqueViolation.Is(exception);

    public async Task<T> SerializedAsync<T>(string lockName, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (!Database.IsSqlite())
        {
            return await SerializedInTransactionAsync(lockName, work, cancellationToken);
        }

        // SQLite: the writes of this process queue here, asynchronously and in order, before BEGIN IMMEDIATE
        // (SqliteWriteGates says why).
        return await SqliteWriteGates.WriteAsync(
            Database.GetDbConnection().DataSource,
            () => SerializedInTransactionAsync(lockName, work, cancellationToken),
            cancellationToken);
    }

    private Task<T> SerializedInTransactionAsync<T>(string lockName, Func<Task<T>> work, CancellationToken cancellationToken) =>
        Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken); // SQLite: BEGIN IMMEDIATE
            if (Database.IsSqlServer())
            {
                // A constant statement; the lock name is a parameter. Released when the transaction ends.
                await Database.ExecuteSqlRawAsync(
                    "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000",
                    [lockName], cancellationToken);
            }

            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        });

    public bool IsDiaryCellTaken(DbUpdateException exception) => UniqueViolation.IsDiaryCell(exception);

    /// <summary>
    /// SQLite: the FTS5 table PatientSearch (migration Search_PatientTextIndex), asked for the text as one phrase, which a
    /// trigram index answers as "contains". The text is a parameter; double quotes inside it are doubled, so it stays one
    /// phrase whatever it holds. The index cannot answer fewer than three characters (no trigram), nor text with a NUL
    /// character (it ends an FTS5 query: "unterminated string"): null, and the caller compares with LIKE.
    /// </summary>
    public IQueryable<int>? PatientTextMatches(string text) =>
        Database.IsSqlite() && text.EnumerateRunes().Count() >= 3 && !text.Contains('\0', StringComparison.Ordinal)
            ? Database.SqlQuery<int>($"""SELECT "rowid" AS "Value" FROM "PatientSearch" WHERE "PatientSearch" MATCH {Phrase(text)}""")
            : null;

    private static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TouchVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TouchVersions();

        // SQLite, outside an explicit transaction: queue with this process's other writes (SqliteWriteGates).
        return Database.IsSqlite() && Database.CurrentTransaction is null
            ? SqliteWriteGates.WriteAsync(Database.GetDbConnection().DataSource, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// SQLite has no rowversion, so the concurrency token is a Guid the application changes on every
    /// save of a modified appointment; the UPDATE then only matches if nobody saved in between.
    /// </summary>
    private void TouchVersions()
    {
        // A doctor added without a page address (tests, tools) gets one from the name; PractitionerService picks unique ones itself.
        foreach (var entry in ChangeTracker.Entries<Practitioner>().Where(e => e.State == EntityState.Added && e.Entity.Slug.Length == 0))
        {
            entry.Entity.Slug = PractitionerSlug.From(entry.Entity.Name);
        }

        foreach (var entry in ChangeTracker.Entries<Appointment>())
        {
            if (entry.State == EntityState.Modified ||
                (entry.State == EntityState.Unchanged && entry.Collections.Any(c => c.IsModified)))
            {
                entry.Property(a => a.Version).CurrentValue = Guid.NewGuid();
                entry.State = EntityState.Modified;
            }
        }

        foreach (var entry in ChangeTracker.Entries<WaitlistEntry>().Where(e => e.State == EntityState.Modified))
        {
            entry.Property(e => e.Version).CurrentValue = Guid.NewGuid();
        }

        foreach (var entry in ChangeTracker.Entries<WaitlistOffer>().Where(e => e.State == EntityState.Modified))
        {
            entry.Property(e => e.Version).CurrentValue = Guid.NewGuid();
        }
    }
}
