using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Pages;

/// <summary>Treatments, about, contact, privacy and terms: each in English and Malay, with its twin one click away.</summary>
public sealed class InformationPagesTests : IClassFixture<ClinicFactory>
{
    private static readonly string Phone = "+60 3-2345 6789";
    private static readonly string Email = "appointments@drchong-tests.my";

    private readonly ClinicFactory _factory;
    private readonly HttpClient _client;

    public InformationPagesTests(ClinicFactory factory)
    {
        _factory = factory
            .With("Clinic:Phone", Phone)
            .With("Clinic:Email", Email)
            .With("Privacy:NoticeVersion", "2027-03")
            .With("Privacy:RetentionMonths", "36");
        _client = _factory.CreateClient();
    }

    public static TheoryData<string, string, string> PagesAndTwins => new()
    {
        { "/treatments", "en", "/ms/rawatan" },
        { "/ms/rawatan", "ms", "/treatments" },
        { "/about", "en", "/ms/tentang-kami" },
        { "/ms/tentang-kami", "ms", "/about" },
        { "/contact", "en", "/ms/hubungi" },
        { "/ms/hubungi", "ms", "/contact" },
        { "/privacy", "en", "/ms/privasi" },
        { "/ms/privasi", "ms", "/privacy" },
        { "/terms", "en", "/ms/terma" },
        { "/ms/terma", "ms", "/terms" },
    };

