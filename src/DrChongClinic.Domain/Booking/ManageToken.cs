using System.Security.Cryptography;
using System.Text;

namespace DrChongClinic.Domain.Booking;

/// <summary>
/// The secret in a patient's manage link: 32 random bytes, URL-safe. Only its SHA-256 hash is stored,
/// so a copy of the database cannot be used to open anyone's booking.
/// </summary>
public static class ManageToken
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token is 43 URL-safe characters; anything else is not worth a database look-up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
