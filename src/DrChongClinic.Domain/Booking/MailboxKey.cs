namespace DrChongClinic.Domain.Booking;

/// <summary>
/// The mailbox an email address reaches, for counting (caps per address), never for sending: lower case, without a
/// "+tag" in the local part, and for Gmail without dots ("A.Sy+x@GoogleMail.com" and "asy@gmail.com" are one inbox).
/// So a stranger cannot multiply a cap by writing the victim's address in different ways.
/// </summary>
public static class MailboxKey
{
    public static string Of(string? email)
    {
        var address = (email ?? "").Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        if (at < 1)
        {
            return address;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        if (domain is "gmail.com" or "googlemail.com")
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
            domain = "gmail.com";
        }

        return $"{local}@{domain}";
    }
}
