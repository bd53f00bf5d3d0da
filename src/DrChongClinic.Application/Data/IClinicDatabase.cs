using DrChongClinic.Application.Background;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain.Auditing;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DrChongClinic.Application.Data;

/// <summary>
/// The clinic's database as the use cases see it: EF Core sets and one unit of work. Infrastructure's
/// IClinicDatabase implements it for SQLite and SQL Server; the use cases never know which provider runs.
/// </summary>
public interface IClinicDatabase
{
    DbSet<Treatment> Treatments { get; }

    DbSet<Practitioner> Practitioners { get; }

    DbSet<PractitionerPhoto> PractitionerPhotos { get; }

    /// <summary>Addresses doctors' pages had before a rename (redirected to the current one).</summary>
    DbSet<PractitionerFormerSlug> PractitionerFormerSlugs { get; }

    DbSet<WorkingHours> WorkingHours { get; }

    DbSet<Closure> Closures { get; }

    DbSet<Appointment> Appointments { get; }

    DbSet<AppointmentSlot> AppointmentSlots { get; }

    DbSet<AppointmentChange> AppointmentChanges { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<WaitlistEntry> WaitlistEntries { get; }

    DbSet<WaitlistOffer> WaitlistOffers { get; }

    DbSet<WaitlistMessage> WaitlistMessages { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    /// <summary>Which instance runs which background work now (<see cref="WorkLeases"/>).</summary>
    DbSet<WorkLease> WorkLeases { get; }

    DbSet<IdentityUser> Users { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that no other caller of this method runs beside: SQLite's
    /// BEGIN IMMEDIATE (the write lock is taken first), SQL Server's exclusive application lock held for the
    /// transaction. A count made inside it still holds when the insert it allows is saved (booking caps). Committed
    /// when <paramref name="work"/> returns; rolled back when it throws.
    /// </summary>
    Task<T> SerializedAsync<T>(string lockName, Func<Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the bookings that still hold personal data and whose patient name or e-mail address contains
    /// <paramref name="text"/> (any letter case), found in a full-text index of trigrams; null when the index cannot
    /// answer (SQL Server has none; fewer than three characters): the caller then compares with LIKE.
    /// </summary>
    IQueryable<int>? PatientTextMatches(string text);

    /// <summary>True when the database refused a duplicate in a unique index (any unique index).</summary>
    bool IsDuplicate(DbUpdateException exception);

    /// <summary>True when the duplicate was a diary cell: another appointment holds part of that time.</summary>
    bool IsDiaryCellTaken(DbUpdateException exception);
}
