using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace DrChongClinic.Application.Booking;

/// <summary>
/// Encrypts a booking's manage-link token with the app's Data Protection keys, so the token can be put in later
/// emails while the database holds only its hash and this ciphertext (useless without the keys).
/// </summary>
public sealed class ManageTokenProtector(IDataProtectionProvider provider)
{
    /// <summary>The Data Protection purpose; changing it makes every stored token unreadable.</summary>
    public const string Purpose = "DrChongClinic.ManageToken.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string token) => _protector.Protect(token);

    /// <summary>The token, or null when the ciphertext is damaged or was made with keys this app no longer has.</summary>
    public string? Unprotect(string protectedToken)
    {
        if (string.IsNullOrEmpty(protectedToken))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
