using DrChongClinic.Domain.Content;

namespace DrChongClinic.UnitTests.Content;

public class ArticleLibraryTests
{
    [Fact]
    public void Related_reading_prefers_linked_articles_then_shared_tags_and_stays_in_the_language()
    {
        var article = ArticleBuilder.Build("pico-laser", tags: ["lasers", "treatments"], links: ["subcision"]);
        var library = new ArticleLibrary(
        [
            article,
            ArticleBuilder.Build("subcision", tags: ["treatments"]),                     // linked + 1 tag = 3
            ArticleBuilder.Build("fractional-co2-laser", tags: ["lasers", "treatments"]), // 2 tags = 2
            ArticleBuilder.Build("prevention", tags: ["prevention"]),                    // unrelated
            ArticleBuilder.Build("faq", tags: ["faq"], links: ["pico-laser"]),            // links here = 2
            ArticleBuilder.Build("laser-pico", language: "ms", id: "pico-laser", tags: ["lasers"]),
        ]);

        var related = library.RelatedTo(article, 5).Select(a => a.Slug).ToList();

        Assert.Equal("subcision", related[0]);
        Assert.Equal(["faq", "fractional-co2-laser"], related[1..].Order().ToList());
    }

    [Fact]
    public void Search_ignores_case_and_accents_and_matches_the_start_of_words()
    {
        var library = new ArticleLibrary(
        [
            ArticleBuilder.Build("peels", title: "Chemical peels", text: "A café-style peel is not a medical PEEL."),
            ArticleBuilder.Build("lasers", title: "Lasers", text: "Pico lasers stimulate collagen."),
            ArticleBuilder.Build("laser-pico", language: "ms", title: "Laser pico", text: "Laser pico merangsang kolagen."),
        ]);

        Assert.Equal(["peels"], library.Search("en", "CAFE", 10).Select(a => a.Slug));
        Assert.Equal(["lasers"], library.Search("en", "Collagen", 10).Select(a => a.Slug));
        Assert.Equal(["lasers", "laser-pico"], library.Search("en", "laser", 10).Select(a => a.Slug));
        Assert.Empty(library.Search("en", "llagen", 10));
        Assert.Equal(["laser-pico"], library.Search("ms", "kolagen", 10).Select(a => a.Slug));
    }

    [Fact]
    public void Search_needs_every_word_and_ranks_title_matches_first()
    {
        var library = new ArticleLibrary(
        [
            ArticleBuilder.Build("overview", title: "Treatments overview", text: "Subcision and fillers for rolling scars."),
            ArticleBuilder.Build("subcision", title: "Subcision", text: "Subcision releases rolling scars."),
            ArticleBuilder.Build("peels", title: "Chemical peels", text: "Peels for boxcar scars."),
        ]);

        Assert.Equal(["subcision", "overview"], library.Search("en", "subcision rolling", 10).Select(a => a.Slug));
        Assert.Empty(library.Search("en", "subcision boxcar", 10));
        Assert.Empty(library.Search("en", "  ", 10));
    }

    [Fact]
    public void Translations_tags_and_latest_are_found_per_language()
    {
        var english = ArticleBuilder.Build("pico-laser", id: "pico", tags: ["lasers", "treatments"], published: new DateOnly(2026, 11, 21));
        var malay = ArticleBuilder.Build("laser-pico", language: "ms", id: "pico", tags: ["laser"]);
        var older = ArticleBuilder.Build("subcision", tags: ["treatments"]);
        var library = new ArticleLibrary([older, english, malay]);

        Assert.Same(malay, library.Translation(english, "ms"));
        Assert.Same(english, library.Find("en", "pico-laser"));
        Assert.Null(library.Find("en", "laser-pico"));
        Assert.Equal([new TagCount("treatments", 2), new TagCount("lasers", 1)], library.Tags("en"));
        Assert.Equal([english, older], library.Tagged("en", "treatments"));
        Assert.Equal([english], library.Latest("en", 1));
    }
}
