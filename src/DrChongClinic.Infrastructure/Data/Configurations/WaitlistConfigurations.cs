using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DrChongClinic.Infrastructure.Data.Configurations;

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Times).HasConversion<int>();
        builder.Property(e => e.PrivacyNoticeVersion).HasMaxLength(20);
        builder.Property(e => e.LeaveTokenHash).HasMaxLength(64);
        builder.HasIndex(e => e.LeaveTokenHash).IsUnique();
        builder.Property(e => e.ProtectedLeaveToken).HasMaxLength(500);
        builder.HasIndex(e => e.SubmissionId).IsUnique();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.IsOpen);

        // The pass and staff's day view: open entries in join order.
        builder.HasIndex(e => new { e.Status, e.JoinedAtUtc });
        builder.OwnsOne(e => e.Patient, patient =>
        {
            patient.Property(p => p.Name).HasColumnName("PatientName").HasMaxLength(100);
            patient.Property(p => p.Email).HasColumnName("PatientEmail").HasMaxLength(254);
            patient.Property(p => p.Mailbox).HasColumnName("PatientMailbox").HasMaxLength(254);
            patient.Property(p => p.Phone).HasColumnName("PatientPhone").HasMaxLength(20);
            patient.Property(p => p.Notes).HasColumnName("PatientNotes").HasMaxLength(1000);
            patient.Property(p => p.Language).HasColumnName("PatientLanguage").HasMaxLength(5);
        });
        builder.Navigation(e => e.Patient).IsRequired();
        builder.HasOne<Treatment>().WithMany().HasForeignKey(e => e.TreatmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(e => e.PractitionerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WaitlistOfferConfiguration : IEntityTypeConfiguration<WaitlistOffer>
{
    public void Configure(EntityTypeBuilder<WaitlistOffer> builder)
    {
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.OfferedBy).HasMaxLength(256);
        builder.Property(o => o.TokenHash).HasMaxLength(64);
        builder.HasIndex(o => o.TokenHash).IsUnique();
        builder.Property(o => o.ProtectedToken).HasMaxLength(500);
        builder.HasIndex(o => o.SubmissionId).IsUnique();
        builder.Property(o => o.Version).IsConcurrencyToken();

        // One time is offered to one entry once; and an entry holds at most one open offer (both providers read [brackets]).
        builder.HasIndex(o => new { o.EntryId, o.PractitionerId, o.StartUtc }).IsUnique();
        builder.HasIndex(o => o.EntryId).IsUnique().HasFilter("[Status] = 'Open'").HasDatabaseName("IX_WaitlistOffers_OneOpenPerEntry");

        // Open offers of one time (claims, the pass) and staff's day view.
        builder.HasIndex(o => new { o.StartUtc, o.PractitionerId });
        builder.HasOne(o => o.Entry).WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(o => o.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(o => o.AppointmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WaitlistMessageConfiguration : IEntityTypeConfiguration<WaitlistMessage>
{
    public void Configure(EntityTypeBuilder<WaitlistMessage> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.DueAtUtc });

        // The per-mailbox cap (MailboxDailyCap): emails sent in the last 24 hours, a range of this index.
        builder.HasIndex(m => new { m.Status, m.SentAtUtc });
        builder.HasOne(m => m.Entry).WithMany().HasForeignKey(m => m.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Offer).WithMany().HasForeignKey(m => m.OfferId).OnDelete(DeleteBehavior.NoAction);
    }
}
