using System.Globalization;

namespace DrChongClinic.Domain;

/// <summary>
/// The one rule for text people type that other people read (patients' names and notes, staff's doctor and treatment
/// names, descriptions, closure reasons, holiday names): it is shown on pages, in the staff area, in plain-text emails
/// and their subjects, so it may hold no control characters and nothing that hides or reorders what the reader sees.
/// </summary>
public static class VisibleText
{
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

    /// <summary>True when there is nothing, or at least one letter of any script: a name people read ("---", "2147483647" or emoji alone are no name).</summary>
    public static bool HasLetters(string? value) => string.IsNullOrWhiteSpace(value) || value.Any(char.IsLetter);

    /// <summary>True when the text holds control characters (other than line breaks and tabs where allowed).</summary>
    public static bool HasControlCharacters(string? value, bool allowLineBreaks = false) =>
        value is not null && value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));
}
