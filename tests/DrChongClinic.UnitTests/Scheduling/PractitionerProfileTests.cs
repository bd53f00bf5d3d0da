using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.UnitTests.Scheduling;

public sealed class PractitionerProfileTests
{
    [Theory]
    [InlineData("Dr Sample Doctor B", "dr-sample-doctor-b")]
    [InlineData("  Dr. Sample  Doctor-A ", "dr-sample-doctor-a")]
    [InlineData("Dr José O'Brien", "dr-jose-o-brien")]
    [InlineData("Dr Nguyễn Thị Ánh", "dr-nguyen-thi-anh")]
    [InlineData("Dr Zoe\u0308 Müller", "dr-zoe-muller")]
    [InlineData("Dr 陈", "dr")]
    [InlineData("陈医生", "doctor")]
    public void A_doctors_page_address_comes_from_the_name_in_lower_case_ascii(string name, string slug)
    {
        Assert.Equal(slug, PractitionerSlug.From(name));
        Assert.True(PractitionerSlug.IsWellFormed(slug));
    }

    [Fact]
    public void A_taken_address_gets_the_next_free_number()
    {
        var taken = new HashSet<string> { "dr-lim", "dr-lim-2" };

        Assert.Equal("dr-lim-3", PractitionerSlug.Unique("dr-lim", taken.Contains));
        Assert.Equal("dr-tan", PractitionerSlug.Unique("dr-tan", taken.Contains));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Dr-Chong")]
    [InlineData("dr--chong")]
    [InlineData("-dr")]
    [InlineData("dr/../x")]
    [InlineData("dr chong")]
    public void Malformed_addresses_are_not_looked_up(string slug) => Assert.False(PractitionerSlug.IsWellFormed(slug));

    [Fact]
    public void Languages_keep_the_known_codes_in_a_fixed_order_without_duplicates()
    {
        Assert.Equal("en,ms,ta", SpokenLanguages.Join(["ta", "ms", "en", "ms", "xx"]));
        Assert.Equal(["en", "zh"], SpokenLanguages.Parse("zh,en,,bogus"));
        Assert.Empty(SpokenLanguages.Parse(null));
    }
}
