using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>What search engines and feed readers get: sitemap, robots.txt, Atom feeds and structured data.</summary>
public sealed class SearchEngineTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    internal const string BaseUrl = ClinicFactory.PublicBaseUrl;
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client = factory.CreateClient();

    private ArticleLibrary Library => factory.Services.GetRequiredService<ArticleStore>().Library;

    [Fact]
    public async Task The_sitemap_is_well_formed_and_lists_every_article_with_its_translation_and_review_date()
    {
        var response = await _client.GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var sitemap = await ReadXmlAsync(response);

        var urls = sitemap.Root!.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value);
        Assert.Contains($"{BaseUrl}/", urls.Keys);
        Assert.Contains($"{BaseUrl}/ms", urls.Keys);
        foreach (var article in Library.All)
        {
            var url = urls[$"{BaseUrl}{SitePaths.Article(article)}"];
            Assert.Equal(article.LastReviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), url.Element(Sitemap + "lastmod")!.Value);
            var alternates = url.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
            var translation = Library.Translation(article, ClinicLanguage.Of(article.Language).Other.Code)!;
            Assert.Equal($"{BaseUrl}{SitePaths.Article(translation)}", alternates[translation.Language]);
            Assert.Equal($"{BaseUrl}{SitePaths.Article(article)}", alternates[article.Language]);
        }

        // The doctors: the list and each doctor's page, in both languages, each naming the other as its alternate.
        foreach (var (english, malay) in new[] { ("/doctors", "/ms/doktor"), ("/doctors/dr-sample-doctor-a", "/ms/doktor/dr-sample-doctor-a"), ("/doctors/dr-sample-doctor-b", "/ms/doktor/dr-sample-doctor-b") })
        {
            foreach (var path in new[] { english, malay })
            {
                var alternates = urls[$"{BaseUrl}{path}"].Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
                Assert.Equal($"{BaseUrl}{english}", alternates["en"]);
                Assert.Equal($"{BaseUrl}{malay}", alternates["ms"]);
            }
        }
    }

    [Theory]
    [InlineData("/feed.xml", "en")]
    [InlineData("/ms/feed.xml", "ms")]
    public async Task Each_language_has_a_well_formed_atom_feed_listing_its_articles(string url, string language)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = await ReadXmlAsync(response);

        Assert.Equal(Atom + "feed", feed.Root!.Name);
        Assert.Equal(language, feed.Root.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal($"{BaseUrl}{url}", feed.Root.Element(Atom + "id")!.Value);
        var entries = feed.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(
            Library.InLanguage(language).Select(a => $"{BaseUrl}{SitePaths.Article(a)}").Order(),
            entries.Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value).Order());
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "title")!.Value)));
        Assert.All(entries, e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        var page = await _client.GetPageAsync(SitePaths.Articles(language));
        Assert.Equal(url, page.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_staff_and_booking_pages()
    {
        var robots = await _client.GetStringAsync("/robots.txt");

        var lines = robots.Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /book/manage", lines);
        Assert.Contains("Disallow: /ms/tempah/urus", lines); // every private link, in both languages
        Assert.Contains("Disallow: /waitlist/offer", lines);
        Assert.Contains("Disallow: /waitlist/leave", lines);
        Assert.Contains("Disallow: /ms/senarai-menunggu/tawaran", lines);
        Assert.Contains("Disallow: /ms/senarai-menunggu/keluar", lines);
        Assert.Contains("Disallow: /diary", lines);
        Assert.Contains("Disallow: /ms/diari", lines);
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", lines);
    }

    [Fact]
    public async Task Every_article_describes_itself_as_a_medical_web_page_with_breadcrumbs_in_valid_json_ld()
    {
        foreach (var article in Library.All)
        {
            var page = await _client.GetPageAsync(SitePaths.Article(article));
            var data = JsonLd(page);

            var webPage = data["MedicalWebPage"];
            Assert.Equal(article.Title, webPage.GetProperty("name").GetString());
            Assert.Equal(article.Language, webPage.GetProperty("inLanguage").GetString());
            Assert.Equal("2026-11-20", webPage.GetProperty("lastReviewed").GetString());
            Assert.Equal($"{BaseUrl}{SitePaths.Article(article)}", webPage.GetProperty("url").GetString());
            var crumbs = data["BreadcrumbList"].GetProperty("itemListElement").EnumerateArray().ToList();
            Assert.Equal(3, crumbs.Count);
            Assert.Equal(article.Title, crumbs[2].GetProperty("name").GetString());
            Assert.Equal(article.Faq.Count > 0, data.ContainsKey("FAQPage"));
            Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
            Assert.Equal(article.Title, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        }
    }

    [Theory]
    [InlineData("/articles/pockmark-faq")]
    [InlineData("/ms/artikel/soalan-lazim-lubang-jerawat")]
    public async Task The_faq_article_lists_its_questions_as_an_faq_page(string url)
    {
        var article = Library.All.Single(a => SitePaths.Article(a) == url);
        var data = JsonLd(await _client.GetPageAsync(url));

        var questions = data["FAQPage"].GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.True(questions.Count >= 4);
        Assert.Equal(article.Faq.Select(f => f.Question), questions.Select(q => q.GetProperty("name").GetString()));
        Assert.Equal(article.Faq[0].Answer, questions[0].GetProperty("acceptedAnswer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Tag_pages_have_breadcrumbs_in_json_ld()
    {
        var data = JsonLd(await _client.GetPageAsync("/ms/artikel/tag/laser"));

        var crumbs = data["BreadcrumbList"].GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["Utama", "Artikel", "Laser"], crumbs.Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_home_page_describes_the_clinic_with_its_address_and_opening_hours_from_the_database()
    {
        var clinic = JsonLd(await _client.GetPageAsync("/"))["MedicalClinic"];

        Assert.Equal("Dr Chong Clinic", clinic.GetProperty("name").GetString());
        Assert.Equal("Kuala Lumpur", clinic.GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("MY", clinic.GetProperty("address").GetProperty("addressCountry").GetString());
        var hours = clinic.GetProperty("openingHoursSpecification").EnumerateArray()
            .ToDictionary(h => h.GetProperty("dayOfWeek").GetString()!, h => (h.GetProperty("opens").GetString(), h.GetProperty("closes").GetString()));
        Assert.Equal(("09:00", "18:00"), hours["https://schema.org/Monday"]);
        Assert.Equal(("09:00", "13:00"), hours["https://schema.org/Saturday"]);
        Assert.False(hours.ContainsKey("https://schema.org/Sunday"));

        var malay = JsonLd(await _client.GetPageAsync("/ms"))["MedicalClinic"];
        Assert.Equal("Klinik Dr Chong", malay.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Opening_hours_in_the_structured_data_follow_the_doctors_working_hours()
    {
        using var ownSite = new ClinicFactory();
        var client = ownSite.CreateClient();
        await ownSite.WithDbAsync(async db =>
        {
            var doctor = await db.Practitioners.FirstAsync();
            db.WorkingHours.Add(new WorkingHours { PractitionerId = doctor.Id, Day = DayOfWeek.Sunday, Start = new TimeOnly(10, 0), End = new TimeOnly(14, 0) });
            return await db.SaveChangesAsync();
        });

        var clinic = JsonLd(await client.GetPageAsync("/"))["MedicalClinic"];

        var sunday = clinic.GetProperty("openingHoursSpecification").EnumerateArray()
            .Single(h => h.GetProperty("dayOfWeek").GetString() == "https://schema.org/Sunday");
        Assert.Equal("10:00", sunday.GetProperty("opens").GetString());
        Assert.Equal("14:00", sunday.GetProperty("closes").GetString());
    }

    /// <summary>Every JSON-LD block on the page, parsed (a parse error fails the test), by @type.</summary>
    internal static Dictionary<string, JsonElement> JsonLd(IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => JsonDocument.Parse(script.TextContent).RootElement)
            .ToDictionary(json => json.GetProperty("@type").GetString()!);

    private static async Task<XDocument> ReadXmlAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode);
        using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }
}
