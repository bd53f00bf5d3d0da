using DrChongClinic.Application.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Email;

/// <summary>
/// The one test in which the hosted runners are on: the other tests run each pass themselves, this one proves
/// that the running site calls the outbox pass on its own (every Email:PollInterval, 100 ms in tests).
/// </summary>
public sealed class BackgroundRunnerTests
{
    [Fact]
    public async Task With_background_jobs_enabled_the_outbox_sends_without_being_asked()
    {
        using var site = new ClinicFactory().With("BackgroundJobs:Enabled", "true");
        _ = site.Services;

        var booking = await BookAsync(site, Patient("runner@patients.test"), KualaLumpur(2031, 4, 9, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        await TestSmtpServer.WaitUntilAsync(
            async () => Assert.Single(await OutboxAsync(site, booking.Id)).Status == OutboxStatus.Sent, "the background runner to send the message");
        Assert.Single(Directory.GetFiles(Path.Combine(site.Folder, "mail"), "*.eml"));
    }
}
