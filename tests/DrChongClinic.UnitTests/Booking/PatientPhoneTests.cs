using DrChongClinic.Application.Clinic;

namespace DrChongClinic.UnitTests.Booking;

public class PatientPhoneTests
{
    [Theory]
    [InlineData("012-345 6789", "+60123456789")]
    [InlineData("0123456789", "+60123456789")]
    [InlineData("+6012-345 6789", "+60123456789")]
    [InlineData("+60 12 345 6789", "+60123456789")]
    [InlineData("60123456789", "+60123456789")]
    [InlineData("+60 012-345 6789", "+60123456789")]
    [InlineData(" (019) 876.5432 ", "+60198765432")]
    [InlineData("011-2345 6789", "+601123456789")]
    [InlineData("+60 11-2345 6789", "+601123456789")]
    [InlineData("010-212 3456", "+60102123456")]
    [InlineData("014-312 3456", "+60143123456")]
    public void Malaysian_mobile_numbers_as_people_type_them_become_E164(string typed, string expected)
    {
        Assert.Equal(expected, PatientPhone.ToE164(typed));
    }

    [Theory]
    [InlineData("+65 9123 4567", "+6591234567")] // Singapore
    [InlineData("+62 812-3456-7890", "+6281234567890")] // Indonesia
    [InlineData("+44 7911 123456", "+447911123456")] // United Kingdom
    [InlineData("+1 212-555-0123", "+12125550123")] // United States (mobile and landline numbers look alike)
    public void International_mobile_numbers_with_their_country_code_are_accepted(string typed, string expected)
    {
        Assert.Equal(expected, PatientPhone.ToE164(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("012-345 678")] // too short
    [InlineData("012-345 67890")] // too long for 012
    [InlineData("011-234 5678")] // 011 needs eight more digits
    [InlineData("9123 4567")] // a Singapore number without its country code is not a Malaysian one
    [InlineData("012-345-6789 ext 2")]
    [InlineData("1-800-FLOWERS")]
    [InlineData("012345678901234567890123456789")]
    [InlineData("+6+0123456789")]
    [InlineData("+999 1234 5678")] // no such country code
    [InlineData("١٢٣٤٥٦٧٨٩٠")] // non-ASCII digits
    public void Anything_that_is_not_a_phone_number_is_refused_as_invalid(string? typed)
    {
        Assert.False(PatientPhone.TryRead(typed, out _, out var problem));
        Assert.Equal(PhoneNumberProblem.Invalid, problem);
    }

    [Theory]
    [InlineData("03-2345 6789")] // Kuala Lumpur landline
    [InlineData("+65 6123 4567")] // Singapore landline
    public void Landlines_are_refused_as_not_mobile(string typed)
    {
        Assert.False(PatientPhone.TryRead(typed, out _, out var problem));
        Assert.Equal(PhoneNumberProblem.NotMobile, problem);
    }

    [Theory]
    [InlineData("+60123456789", "+60 12-345 6789")]
    [InlineData("+601123456789", "+60 11-2345 6789")]
    [InlineData("+6591234567", "+65 9123 4567")]
    [InlineData("not a number", "not a number")]
    public void Stored_numbers_are_shown_in_a_readable_form(string stored, string shown)
    {
        Assert.Equal(shown, PatientPhone.Display(stored));
    }

    [Theory]
    [InlineData("+60 12-345 6789", "60123456789")]
    [InlineData("012-345 6789", "60123456789")]
    [InlineData("+60 3-2345 6789", "60323456789")]
    [InlineData("+65 9123 4567", "6591234567")]
    [InlineData("", null)]
    [InlineData("to be confirmed", null)]
    public void WhatsApp_links_take_the_number_with_its_country_code_and_no_plus(string configured, string? digits)
    {
        Assert.Equal(digits, PatientPhone.WhatsAppDigits(configured));
    }
}
