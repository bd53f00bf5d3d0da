using System.Globalization;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.EndToEndTests.Infrastructure;

/// <summary>The browser site sending its emails to an in-process SMTP server, so a test can read them like a patient.</summary>
public sealed class EmailingBrowserSite : BrowserSite
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void Configure(ClinicFactory site) => site
        .With("Email:Host", "127.0.0.1")
        .With("Email:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
        .With("Email:Security", "None")
        .With("Email:From", "bookings@drchong.test")
        .With("Email:ClinicInbox", "frontdesk@drchong.test")
        .With("Email:RetryBackoff", "00:00:00.200");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
