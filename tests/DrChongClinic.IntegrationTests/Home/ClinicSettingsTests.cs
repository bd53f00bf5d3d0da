using DrChongClinic.IntegrationTests.Articles;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DrChongClinic.IntegrationTests.Home;

/// <summary>
/// appsettings.json ships placeholders for the clinic's details and article reviewer. Development shows them,
/// marked; anywhere else the site refuses to start until each is filled in, and says which.
/// </summary>
public sealed class ClinicSettingsTests
{
    /// <summary>The placeholders appsettings.json holds, put back over the test values.</summary>
    private static ClinicFactory WithPlaceholders(string environment)
    {
        var site = new ClinicFactory { Environment = environment };
        foreach (var key in ClinicFactory.TestClinicSettings.Keys)
        {
            site.With(key, null);
        }

        return site
            .With("Clinic:StreetAddress", "Address to be confirmed")
            .With("Clinic:Phone", "+60 3-0000 0000")
            .With("Clinic:Email", "hello@drchongclinic.example")
            .With("Clinic:PublicBaseUrl", "http://localhost:5080")
            .With("Clinic:Reviewers:medical-director:Name", "Reviewer name to be confirmed")
            .With("Clinic:Reviewers:medical-director:Credential", "Credential to be confirmed");
    }

    [Fact]
    public void Production_with_placeholder_details_refuses_to_start_and_names_every_setting_to_fill_in()
    {
        using var site = WithPlaceholders("Production");

        var error = Assert.Throws<OptionsValidationException>(() => site.CreateClient());

        foreach (var setting in new[]
        {
            "Clinic:StreetAddress is 'Address to be confirmed'",
            "Clinic:Phone is '+60 3-0000 0000'",
            "Clinic:Email is 'hello@drchongclinic.example'",
            "Clinic:PublicBaseUrl is 'http://localhost:5080'",
            "Clinic:Reviewers:medical-director:Name is 'Reviewer name to be confirmed'",
            "Clinic:Reviewers:medical-director:Credential is 'Credential to be confirmed'",
        })
        {
            Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Clinic:Phone", "0000000000", "Clinic:Phone is '0000000000'")]
    [InlineData("Clinic:Phone", "", "Clinic:Phone is ''")]
    [InlineData("Clinic:StreetAddress", "", "Clinic:StreetAddress is ''")]
    [InlineData("Clinic:Email", "someone@example.com", "Clinic:Email is 'someone@example.com'")]
    [InlineData("Clinic:Email", "clinic@drchong.test", "Clinic:Email is 'clinic@drchong.test'")]
    [InlineData("Clinic:PublicBaseUrl", "http://127.0.0.1:8080", "Clinic:PublicBaseUrl is 'http://127.0.0.1:8080'")]
    [InlineData("Clinic:Reviewers:medical-director:Name", "", "Clinic:Reviewers:medical-director:Name is ''")]
    public void One_placeholder_is_enough_to_refuse(string key, string value, string message)
    {
        using var site = new ClinicFactory().With(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reviewer_the_articles_name_but_the_settings_lack_refuses_to_start()
    {
        using var site = new ContentSiteFactory();
        site.WriteContent("en/visiting.md", ContentSiteFactory.ArticleText("visiting", "visiting", "en", reviewer: "visiting-dermatologist"));

        var error = Assert.Throws<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("Clinic:Reviewers:visiting-dermatologist:Name and :Credential are not set, but articles name 'visiting-dermatologist'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_real_looking_details_starts()
    {
        using var site = new ClinicFactory();

        var response = await site.CreateClient().GetAsync("/articles/pico-laser");

        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Development_keeps_the_placeholders_and_marks_them_on_the_page()
    {
        using var site = WithPlaceholders("Development");
        var client = site.CreateClient();

        var article = await client.GetPageAsync("/articles/pico-laser");
        var home = await client.GetPageAsync("/ms");

        Assert.Contains("Reviewer name to be confirmed", article.QuerySelector(".article-reviewer")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(article.QuerySelector(".article-reviewer .placeholder-badge"));
        Assert.NotNull(article.QuerySelector(".site-footer address .placeholder-badge"));
        Assert.Equal("nilai sementara", home.QuerySelector(".site-footer address .placeholder-badge")!.TextContent.Trim());
    }
}
