using DrChongClinic.Application.Background;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Auditing;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
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

        // SQLite: the requests of this process queue here, asynchronously and in order, before BEGIN IMMEDIATE. Without
        // this, simultaneous bookings met in SQLite's busy handler, which blocks a thread-pool thread in sleeps of
        // 1, 2, 5, 10, 15, 20, 25... ms while it waits: a burst of bookings took threads from every other request and
        // each waiter woke up to several milliseconds after the write lock was free (docs/performance.md, booking tail).
        var gate = SqliteWriteGates.For(Database.GetDbConnection().DataSource);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SerializedInTransactionAsync(lockName, work, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TouchVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TouchVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
    }
}
