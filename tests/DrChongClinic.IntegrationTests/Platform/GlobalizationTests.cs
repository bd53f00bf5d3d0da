using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// The site runs without ICU (docs/performance.md): its cultures bring their own month and day names
/// (Domain/ClinicCultures), and a request's culture must be one of them, or a Malay page would say "Monday".
/// </summary>
public sealed partial class GlobalizationTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private readonly HttpClient _client = factory.Browser();

    [Fact]
    public void The_site_is_built_to_run_without_icu()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DrChongClinic.Web.runtimeconfig.json")));
        var settings = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(settings.GetProperty("System.Globalization.Invariant").GetBoolean());
        Assert.False(settings.GetProperty("System.Globalization.PredefinedCulturesOnly").GetBoolean());

        // And so do these tests, which run the site in their own process.
        Assert.True(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
        Assert.Equal("January", new CultureInfo("ms-MY").DateTimeFormat.GetMonthName(1));
    }

    /// <summary>The booking page's row of dates, from Monday 7 December 2026 (the factory's clock).</summary>
    [Theory]
    [InlineData("/book?treatment=pico-laser", "Mon 7 Dec", "Tue 8 Dec", "Sat 12 Dec")]
    [InlineData("/ms/tempah?treatment=pico-laser", "Isn 7 Dis", "Sel 8 Dis", "Sab 12 Dis")]
    public async Task The_booking_page_names_days_and_months_in_the_language_of_its_url(string url, string monday, string tuesday, string saturday)
    {
        var page = await _client.GetPageAsync(url);

        var days = page.QuerySelectorAll("[data-day-list] a[data-date]")
            .ToDictionary(a => a.GetAttribute("data-date")!, a => $"{a.QuerySelector(".day-name")!.TextContent.Trim()} {a.QuerySelector(".day-date")!.TextContent.Trim()}");
        Assert.Equal(monday, days["2026-12-07"]);
        Assert.Equal(tuesday, days["2026-12-08"]);
        Assert.Equal(saturday, days["2026-12-12"]);
    }

    [Theory]
    [InlineData("/contact", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday")]
    [InlineData("/ms/hubungi", "Isnin Selasa Rabu Khamis Jumaat Sabtu Ahad")]
    public async Task Opening_hours_name_the_days_in_the_language_of_the_page(string url, string days)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(days, string.Join(" ", page.QuerySelectorAll("main table.hours th").Select(th => th.TextContent.Trim())));
    }

    /// <summary>
    /// A culture made from its name has no Malay in it and finds no Malay text (its parent is the invariant culture):
    /// product code takes its cultures from ClinicLanguage, which has them from ClinicCultures.
    /// </summary>
    [Fact]
    public void Only_clinic_cultures_makes_cultures()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var offenders = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => Path.GetFileName(file) != "ClinicCultures.cs")
            .Where(file => MakesCulture().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(src, file))
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"new\s+(System\.Globalization\.)?CultureInfo\s*\(|CultureInfo\.(GetCultureInfo|CreateSpecificCulture|GetCultures)\s*\(")]
    private static partial Regex MakesCulture();
}
