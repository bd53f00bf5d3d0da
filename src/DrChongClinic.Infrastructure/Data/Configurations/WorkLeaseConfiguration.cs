using DrChongClinic.Application.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DrChongClinic.Infrastructure.Data.Configurations;

internal sealed class WorkLeaseConfiguration : IEntityTypeConfiguration<WorkLease>
{
    public void Configure(EntityTypeBuilder<WorkLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(WorkLeases.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(32);
    }
}
