using DrChongClinic.Domain.Booking;
using Ical.Net.DataTypes;
using MimeKit;

namespace DrChongClinic.UnitTests.Booking;

/// <summary>
/// The email rule accepts what the clinic's mailer (MimeKit) and calendar invitations (Ical.Net) can carry, and
/// nothing that would be a second mailbox for the same inbox (patient-side sweep findings 1 and 2).
/// </summary>
public sealed class SendableEmailTests
{
    public static TheoryData<string> Sendable =>
    [
        "aisyah@example.com",
        "nur.aisyah+clinic@example.com.my",
        "ali_o'brien-tan@mail.example.org",
        "x@a.co",
        "UPPER.Case@Example.COM",
        "siti@kedai-bunga.my",
        "pesakit@bücher.de",
        new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 57),
    ];

    public static TheoryData<string> NotSendable =>
    [
        ".a@example.com",
        "a.@example.com",
        "a..b@example.com",
        "mailto:a@example.com",
        "a@[127.0.0.1]",
        "a@127.0.0.1",
        "a@localhost",
        "\"quoted\"@example.com",
        "a(comment)@example.com",
        "a@example..com",
        "a@.example.com",
        "a@example.com.",
        "a@-example.com",
        "a@example-.com",
        "a@exam_ple.com",
        "a b@example.com",
        "a@b@example.com",
        "@example.com",
        "a@",
        "Ali <a@example.com>",
        "a@example.com,b@example.com",
        "capcheck@example.com\u200b",
        "cap\u200bcheck@example.com",
        "a@exam\u00adple.com",
        "a@example.com\u2060",
        "a@ex\u202eample.com",
        "\u202ea@example.com",
        "a\u0000@example.com",
        "a\r\nBcc: x@example.com",
        "ali\u00e9@example.com",
        "a@example.\ud83d\ude00",
        new string('a', 65) + "@example.com",
        "a@" + new string('b', 64) + ".com",
        "a#b@example.com",
        "a%41@example.com",
        "a?subject=x@example.com",
        "a{b}@example.com",
    ];

    [Theory]
    [MemberData(nameof(Sendable))]
    public void An_accepted_address_becomes_an_email_recipient_and_a_calendar_attendee(string email)
    {
        Assert.True(SendableEmail.Accepts(email));

        var mailbox = MailboxAddress.Parse(email);
        Assert.Equal(email, mailbox.Address);
        _ = new Attendee("mailto:" + email);
    }

    /// <summary>Without ICU too (the site runs without it): a mail server without SMTPUTF8 gets the domain as punycode.</summary>
    [Fact]
    public void An_international_domain_is_sent_as_punycode()
    {
        Assert.Equal("pesakit@xn--bcher-kva.de", MailboxAddress.Parse("pesakit@bücher.de").GetAddress(idnEncode: true));
        Assert.Equal("bücher.de", new System.Globalization.IdnMapping().GetUnicode("xn--bcher-kva.de"));
    }

    [Theory]
    [MemberData(nameof(NotSendable))]
    public void Anything_else_is_refused(string email) => Assert.False(SendableEmail.Accepts(email));

    [Fact]
    public void Nothing_and_the_longest_address_plus_one_are_refused()
    {
        Assert.False(SendableEmail.Accepts(null));
        Assert.False(SendableEmail.Accepts(""));
        var longest = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 61);
        Assert.Equal(SendableEmail.MaxLength, longest.Length);
        Assert.True(SendableEmail.Accepts(longest));
        Assert.False(SendableEmail.Accepts(longest + "d"));
    }
}
