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
    }
}

internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasMany(p => p.WorkingHours).WithOne().HasForeignKey(w => w.PractitionerId).OnDelete(DeleteBehavior.Cascade);
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
