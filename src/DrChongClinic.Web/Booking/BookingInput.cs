using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Web.Booking;

/// <summary>
/// Reads the booking pages' form and query values. Everything arrives as text so that anything malformed gets a
/// clear, localized message instead of a model-binding error.
/// </summary>
public static class BookingInput
{
    public const string AnyPractitioner = "any";

    /// <summary>Any doctor whom staff have recorded as female.</summary>
    public const string AnyFemalePractitioner = "female";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A slot is the clinic-local start, e.g. "2026-12-08T09:30".</summary>
    public const string SlotFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>A date in the form yyyy-MM-dd, within <see cref="ClinicDates"/> (so 0001-01-01 and 9999-12-31 are not dates here).</summary>
    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && ClinicDates.IsUsable(date);

    public static bool TryParseSlot(string? value, out DateOnly date, out TimeOnly time)
    {
        date = default;
        time = default;
        if (value is not { Length: 16 } ||
            !DateTime.TryParseExact(value, SlotFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ||
            !ClinicDates.IsUsable(local))
        {
            return false;
        }

        date = DateOnly.FromDateTime(local);
        time = TimeOnly.FromDateTime(local);
        return true;
    }

    public static string Slot(DateTime localStart) => localStart.ToString(SlotFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>"any" (or nothing) and "female" are any doctor (null; see <see cref="Gender"/>); otherwise a positive id.</summary>
    public static bool TryParsePractitioner(string? value, out int? practitionerId)
    {
        practitionerId = null;
        if (string.IsNullOrEmpty(value) || value is AnyPractitioner or AnyFemalePractitioner)
        {
            return true;
        }

        if (value.Length <= 9 && value.All(char.IsAsciiDigit) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            practitionerId = id;
            return true;
        }

        return false;
    }

    public static string Practitioner(int? practitionerId, PractitionerGender? gender = null) =>
        practitionerId?.ToString(CultureInfo.InvariantCulture) ?? (gender is PractitionerGender.Female ? AnyFemalePractitioner : AnyPractitioner);

    /// <summary>The gender asked for by the practitioner choice: female for "female", otherwise none.</summary>
    public static PractitionerGender? Gender(string? practitioner) => practitioner == AnyFemalePractitioner ? PractitionerGender.Female : null;
}
