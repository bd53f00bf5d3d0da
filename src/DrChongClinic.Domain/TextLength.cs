namespace DrChongClinic.Domain;

/// <summary>Cutting text to a length limit without cutting a character in two.</summary>
public static class TextLength
{
    /// <summary>
    /// The text, or its first <paramref name="maxLength"/> UTF-16 units: one fewer when the cut would fall inside an
    /// emoji or another character outside the basic plane. Half of such a character is not valid Unicode, and
    /// normalising, encoding or storing it fails or turns it into a replacement mark.
    /// </summary>
    public static string Clip(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var length = maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..length];
    }
}
