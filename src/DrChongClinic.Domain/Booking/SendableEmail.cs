namespace DrChongClinic.Domain.Booking;

/// <summary>
/// The one rule for an email address a patient gives: one the clinic's mailer can write into an email's To and
/// Reply-To headers and a calendar invitation, and one that names a single mailbox. That is the common
/// "name@example.com" shape (RFC 5321's dot-atom, with the symbols people use): no quoted local parts, comments,
/// "mailto:", IP-address domains, or leading, trailing or doubled dots, which mail libraries refuse after the booking
/// is already stored. The part before the @ is ASCII (a mail server without SMTPUTF8 cannot carry anything else); the
/// domain may be in any script (sent as punycode). Invisible characters (zero-width spaces, soft hyphens, bidi
/// controls) are refused everywhere, since "a@example.com" with one of them would count as another mailbox but reach
/// the same inbox.
/// </summary>
public static class SendableEmail
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).</summary>
    public const int MaxLength = 254;

    private const int MaxLocalLength = 64;
    private const int MaxLabelLength = 63;

    /// <summary>
    /// The symbols people use in addresses. RFC 5322 allows a few more (#, %, ?, {, } and others), but they cannot
    /// stand unescaped in the mailto: address of a calendar invitation, and real patients' addresses do not use them.
    /// </summary>
    private const string LocalSymbols = "_+-'";

    /// <summary>True when <paramref name="email"/> (already trimmed) is an address the clinic can send to.</summary>
    public static bool Accepts(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > MaxLength)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at != email.LastIndexOf('@'))
        {
            return false;
        }

        return IsLocalPart(email[..at]) && IsDomain(email[(at + 1)..]);
    }

    /// <summary>Dot-separated words of ASCII letters, digits and <see cref="LocalSymbols"/>.</summary>
    private static bool IsLocalPart(string local) =>
        local.Length <= MaxLocalLength &&
        local.Split('.').All(word => word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || LocalSymbols.Contains(c, StringComparison.Ordinal)));

    /// <summary>A host name with at least two labels of letters, digits and inner hyphens, whose last label is not a number (no IP addresses).</summary>
    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 &&
               labels.All(label => label.Length is > 0 and <= MaxLabelLength && !label.StartsWith('-') && !label.EndsWith('-') &&
                                   label.All(c => char.IsLetterOrDigit(c) || c == '-')) &&
               !labels[^1].All(char.IsAsciiDigit);
    }
}
