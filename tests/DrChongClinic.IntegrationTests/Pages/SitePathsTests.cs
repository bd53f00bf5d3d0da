using System.Net;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.IntegrationTests.Booking;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Pages;

/// <summary>
/// Every address <see cref="SitePaths"/> builds reaches its page in both languages, so links in pages, emails and feeds
/// cannot drift from the routes: a renamed route fails here, not in a patient's inbox.
/// </summary>
public sealed class SitePathsTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    public static TheoryData<string> Languages => [.. ClinicLanguage.All.Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_page_address_answers_in_its_language(string language)
    {
        var client = factory.Browser();
        var article = factory.Services.GetRequiredService<ArticleStore>().Library.InLanguage(language)[0];
        var token = await client.BookAndGetTokenAsync(language == ClinicLanguage.EnglishCode ? "2026-12-08T09:00" : "2026-12-08T10:00");
        string[] pages =
        [
            SitePaths.Home(language), SitePaths.Treatments(language), SitePaths.About(language), SitePaths.Contact(language),
            SitePaths.Privacy(language), SitePaths.Terms(language), SitePaths.Book(language), SitePaths.Book(language, "pico-laser"),
            $"{SitePaths.Slots(language)}?treatment=pico-laser&practitioner=any&date=2026-12-08",
            SitePaths.Manage(language, token), $"{SitePaths.ManageSlots(language, token)}?date=2026-12-09",
            SitePaths.Articles(language), SitePaths.Article(article), SitePaths.Tag(language, article.Tags[0]),
            $"{SitePaths.Search(language)}?q=scar", SitePaths.Feed(language),
        ];

        foreach (var path in pages)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_manage_actions_are_routes_that_want_a_form_not_missing_pages(string language)
    {
        var client = factory.Browser();
        var token = await client.BookAndGetTokenAsync(language == ClinicLanguage.EnglishCode ? "2026-12-08T11:00" : "2026-12-08T11:30");
        foreach (var path in new[] { SitePaths.Cancel(language, token), SitePaths.Reschedule(language, token) })
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // the route exists; the anti-forgery token is missing
        }
    }
}
