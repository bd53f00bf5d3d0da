using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DrChongClinic.Infrastructure.Data.Configurations;

internal sealed class TreatmentConfiguration : IEntityTypeConfiguration<Treatment>
{
    public void Configure(EntityTypeBuilder<Treatment> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(50);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.NameEn).HasMaxLength(100);
        builder.Property(t => t.NameMs).HasMaxLength(100);
        builder.Property(t => t.Price).HasPrecision(10, 2);
        builder.Property(t => t.IncludedEn).HasMaxLength(Treatment.IncludedMaxLength);
        builder.Property(t => t.IncludedMs).HasMaxLength(Treatment.IncludedMaxLength);
        builder.Ignore(t => t.Course);
    }
}

internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasMany(p => p.WorkingHours).WithOne().HasForeignKey(w => w.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Slug).HasMaxLength(Practitioner.SlugMaxLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Gender).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.MmcNumber).HasMaxLength(Practitioner.MmcNumberMaxLength);
        builder.Property(p => p.Languages).HasMaxLength(100);
        builder.Property(p => p.BioEn).HasMaxLength(Practitioner.BioMaxLength);
        builder.Property(p => p.BioMs).HasMaxLength(Practitioner.BioMaxLength);
        builder.Property(p => p.PhotoVersion).HasMaxLength(32);
        builder.Property(p => p.DiaryFeedTokenHash).HasMaxLength(64);
        builder.HasIndex(p => p.DiaryFeedTokenHash).IsUnique();
        builder.Ignore(p => p.LanguageCodes);
    }
}

internal sealed class PractitionerFormerSlugConfiguration : IEntityTypeConfiguration<PractitionerFormerSlug>
{
    public void Configure(EntityTypeBuilder<PractitionerFormerSlug> builder)
    {
        builder.HasKey(s => s.Slug);
        builder.Property(s => s.Slug).HasMaxLength(Practitioner.SlugMaxLength);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(s => s.PractitionerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PractitionerPhotoConfiguration : IEntityTypeConfiguration<PractitionerPhoto>
{
    public void Configure(EntityTypeBuilder<PractitionerPhoto> builder)
    {
        builder.HasKey(p => p.PractitionerId);
        builder.HasOne<Practitioner>().WithOne().HasForeignKey<PractitionerPhoto>(p => p.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.ContentType).HasMaxLength(30);
    }
}

internal sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.HasIndex(w => new { w.PractitionerId, w.Day });
    }
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(c => c.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.FirstDay, c.LastDay });
    }
}
