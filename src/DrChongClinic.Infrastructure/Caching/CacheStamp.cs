using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DrChongClinic.Infrastructure.Caching;

/// <summary>
/// A value that changes whenever what a cache holds changes, on whichever app instance the change was made. Each
/// instance keeps its public pages in its own memory; <see cref="CacheStampWatcher"/> reads these rows every
/// <see cref="CacheStampWatcher.PollInterval"/> and purges its own copy when a stamp moved. A new random value per
/// change (not a counter), so two instances changing the schedule at once still leave a value nobody has seen.
/// </summary>
public sealed class CacheStamp
{
    /// <summary>Treatments, doctors, working hours and closures (<see cref="SchedulePurgeInterceptor"/> renews it in the same save).</summary>
    public const string Schedule = "schedule";

    public required string Name { get; set; }

    public Guid Value { get; set; }
}

internal sealed class CacheStampConfiguration : IEntityTypeConfiguration<CacheStamp>
{
    public void Configure(EntityTypeBuilder<CacheStamp> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(40);

        // The row is there from the migration on, so a save only ever updates it.
        builder.HasData(new CacheStamp { Name = CacheStamp.Schedule, Value = Guid.Empty });
    }
}
