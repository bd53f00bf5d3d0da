using DrChongClinic.Domain.Booking;

namespace DrChongClinic.UnitTests.Booking;

public class MalaysianMobileNumberTests
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
    [InlineData("010-123 4567", "+60101234567")]
    [InlineData("014-123 4567", "+60141234567")]
    public void Common_ways_of_writing_a_mobile_number_become_E164(string typed, string expected)
    {
        Assert.Equal(expected, MalaysianMobileNumber.ToE164(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("03-2345 6789")] // Kuala Lumpur landline
    [InlineData("015-4123 4567")] // internet telephony
    [InlineData("012-345 678")] // too short
    [InlineData("012-345 67890")] // too long for 012
    [InlineData("011-234 5678")] // 011 needs eight more digits
    [InlineData("+65 9123 4567")] // Singapore
    [InlineData("+1 212 555 0100")]
    [InlineData("012-345-6789 ext 2")]
    [InlineData("012345678901234567890123456789")]
    [InlineData("+6+0123456789")]
    [InlineData("١٢٣٤٥٦٧٨٩٠")] // non-ASCII digits
    public void Anything_that_is_not_a_Malaysian_mobile_number_is_refused(string? typed)
    {
        Assert.Null(MalaysianMobileNumber.ToE164(typed));
    }

    [Theory]
    [InlineData("+60123456789", "+60 12-345 6789")]
    [InlineData("+601123456789", "+60 11-2345 6789")]
    public void Stored_numbers_are_shown_in_a_readable_form(string stored, string shown)
    {
        Assert.Equal(shown, MalaysianMobileNumber.Display(stored));
    }
}
