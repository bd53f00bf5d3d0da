using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;

namespace DrChongClinic.UnitTests.Booking;

/// <summary>The pieces of the caps against a mail cannon (security review finding 2) and of the hidden-text rule (finding 12).</summary>
public sealed class MailCannonRulesTests
{
    [Theory]
    [InlineData("Asy@Example.com", "asy@example.com")]
    [InlineData(" asy+clinic@example.com ", "asy@example.com")]
    [InlineData("A.Sy+x@GoogleMail.com", "asy@gmail.com")]
    [InlineData("a.sy@gmail.com", "asy@gmail.com")]
    [InlineData("a.sy@example.com", "a.sy@example.com")]
    public void One_mailbox_however_the_address_is_written(string email, string key) =>
        Assert.Equal(key, MailboxKey.Of(email));

    [Fact]
    public void The_caps_have_sane_defaults_and_refuse_impossible_values()
    {
        var policy = new BookingPolicy();

        Assert.Equal((3, 3, 3), (policy.MaxActiveBookingsPerEmail, policy.MaxActiveBookingsPerPhone, policy.MaxPatientReschedules));
        Assert.Empty(policy.Problems());
        Assert.NotEmpty(new BookingPolicy { MaxActiveBookingsPerEmail = 0 }.Problems());
        Assert.NotEmpty(new BookingPolicy { MaxPatientReschedules = -1 }.Problems());
    }

    [Theory]
    [InlineData("\u200B\u200B", true)]
    [InlineData("\u2800 \u3164", true)]
    [InlineData("Ali \u202Egpj.exe", true)]
    [InlineData("Ali \u2066x\u2069", true)]
    [InlineData("\u200FAli", true)]
    [InlineData("Nur Aisyah", false)]
    [InlineData("\u0646\u0648\u0631", false)]
    [InlineData("\u0B9A\u0BC1\u0BAA\u0BCD\u0BAA\u0BC8\u200D", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Hidden_text_is_only_invisible_characters_or_direction_controls(string? text, bool hidden) =>
        Assert.Equal(hidden, VisibleText.HasHiddenText(text));
}
