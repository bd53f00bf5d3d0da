using System.Security.Cryptography;

namespace DrChongClinic.Domain.Booking;

/// <summary>
/// Short booking references patients can read over the phone: 8 characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L, U), drawn from a cryptographic random source, so they
/// are neither guessable nor sequential (~40 bits).
/// </summary>
public static class BookingReference
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>"ABCD2345" as "ABCD-2345": easier to read out and copy.</summary>
    public static string Display(string reference) =>
        reference.Length == Length ? $"{reference[..4]}-{reference[4..]}" : reference;

    /// <summary>Upper-cases and strips spaces and dashes so "abcd-2345" matches "ABCD2345".</summary>
    public static string Normalize(string? input) =>
        new((input ?? "").Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
}
