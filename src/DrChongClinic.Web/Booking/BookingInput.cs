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

    /// <summary>
    /// True when text shown to staff (or to a patient) could mislead the reader: it holds a bidirectional override,
    /// embedding, isolate or mark (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which can make "gpj.exe"
    /// read as "exe.jpg" or reorder a name on the staff page; or it has characters but none that can be seen (only
    /// zero-width spaces, joiners, fillers). Empty text is not "hidden": whether it is required is another rule.
    /// </summary>
    public static bool HasHiddenText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var visible = false;
        foreach (var c in value)
        {
            if (c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return true;
            }

            visible |= IsVisible(c);
        }

        return !visible;
    }

    /// <summary>A character that puts ink on the page: not white space, not a control or format character, not a blank filler.</summary>
    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) &&
        char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) &&
        c is not ('\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800' or '\u034F' or '\u180E');

    /// <summary>True when the text holds control characters (other than line breaks and tabs where allowed).</summary>
    public static bool HasControlCharacters(string? value, bool allowLineBreaks = false) =>
        value is not null && value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));
}
