using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DrChongClinic.Infrastructure.Data.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    private const string PatientNameColumn = "PatientName";

    /// <summary>
    /// The search index's filter. Both SQLite and SQL Server read [brackets]; a query uses the index when its own condition
    /// is this same comparison (BookingSearch compares the name with <see cref="Appointment.AnonymizedName"/>).
    /// </summary>
    public const string NotAnonymizedFilter = "[" + PatientNameColumn + "] <> '" + Appointment.AnonymizedName + "'";

    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(BookingReference.Length);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.Property(a => a.ManageTokenHash).HasMaxLength(64);
        builder.HasIndex(a => a.ManageTokenHash).IsUnique();
        builder.Property(a => a.ProtectedManageToken).HasMaxLength(500);
        builder.HasIndex(a => a.SubmissionId).IsUnique();
        builder.HasIndex(a => a.StartUtc);

        // The free-time query (SlotFinder): one doctor's appointments in a date range, without reading the doctor's whole history.
        builder.HasIndex(a => new { a.PractitionerId, a.StartUtc });

        // A course's sessions, read together by the manage page, the course email and every move.
        builder.HasIndex(a => a.CourseId);

        // The staff list's "newest booking first".
        builder.HasIndex(a => new { a.CreatedAtUtc, a.Id });
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CancelledBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CancellationReason).HasMaxLength(500);
        builder.Property(a => a.InternalNotes).HasMaxLength(2000);
        builder.Property(a => a.PrivacyNoticeVersion).HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.EndUtc);
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.Events);
        builder.OwnsOne(a => a.Patient, patient =>
        {
            patient.Property(p => p.Name).HasColumnName(PatientNameColumn).HasMaxLength(100);
            patient.Property(p => p.Email).HasColumnName("PatientEmail").HasMaxLength(254);
            patient.Property(p => p.Mailbox).HasColumnName("PatientMailbox").HasMaxLength(254);
            patient.Property(p => p.Phone).HasColumnName("PatientPhone").HasMaxLength(20);
            patient.Property(p => p.Notes).HasColumnName("PatientNotes").HasMaxLength(1000);
            patient.Property(p => p.Language).HasColumnName("PatientLanguage").HasMaxLength(5);

            // The booking caps (BookingService.OverCapAsync) look a patient's bookings up by mailbox or by phone.
            patient.HasIndex(p => p.Mailbox).HasDatabaseName("IX_Appointments_PatientMailbox");
            patient.HasIndex(p => p.Phone).HasDatabaseName("IX_Appointments_PatientPhone");

            // Staff search by name, e-mail or phone reads this index alone, and it holds only bookings that still have
            // personal data: after years most rows are anonymised (PatientDataRetentionPass) and a search never reads them.
            patient.HasIndex(p => new { p.Name, p.Email, p.Phone })
                .HasDatabaseName("IX_Appointments_PatientSearch")
                .HasFilter(NotAnonymizedFilter);
        });
        builder.Navigation(a => a.Patient).IsRequired();
        builder.HasOne<Treatment>().WithMany().HasForeignKey(a => a.TreatmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Slots).WithOne().HasForeignKey(s => s.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppointmentSlotConfiguration : IEntityTypeConfiguration<AppointmentSlot>
{
    public void Configure(EntityTypeBuilder<AppointmentSlot> builder)
    {
        // The double-booking guard: one appointment per practitioner per five-minute cell.
        builder.HasIndex(s => new { s.PractitionerId, s.CellStartUtc }).IsUnique();
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(s => s.PractitionerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentChangeConfiguration : IEntityTypeConfiguration<AppointmentChange>
{
    public void Configure(EntityTypeBuilder<AppointmentChange> builder)
    {
        builder.Property(c => c.By).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Actor).HasMaxLength(256);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Reason).HasMaxLength(Appointment.ReasonMaxLength);
        builder.Ignore(c => c.What);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.DueAtUtc });

        // The per-mailbox cap (MailboxDailyCap): emails sent in the last 24 hours, a range of this index.
        builder.HasIndex(m => new { m.Status, m.SentAtUtc });
        builder.HasOne(m => m.Appointment).WithMany().HasForeignKey(m => m.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
