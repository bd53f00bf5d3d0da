using DrChongClinic.Domain;

namespace DrChongClinic.UnitTests.Content;

public sealed class TextLengthTests
{
    [Theory]
    [InlineData("abc", 5, "abc")]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("ab\U0001F600", 3, "ab")] // the cut would fall between the emoji's two halves
    [InlineData("ab\U0001F600", 4, "ab\U0001F600")]
    [InlineData("a\U0001F600b", 3, "a\U0001F600")]
    [InlineData("\U0001F600", 1, "")]
    [InlineData("abc", 0, "")]
    public void Clip_never_leaves_half_a_character(string text, int maxLength, string expected)
    {
        var clipped = TextLength.Clip(text, maxLength);

        Assert.Equal(expected, clipped);
        Assert.True(clipped.Length <= maxLength);
        Assert.False(clipped.Length > 0 && char.IsHighSurrogate(clipped[^1]));
    }
}
