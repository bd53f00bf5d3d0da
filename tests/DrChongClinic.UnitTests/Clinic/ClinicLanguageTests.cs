using DrChongClinic.Domain;

namespace DrChongClinic.UnitTests.Clinic;

public sealed class ClinicLanguageTests
{
    [Theory]
    [InlineData("en", "en", "", "en-MY", "en_MY", "English", "ms")]
    [InlineData("ms", "ms", "/ms", "ms-MY", "ms_MY", "Bahasa Malaysia", "en")]
    public void Each_language_has_its_code_url_prefix_culture_and_name(string code, string expectedCode, string prefix, string culture, string openGraph, string name, string other)
    {
        var language = ClinicLanguage.Of(code);
        Assert.Equal(expectedCode, language.Code);
        Assert.Equal(prefix, language.UrlPrefix);
        Assert.Equal(culture, language.Culture.Name);
        Assert.Equal(openGraph, language.OpenGraphLocale);
        Assert.Equal(name, language.Name);
        Assert.Equal(other, language.Other.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr")]
    public void Unknown_codes_mean_english_and_are_not_accepted_from_forms(string? code)
    {
        Assert.Same(ClinicLanguage.English, ClinicLanguage.Of(code));
        Assert.False(ClinicLanguage.IsKnown(code));
    }

    [Fact]
    public void The_culture_of_a_request_gives_its_language()
    {
        Assert.Same(ClinicLanguage.Malay, ClinicLanguage.FromCulture(ClinicLanguage.Malay.Culture));
        Assert.Same(ClinicLanguage.English, ClinicLanguage.FromCulture(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("malay", ClinicLanguage.Malay.Pick("english", "malay"));
    }
}
