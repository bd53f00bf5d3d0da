using DrChongClinic.Domain.Content;

namespace DrChongClinic.UnitTests.Content;

public class SearchSynonymsTests
{
    private static readonly SearchSynonyms Synonyms = SearchSynonyms.Parse("""
        # Scars
        pockmark, pockmarks, pokmark, lubang jerawat, bopeng

        cystic acne, jerawat batu, jerawat kistik
        single-term-line
        """);

    private static ArticleLibrary Library() => new(
    [
        ArticleBuilder.Build("what-are-pockmarks", id: "explained", order: 1, title: "What are pockmarks?", text: "Pockmarks are sunken scars."),
        ArticleBuilder.Build("apa-itu-lubang-jerawat", language: "ms", id: "explained", order: 1, title: "Apa itu lubang jerawat?", text: "Lubang jerawat ialah parut."),
        ArticleBuilder.Build("causes", id: "causes", order: 3, title: "Causes", text: "Deep cystic acne can leave scars."),
        ArticleBuilder.Build("punca", language: "ms", id: "causes", order: 3, title: "Punca", text: "Jerawat kistik yang dalam meninggalkan parut."),
        ArticleBuilder.Build("sunscreen", id: "sunscreen", order: 2, title: "Sunscreen", text: "Sun protection for healing skin."),
    ], Synonyms);

    [Fact]
    public void Groups_are_read_normalized_and_comments_and_single_terms_are_ignored()
    {
        Assert.Equal(["pockmark", "pockmarks", "pokmark", "lubang jerawat", "bopeng"], Synonyms.GroupOf("bopeng"));
        Assert.Null(Synonyms.GroupOf("single term line"));
        Assert.Null(Synonyms.GroupOf("scars"));
        Assert.Equal(2, Synonyms.LongestTermWords);
    }

    [Theory]
    [InlineData("en", "pokmark", new[] { "what-are-pockmarks" })]
    [InlineData("en", "Lubang Jerawat", new[] { "what-are-pockmarks" })]
    [InlineData("ms", "pokmark", new[] { "apa-itu-lubang-jerawat" })]
    [InlineData("en", "jerawat batu", new[] { "causes" })]
    [InlineData("ms", "jerawat batu", new[] { "punca" })]
    public void A_term_finds_articles_that_use_another_term_of_its_group(string language, string query, string[] slugs)
    {
        Assert.Equal(slugs, Library().Search(language, query, 10).Select(a => a.Slug));
    }

    [Fact]
    public void Both_languages_are_searched_current_language_first_and_a_translation_already_found_is_left_out()
    {
        var results = Library().Search("en", "parut", 10);

        // "parut" is only in the Malay texts: Malay results come, since no English article matched.
        Assert.Equal(["apa-itu-lubang-jerawat", "punca"], results.Select(a => a.Slug));
        Assert.All(results, a => Assert.Equal("ms", a.Language));
        Assert.Equal(["what-are-pockmarks"], Library().Search("en", "pockmarks", 10).Select(a => a.Slug));
    }

    [Theory]
    [InlineData("pockmrak")]
    [InlineData("pockmak")]
    [InlineData("pockmarkk")]
    [InlineData("pcokmark")]
    public void A_word_one_typing_slip_away_is_corrected(string query)
    {
        Assert.Equal(["what-are-pockmarks"], Library().Search("en", query, 10).Select(a => a.Slug));
    }

    [Theory]
    [InlineData("xylophone")]
    [InlineData("pockmrka")]
    [InlineData("sunx")]
    public void Unrelated_words_and_two_slips_find_nothing(string query)
    {
        Assert.Empty(Library().Search("en", query, 10));
    }

    [Theory]
    [InlineData("pockmark", "pockmrak", true)]
    [InlineData("pockmark", "pockmar", true)]
    [InlineData("pockmark", "pockmarks", true)]
    [InlineData("pockmark", "packmark", true)]
    [InlineData("pockmark", "pokcmrak", false)]
    [InlineData("pockmark", "pock", false)]
    [InlineData("abc", "abc", true)]
    public void One_typo_means_one_letter_added_left_out_changed_or_two_neighbours_swapped(string a, string b, bool expected)
    {
        Assert.Equal(expected, SearchText.WithinOneTypo(a, b));
        Assert.Equal(expected, SearchText.WithinOneTypo(b, a));
    }
}
