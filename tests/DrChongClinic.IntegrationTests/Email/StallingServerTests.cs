using DrChongClinic.Application.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Email;

/// <summary>
/// Security review finding 7: a mail server that stalls after it has accepted a message (250 after DATA) made MailKit
/// time out on QUIT; the transport counted that as a failure and the message arrived two or three times.
/// </summary>
public sealed class StallingServerTests
{
    [Fact]
    public async Task A_server_that_stalls_on_quit_after_accepting_the_message_gets_it_exactly_once_and_the_row_is_sent()
    {
        const string patient = "stall@patients.test";
        var clock = new ManualClock();
        await using var smtp = new TestSmtpServer(stallOnQuit: TimeSpan.FromSeconds(3));
        using var site = new ClinicFactory().SendingTo(smtp)
            .With("Email:TimeoutSeconds", "1")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var booking = await BookAsync(site, Patient(patient), KualaLumpur(2031, 4, 1, 10, 0), needsConfirmation: true, EmailKind.BookingReceived);

        var first = await site.RunOutboxPassAsync();

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, first.WillRetry);
        var row = Assert.Single(await OutboxAsync(site, booking.Id));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);

        // Later passes, past any retry or claim time: nothing goes out again.
        for (var pass = 0; pass < 3; pass++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(0, (await site.RunOutboxPassAsync()).Sent);
        }

        Assert.Single(smtp.To(patient));
    }
}
