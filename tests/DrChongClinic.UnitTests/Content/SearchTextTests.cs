using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;

namespace DrChongClinic.UnitTests.Content;

/// <summary>Search text without ICU: accents come off by the site's own table (<see cref="Accents"/>), not string.Normalize.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Café crème", " cafe creme ")]
    [InlineData("Cafe\u0301 cre\u0300me", " cafe creme ")] // accents typed as separate combining marks
    [InlineData("NAÏVE Ñandú", " naive nandu ")]
    [InlineData("Nguyễn Thị Ánh", " nguyen thi anh ")]
    [InlineData("Jerawat, parut & bintik-bintik!", " jerawat parut bintik bintik ")]
    [InlineData("Straße 陈医生", " straße 陈医生 ")] // letters without accents stay as they are
    public void Text_is_lower_case_without_accents_or_punctuation(string text, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(text));

    [Fact]
    public void Every_accented_letter_has_its_plain_letter()
    {
        Assert.Equal('e', Accents.Remove('é'));
        Assert.Equal('E', Accents.Remove('Ệ'));
        Assert.Equal('K', Accents.Remove('\u212A')); // the Kelvin sign
        Assert.Equal('ß', Accents.Remove('ß'));
        Assert.Equal('-', Accents.Remove('-'));
    }
}
