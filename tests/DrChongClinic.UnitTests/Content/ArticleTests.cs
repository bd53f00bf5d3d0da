using DrChongClinic.Domain.Content;

namespace DrChongClinic.UnitTests.Content;

public class ArticleTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(150, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(900, 5)]
    public void Reading_time_is_whole_minutes_at_200_words_a_minute_and_at_least_one(int words, int minutes)
    {
        Assert.Equal(minutes, ArticleBuilder.Build(wordCount: words).ReadingMinutes);
    }

    [Fact]
    public void Only_long_articles_with_several_headings_get_a_table_of_contents()
    {
        ArticleHeading[] three = [new(2, "a", "A"), new(2, "b", "B"), new(3, "c", "C")];

        Assert.True(ArticleBuilder.Build(wordCount: 800, headings: three).HasTableOfContents);
        Assert.False(ArticleBuilder.Build(wordCount: 300, headings: three).HasTableOfContents);
        Assert.False(ArticleBuilder.Build(wordCount: 800, headings: three[..2]).HasTableOfContents);
    }
}
