namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// Makes text safe to put in a mail header (subject, display names): line breaks and other control
/// characters become spaces, so no value can start a header of its own. MimeKit encodes the rest.
/// </summary>
public static class HeaderText
{
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var chars = value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
