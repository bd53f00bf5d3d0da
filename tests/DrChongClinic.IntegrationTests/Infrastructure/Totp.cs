using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>
/// What an authenticator app does (RFC 6238: HMAC-SHA1 over 30-second steps, six digits), so tests can
/// sign in with a real code computed from the shared key the set-up page shows.
/// </summary>
public static class Totp
{
    private static readonly ConcurrentDictionary<string, long> LastStepUsed = new(StringComparer.Ordinal);

    /// <summary>
    /// A code the site has not accepted yet for this key: the site takes each time step once (replay protection),
    /// so a second sign-in of the same account within 30 seconds waits for the next step, as a person would.
    /// </summary>
    public static async Task<string> FreshCodeAsync(string base32Key)
    {
        var key = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var step = now.ToUnixTimeSeconds() / 30;
            var last = LastStepUsed.GetOrAdd(key, long.MinValue);
            if (step > last && LastStepUsed.TryUpdate(key, step, last))
            {
                return Code(key, now);
            }

            await Task.Delay(DateTimeOffset.FromUnixTimeSeconds((step + 1) * 30) - now + TimeSpan.FromMilliseconds(50));
        }
    }

    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this mirrors them.
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
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
