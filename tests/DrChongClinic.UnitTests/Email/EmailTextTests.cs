using DrChongClinic.Application.Email;
using DrChongClinic.Infrastructure.Email;

namespace DrChongClinic.UnitTests.Email;

public sealed class EmailTextTests
{
    [Theory]
    [InlineData("Eve\r\nBcc: attacker@evil.test", "Eve Bcc: attacker@evil.test")]
    [InlineData("Line\nbreak\rand\ttab", "Line break and tab")]
    [InlineData("Unicode\u2028separator\u0085next", "Unicode separator next")]
    [InlineData("  Siti   Aminah  ", "Siti Aminah")]
    [InlineData(null, "")]
    public void Header_text_has_no_line_breaks_or_control_characters(string? input, string expected) =>
        Assert.Equal(expected, HeaderText.Clean(input));

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(5, 960)]
    [InlineData(9, 256 * 60)]
    [InlineData(10, 6 * 3600)]
    [InlineData(40, 6 * 3600)]
    public void Retries_back_off_exponentially_up_to_six_hours(int failedTries, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxPass.Backoff(TimeSpan.FromMinutes(1), failedTries));

    [Theory]
    [InlineData("en", "https://clinic.example/book/manage/abc")]
    [InlineData("ms", "https://clinic.example/ms/tempah/urus/abc")]
    public void Manage_links_follow_the_patients_language(string language, string expected) =>
        Assert.Equal(expected, ManageLink.Url("https://clinic.example/", language, "abc"));
}
