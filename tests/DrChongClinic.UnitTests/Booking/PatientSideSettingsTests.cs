using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Web;

namespace DrChongClinic.UnitTests.Booking;

public class PatientSideSettingsTests
{
    [Theory]
    [InlineData("150", 150)]
    [InlineData("RM 1,250.50", 1250.5)]
    [InlineData("rm80", 80)]
    [InlineData("0", 0)]
    [InlineData("100000", 100000)]
    [InlineData("100,000", 100000)]
    [InlineData("1,250", 1250)]
    [InlineData("80.5", 80.5)]
    public void Staff_type_prices_in_ringgit_with_sen(string typed, double expected)
    {
        Assert.True(TreatmentPrice.TryParse(typed, out var price));
        Assert.Equal((decimal)expected, price);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("100000.01")]
    [InlineData("12.345")]
    [InlineData("1e5")]
    [InlineData("free")]
    [InlineData("1.2.3")]
    [InlineData("150,00")] // not RM 15,000: commas only group thousands (staff-area sweep)
    [InlineData("1,5")]
    [InlineData("1,,5")]
    [InlineData(",5")]
    [InlineData("1,2,3")]
    [InlineData("12,50.00")]
    [InlineData("1,000,")]
    [InlineData(".5")]
    [InlineData("5.")]
    public void Negative_huge_and_unreadable_prices_are_refused(string typed)
    {
        Assert.False(TreatmentPrice.TryParse(typed, out _));
    }

    [Fact]
    public void An_empty_price_means_no_published_price()
    {
        Assert.True(TreatmentPrice.TryParse("  ", out var price));
        Assert.Null(price);
        var treatment = new Treatment { Code = "x", NameEn = "X", NameMs = "X" };
        Assert.Null(TreatmentPrice.Text(treatment, ClinicLanguage.English));
        treatment.Price = 300m;
        treatment.PriceIsFrom = true;
        Assert.Equal("From RM 300.00", TreatmentPrice.Text(treatment, ClinicLanguage.English));
        Assert.Equal("Dari RM 300.00", TreatmentPrice.Text(treatment, ClinicLanguage.Malay));
    }

    [Fact]
    public void WhatsApp_is_optional_but_a_placeholder_number_or_half_set_coordinates_stop_production()
    {
        var clinic = RealClinic();
        Assert.Empty(Problems(clinic));
        Assert.Null(clinic.WhatsAppLink("Hi"));

        clinic.WhatsApp = "+60 12-000 0000";
        Assert.Contains(Problems(clinic), p => p.StartsWith("Clinic:WhatsApp", StringComparison.Ordinal));
        clinic.WhatsApp = "+60 12-345 6789";
        Assert.Empty(Problems(clinic));
        Assert.Equal("https://wa.me/60123456789?text=Hi%20there", clinic.WhatsAppLink("Hi there"));

        clinic.Latitude = 3.1;
        Assert.Contains(Problems(clinic), p => p.StartsWith("Clinic:Latitude", StringComparison.Ordinal));
        clinic.Longitude = 101.6;
        Assert.Empty(Problems(clinic));
    }

    [Fact]
    public void Map_links_use_the_address_until_coordinates_are_set()
    {
        var clinic = RealClinic();
        Assert.False(clinic.HasCoordinates);
        Assert.StartsWith("https://www.google.com/maps/search/?api=1&query=Dr%20Chong%20Clinic%2C%201%20Test%20Street", clinic.GoogleMapsUrl, StringComparison.Ordinal);
        Assert.StartsWith("https://waze.com/ul?q=1%20Test%20Street", clinic.WazeUrl, StringComparison.Ordinal);
    }

    private static ClinicDetails RealClinic() => new()
    {
        StreetAddress = "1 Test Street (test settings)",
        Locality = "Kuala Lumpur",
        PostalCode = "50000",
        Phone = "+60 3-1234 5678",
        Email = "clinic@drchong-tests.my",
        PublicBaseUrl = "https://www.drchong-tests.my",
    };

    private static IReadOnlyList<string> Problems(ClinicDetails clinic) => ClinicPlaceholders.Problems(
        clinic,
        new ArticleReviewers { Reviewers = { ["medical-director"] = new ArticleReviewer { Name = "Test Reviewer", Credential = "MBBS (test)" } } },
        []);
}
