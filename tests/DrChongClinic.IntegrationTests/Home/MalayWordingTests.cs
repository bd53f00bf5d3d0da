using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Home;

/// <summary>Malay wording that says exactly what the clinic claims, no more.</summary>
public sealed class MalayWordingTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_malay_home_page_claims_lcp_certified_doctors_not_registered_specialists()
    {
        var intro = (await _client.GetPageAsync("/ms")).QuerySelector(".hero .lead")!.TextContent;

        Assert.DoesNotContain("pakar", intro, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Doktor kami memegang LCP (Letter of Credentialing and Privileging) daripada KKM", intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_malay_contact_page_calls_its_hours_waktu_operasi()
    {
        var page = await _client.GetPageAsync("/ms/hubungi");

        Assert.Equal("Waktu operasi", page.QuerySelector("#hours-heading")!.TextContent.Trim());
    }
}
