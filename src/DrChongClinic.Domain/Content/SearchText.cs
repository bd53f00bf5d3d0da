using System.Globalization;
using System.Text;

namespace DrChongClinic.Domain.Content;

/// <summary>
/// Text made comparable for search: lower case, accents removed ("é" is "e", <see cref="Accents"/>), anything that is not a
/// letter or digit turned into a single space, with a space at each end so words can be found by their start.
/// </summary>
public static class SearchText
{
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var written in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(written) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var character = Accents.Remove(written);
            if (char.IsLetterOrDigit(character))
            {
                result.Append(char.ToLowerInvariant(character));
            }
            else if (result[^1] != ' ')
            {
                result.Append(' ');
            }
        }

        if (result[^1] != ' ')
        {
            result.Append(' ');
        }

        return result.ToString();
    }

    /// <summary>The distinct words of a query, normalized; single letters are ignored.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length > 1)
            .Distinct()
            .ToList();

    /// <summary>How many words in normalized text start with the given word.</summary>
    public static int Count(string normalizedText, string word)
    {
        var needle = " " + word;
        var count = 0;
        for (var at = normalizedText.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = normalizedText.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The words of a query in the order typed, normalized; single letters are ignored.</summary>
    public static IReadOnlyList<string> Tokens(string query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length > 1).ToList();

    /// <summary>How many times a whole word or phrase occurs in normalized text ("spot" is not found in "spotted").</summary>
    public static int CountWhole(string normalizedText, string phrase) => Count(normalizedText, phrase + " ");

    /// <summary>
    /// Whether two words are at most one typing slip apart (Damerau-Levenshtein distance of at most 1): one letter
    /// added, left out, changed, or two neighbouring letters swapped ("pockmrak" for "pockmark").
    /// </summary>
    public static bool WithinOneTypo(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        if (a.Length == b.Length)
        {
            // One letter changed, or two neighbours swapped.
            return a.AsSpan(start + 1).SequenceEqual(b.AsSpan(start + 1))
                || (start + 1 < a.Length && a[start] == b[start + 1] && a[start + 1] == b[start] && a.AsSpan(start + 2).SequenceEqual(b.AsSpan(start + 2)));
        }

        // One letter added or left out.
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(start + 1).SequenceEqual(shorter.AsSpan(start));
    }
}
