using System.Globalization;
using DrChongClinic.Application.Clinic;

namespace DrChongClinic.Web.Areas.Admin.Services;

/// <summary>Staff pages' wording of clinic times (the clock itself is <see cref="ClinicClock"/>).</summary>
public sealed class AdminTime(ClinicClock clock)
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-MY");

    public TimeZoneInfo Zone => clock.Zone;

    public DateTime UtcNow => clock.UtcNow;

    public DateTime ToLocal(DateTime utc) => clock.ToLocal(utc);

    public DateOnly Today => clock.Today;

    /// <summary>The UTC instants at which a clinic-local day starts and the next one starts.</summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcRange(DateOnly day) => clock.UtcRange(day);

    /// <summary>E.g. "Tue 1 Dec 2026, 10:30".</summary>
    public string Format(DateTime utc) => ToLocal(utc).ToString("ddd d MMM yyyy, HH:mm", Display);

    public string FormatTime(DateTime utc) => ToLocal(utc).ToString("HH:mm", Display);

    public static string FormatDay(DateOnly day) => day.ToString("ddd d MMM yyyy", Display);
}
