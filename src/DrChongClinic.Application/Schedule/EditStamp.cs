using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DrChongClinic.Application.Schedule;

/// <summary>
/// What an edit page showed, in a few characters: a hash of the values it was filled with. The form sends it back,
/// and the save goes ahead only if the record still holds those values, so a page opened before a colleague saved does
/// not silently undo their change (staff-area sweep: ten edits of one treatment at once all "saved", the last one won).
/// </summary>
public static class EditStamp
{
    /// <summary>The stamp of <paramref name="values"/> (a record of the editable fields), culture-independent.</summary>
    public static string Of<T>(T values) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values))), 0, 16);

    /// <summary>True when the form's stamp matches the record as stored now (a missing stamp never matches).</summary>
    public static bool Matches<T>(string? shown, T stored) =>
        shown is { Length: 32 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(shown), Encoding.ASCII.GetBytes(Of(stored)));
}
