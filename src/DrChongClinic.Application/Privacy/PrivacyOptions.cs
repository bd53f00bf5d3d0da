using System.Globalization;

namespace DrChongClinic.Application.Privacy;

/// <summary>Configuration section "Privacy": the version of the PDPA privacy notice and how long bookings keep personal data.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Longest version the booking record can store (Appointment.PrivacyNoticeVersion).</summary>
    public const int MaxVersionLength = 20;

    /// <summary>
    /// Version of the notice shown on /privacy; the booking form records the version a patient agreed to.
    /// Change it whenever the notice's wording changes. "yyyy-MM" also gives the notice its date.
    /// </summary>
    public string NoticeVersion { get; set; } = "2026-11";

    /// <summary>Months after an appointment before its personal details are anonymised.</summary>
    public int RetentionMonths { get; set; } = 24;

    /// <summary>The first day of the month a "yyyy-MM" version names; null for any other kind of version.</summary>
    public DateOnly? NoticeDate =>
        DateOnly.TryParseExact(NoticeVersion + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public bool IsValid =>
        !string.IsNullOrWhiteSpace(NoticeVersion) && NoticeVersion.Length <= MaxVersionLength && RetentionMonths > 0;
}
