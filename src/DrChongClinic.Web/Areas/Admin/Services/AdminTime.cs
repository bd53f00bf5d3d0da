using System.Globalization;

namespace DrChongClinic.Web.Areas.Admin.Services;

/// <summary>
/// The clinic's wall clock for staff pages: times are stored in UTC and shown in the clinic's zone
/// ("Booking:TimeZone", default Asia/Kuala_Lumpur).
/// </summary>
public sealed class AdminTime(IConfiguration configuration, TimeProvider clock)
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-MY");

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration["Booking:TimeZone"] ?? "Asia/Kuala_Lumpur");

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    /// <summary>The UTC instants at which a clinic-local day starts and the next one starts.</summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcRange(DateOnly day) =>
        (TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone),
         TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone));

    /// <summary>E.g. "Tue 1 Dec 2026, 10:30".</summary>
    public string Format(DateTime utc) => ToLocal(utc).ToString("ddd d MMM yyyy, HH:mm", Display);

    public string FormatTime(DateTime utc) => ToLocal(utc).ToString("HH:mm", Display);

    public static string FormatDay(DateOnly day) => day.ToString("ddd d MMM yyyy", Display);
}
