using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>All instants are stored in UTC; this gives them back with Kind = Utc on both providers.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
