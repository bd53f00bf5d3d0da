using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, six digits) that work once: a code is
/// accepted only for the current step or the one before (a code typed as it changes), and only when its step is
/// newer than the last step this account signed in with (kept as an Identity user token). So a code seen over a
/// shoulder or through a phishing proxy cannot be used again, and a code a minute old never works. Codes are
/// checked against the server's real clock, as the phone's app computes them from its own.
/// Replaces Identity's own authenticator provider (which accepts codes up to 90 seconds either side, any number of times).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<IdentityUser>
{
    /// <summary>Identity's own login provider name for the tokens it keeps about an account (authenticator key, recovery codes).</summary>
    public const string TokenProvider = "[AspNetUserStore]";

    /// <summary>The last time step (Unix seconds / 30) accepted for the account.</summary>
    public const string LastStepToken = "LastAuthenticatorStep";

    internal const int StepSeconds = 30;

    private static readonly TimeProvider RealClock = TimeProvider.System;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<IdentityUser> manager, IdentityUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the staff member's app; the site never makes one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<IdentityUser> manager, IdentityUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit) || Base32(key) is not { Length: > 0 } secret)
        {
            return false;
        }

        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var saved)
            ? saved
            : long.MinValue;
        var now = RealClock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        foreach (var step in new[] { now, now - 1 })
        {
            if (step > last && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
            {
                // Saved before the sign-in goes on; a concurrent sign-in with the same code fails on the account's concurrency stamp.
                var remembered = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
                return remembered.Succeeded;
            }
        }

        return false;
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; the site must compute the same codes.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys; null for anything else.</summary>
    private static byte[]? Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return bytes.ToArray();
    }
}