    [Theory]
    [MemberData(nameof(PagesAndTwins))]
    public async Task Each_page_speaks_the_language_of_its_url_has_one_h1_and_switches_to_its_twin(string url, string language, string twin)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(twin, page.QuerySelector("a.lang-switch")!.GetAttribute("href"));
        Assert.EndsWith(twin, page.QuerySelector($"link[rel=alternate][hreflang={(language == "ms" ? "en" : "ms")}]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(" | ", page.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        var twinPage = await _client.GetPageAsync(twin);
        Assert.Equal(url, twinPage.QuerySelector("a.lang-switch")!.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(PagesAndTwins))]
    public async Task Pages_are_ready_for_a_strict_content_security_policy_and_embed_nothing(string url, string language, string twin)
    {
        _ = (language, twin);
        var page = await _client.GetPageAsync(url);

        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("script:not([nonce])"));
        Assert.Empty(page.QuerySelectorAll("iframe, embed, object"));
        Assert.All(page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], img[src]"), element =>
            Assert.StartsWith("/", element.GetAttribute("href") ?? element.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/", "/treatments", "/doctors", "/about", "/contact", "/privacy", "/terms")]
    [InlineData("/ms", "/ms/rawatan", "/ms/doktor", "/ms/tentang-kami", "/ms/hubungi", "/ms/privasi", "/ms/terma")]
    public async Task Footer_links_every_information_page_and_the_main_nav_links_treatments_and_doctors_in_the_same_language(
        string home, string treatments, string doctors, string about, string contact, string privacy, string terms)
    {
        var page = await _client.GetPageAsync(home);

        var footerLinks = page.QuerySelectorAll("footer nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([treatments, doctors, about, contact, privacy, terms], footerLinks);
        Assert.Contains(page.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == treatments);
        Assert.Contains(page.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == doctors);
    }

    [Theory]
    [InlineData("/treatments", "en", "Pico laser", "/articles/pico-laser", "/book?treatment=pico-laser", "Often suits:")]
    [InlineData("/ms/rawatan", "ms", "Laser pico", "/ms/artikel/laser-pico", "/ms/tempah?treatment=pico-laser", "Biasanya sesuai untuk:")]
    public async Task Treatments_page_lists_the_active_treatments_from_the_database_with_article_and_book_links(
        string url, string language, string picoName, string articleUrl, string bookUrl, string suitsLabel)
    {
        var expectedNames = await _factory.WithDbAsync(async db => (await db.Treatments.Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync())
            .Select(t => t.Name(language)).ToList());

        var page = await _client.GetPageAsync(url);

        var names = page.QuerySelectorAll("main .treatment h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(expectedNames, names);
        var pico = page.QuerySelector("main li#pico-laser")!;
        Assert.Equal(picoName, pico.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains(suitsLabel, pico.TextContent, StringComparison.Ordinal);
        Assert.NotNull(pico.QuerySelector($"a[href='{articleUrl}']"));
        Assert.NotNull(pico.QuerySelector($"a[href='{bookUrl}']"));
        Assert.All(page.QuerySelectorAll("main li.treatment"), card =>
            Assert.NotNull(card.QuerySelector($"a[href$='?treatment={card.Id}']")));
    }

    [Fact]
    public async Task A_treatment_staff_add_without_a_description_still_shows_with_a_generic_line_and_an_inactive_one_is_hidden()
    {
        await _factory.WithDbAsync(async db =>
        {
            db.Treatments.Add(new Treatment { Code = "skin-booster", NameEn = "Skin booster", NameMs = "Penggalak kulit", DurationMinutes = 30, SortOrder = 50 });
            db.Treatments.Add(new Treatment { Code = "retired-peel", NameEn = "Retired peel", NameMs = "Pengelupasan lama", DurationMinutes = 30, SortOrder = 51, IsActive = false });
            return await db.SaveChangesAsync();
        });

        var english = await _client.GetPageAsync("/treatments");
        var malay = await _client.GetPageAsync("/ms/rawatan");

        var booster = english.QuerySelector("main li#skin-booster")!;
        Assert.Equal("Skin booster", booster.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Ask us about this treatment", booster.TextContent, StringComparison.Ordinal);
        Assert.NotNull(booster.QuerySelector("a[href='/book?treatment=skin-booster']"));
        Assert.Null(booster.QuerySelector("a[href^='/articles/']"));
        Assert.Contains("Tanya kami tentang rawatan ini", malay.QuerySelector("main li#skin-booster")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(malay.QuerySelector("main li#skin-booster a[href='/ms/tempah?treatment=skin-booster']"));
        Assert.DoesNotContain("Retired peel", english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(malay.QuerySelector("main li#retired-peel"));
    }

    [Fact]
    public async Task About_page_lists_the_active_doctors_from_the_database_in_both_languages()
    {
        await _factory.WithDbAsync(async db =>
        {
            db.Practitioners.Add(new Practitioner { Name = "Dr Former Colleague", IsActive = false });
            db.Practitioners.Add(new Practitioner { Name = "Dr New Colleague" });
            return await db.SaveChangesAsync();
        });

        foreach (var (url, role) in new[] { ("/about", "LCP-credentialed doctor"), ("/ms/tentang-kami", "Doktor bertauliah LCP") })
        {
            var page = await _client.GetPageAsync(url);

            var doctors = page.QuerySelectorAll("main .doctor-list li").ToList();
            var names = doctors.Select(d => d.QuerySelector(".doctor-name")!.TextContent.Trim()).ToList();
            Assert.Equal(["Dr Sample Doctor A", "Dr Sample Doctor B", "Dr New Colleague"], names);
            Assert.All(doctors, d => Assert.Contains(role, d.TextContent, StringComparison.Ordinal));
            Assert.Contains("Letter of Credentialing and Privileging", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/contact", "Monday", "Saturday", "999")]
    [InlineData("/ms/hubungi", "Isnin", "Sabtu", "999")]
    public async Task Contact_page_shows_details_from_configuration_opening_hours_and_the_emergency_note(string url, string monday, string saturday, string emergencyNumber)
    {
        var page = await _client.GetPageAsync(url);
        var main = page.QuerySelector("main")!;

        Assert.NotNull(main.QuerySelector("a[href='tel:+60323456789']"));
        Assert.Contains(Phone, main.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector($"a[href='mailto:{Email}']"));
        var hours = main.QuerySelectorAll("table.hours tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("09:00–18:00", hours[monday]);
        Assert.Equal("09:00–13:00", hours[saturday]);
        Assert.Contains(emergencyNumber, main.QuerySelector(".callout-warning")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector($"a[href='{(url.StartsWith("/ms", StringComparison.Ordinal) ? "/ms/tempah" : "/book")}']"));
    }

    [Fact]
    public async Task Opening_hours_on_the_contact_page_follow_the_doctors_working_hours()
    {
        await _factory.WithDbAsync(async db =>
        {
            var doctor = await db.Practitioners.OrderBy(p => p.Id).FirstAsync();
            db.WorkingHours.Add(new WorkingHours { PractitionerId = doctor.Id, Day = DayOfWeek.Sunday, Start = new TimeOnly(10, 0), End = new TimeOnly(12, 30) });
            return await db.SaveChangesAsync();
        });

        var page = await _client.GetPageAsync("/contact");

        var sunday = page.QuerySelectorAll("main table.hours tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Sunday");
        Assert.Equal("10:00–12:30", sunday.QuerySelector("td")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/privacy", "Version 2027-03", "March 2027", "3 years after the appointment")]
    [InlineData("/ms/privasi", "Versi 2027-03", "Mac 2027", "3 tahun selepas temujanji")]
    public async Task Privacy_notice_shows_the_version_date_and_retention_period_from_configuration(string url, string version, string month, string retention)
    {
        var page = await _client.GetPageAsync(url);

        var meta = page.QuerySelector("main .notice-meta")!.TextContent;
        Assert.Contains(version, meta, StringComparison.Ordinal);
        Assert.Contains(month, meta, StringComparison.Ordinal);
        Assert.Contains(retention, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2010", page.QuerySelector("main .lead")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='mailto:{Email}']"));
    }

    [Theory]
    [InlineData(null, "2 years after the appointment", "2 tahun selepas temujanji")]
    [InlineData("12", "1 year after the appointment", "1 tahun selepas temujanji")]
    [InlineData("18", "18 months after the appointment", "18 bulan selepas temujanji")]
    public async Task Privacy_notice_describes_the_retention_period_in_years_or_months(string? months, string english, string malay)
    {
        using var factory = new ClinicFactory();
        if (months is not null)
        {
            factory.With("Privacy:RetentionMonths", months);
        }

        var client = factory.CreateClient();

        var englishPage = await client.GetPageAsync("/privacy");
        Assert.Contains(english, englishPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Version 2026-11", englishPage.QuerySelector("main .notice-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(malay, (await client.GetPageAsync("/ms/privasi")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Privacy:RetentionMonths", "0")]
    [InlineData("Privacy:NoticeVersion", "a-version-far-too-long-to-store")]
    public void A_privacy_setting_the_site_cannot_honour_stops_it_from_starting(string key, string value)
    {
        using var factory = new ClinicFactory().With(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Privacy:", error.ToString(), StringComparison.Ordinal);
    }
}
