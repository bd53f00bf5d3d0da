using System.Globalization;
using System.Text;

namespace DrChongClinic.Domain.Content;

/// <summary>
/// Text made comparable for search: lower case, accents removed ("é" is "e"), anything that is not a
/// letter or digit turned into a single space, with a space at each end so words can be found by their start.
/// </summary>
public static class SearchText
{
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length + 2).Append(' ');
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

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
}
