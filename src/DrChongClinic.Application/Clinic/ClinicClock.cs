using DrChongClinic.Domain.Booking;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Clinic;

/// <summary>
/// The clinic's one clock: what time it is, in which zone ("Booking:TimeZone", default Asia/Kuala_Lumpur),
/// and which day it is there. Times are stored in UTC; pages, emails, calendars, feeds and staff pages
/// convert with this class only.
/// </summary>
public sealed class ClinicClock(TimeProvider time, IOptions<BookingPolicy> policy)
{
    public TimeZoneInfo Zone { get; } = policy.Value.ClinicTimeZone();

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateTimeOffset ToLocalOffset(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), Zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    /// <summary>The moment a clinic-local day starts, with the clinic's offset: 2026-12-07T00:00:00+08:00.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ToLocalOffset(UtcRange(day).FromUtc);

    /// <summary>The UTC instants at which a clinic-local day starts and the next one starts.</summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcRange(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
}
