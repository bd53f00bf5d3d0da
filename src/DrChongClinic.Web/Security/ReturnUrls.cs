using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Security;

/// <summary>
/// The one rule for sending someone back to an address they supplied (a sign-in's or the language switch's return
/// address): only a page of the staff area, never another site; a local address with other than ASCII characters
/// (<c>/admin/é</c>) is percent-encoded, because a Location header may only hold ASCII; one with control or invisible
/// formatting characters (<c>\u202e</c>) is not followed at all and the dashboard is used instead. Before this rule such
/// an address threw while the redirect was written, a 500 that also lost a fresh sign-in's cookie.
/// </summary>
public static class ReturnUrls
{
    /// <summary>Where staff go when the address they came with cannot be used.</summary>
    public const string StaffHome = "/admin";

    /// <summary>Longest return address followed.</summary>
    public const int MaxLength = 2000;

    /// <summary>The staff page to return to: <paramref name="returnUrl"/> made safe for a Location header, or the dashboard.</summary>
    public static string StaffPage(IUrlHelper url, string? returnUrl) =>
        returnUrl is { Length: > 0 and <= MaxLength } && url.IsLocalUrl(returnUrl) && InStaffArea(returnUrl)
            ? HeaderSafe(returnUrl) ?? StaffHome
            : StaffHome;

    /// <summary>
    /// /admin itself or a page under /admin/, with no "." or ".." segment (plain or percent-encoded) and no encoded
    /// slash or backslash: "/admin/../../evil" starts with /admin but the browser resolves it to /evil.
    /// </summary>
    private static bool InStaffArea(string returnUrl)
    {
        var end = returnUrl.IndexOfAny(['?', '#']);
        var path = end < 0 ? returnUrl : returnUrl[..end];
        if (!path.Equals(StaffHome, StringComparison.OrdinalIgnoreCase) && !path.StartsWith(StaffHome + "/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var decoded = path.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
        return !path.Contains('\\', StringComparison.Ordinal)
            && !path.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            && !path.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            && !decoded.Split('/').Any(segment => segment is "." or "..");
    }

    /// <summary>
    /// The address with every non-ASCII character percent-encoded as UTF-8 (what a browser sends for it anyway), or null
    /// when it holds a control or formatting character or a broken surrogate pair.
    /// </summary>
    public static string? HeaderSafe(string url)
    {
        var safe = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        var at = 0;
        while (at < url.Length)
        {
            if (Rune.DecodeFromUtf16(url.AsSpan(at), out var rune, out var used) != System.Buffers.OperationStatus.Done
                || Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                return null;
            }

            if (rune.IsAscii)
            {
                safe.Append((char)rune.Value);
            }
            else
            {
                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
                {
                    safe.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            at += used;
        }

        return safe.ToString();
    }
}
