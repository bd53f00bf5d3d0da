using DrChongClinic.Application.Background;
using DrChongClinic.Application.Email;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>
/// Tests run the background passes themselves (ClinicFactory switches the hosted runners off), then check the rows
/// and the emails: no waiting for a timer, and a pass that did nothing shows up as a failed assertion.
/// </summary>
public static class BackgroundPasses
{
    /// <summary>One pass, in its own scope, as the hosted runner calls it.</summary>
    public static async Task<TResult> RunPassAsync<TPass, TResult>(this ClinicFactory site)
        where TPass : IBackgroundPass<TResult>
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TPass>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>One outbox pass: queue due reminders, send due messages.</summary>
    public static Task<OutboxPassResult> RunOutboxPassAsync(this ClinicFactory site) => site.RunPassAsync<OutboxPass, OutboxPassResult>();

    /// <summary>
    /// Runs outbox passes until one changes nothing (a later message about an appointment waits for the earlier one,
    /// so it goes out in the next pass, as with the hosted runner); returns how many messages were sent.
    /// </summary>
    public static async Task<int> SendDueEmailsAsync(this ClinicFactory site)
    {
        var sent = 0;
        for (var pass = 0; pass < 10; pass++)
        {
            var result = await site.RunOutboxPassAsync();
            sent += result.Sent;
            if (result.Sent + result.Skipped + result.Failed == 0)
            {
                break;
            }
        }

        return sent;
    }

    /// <summary>Sends what is due (<see cref="SendDueEmailsAsync"/>), then returns everything the server has received for <paramref name="address"/>.</summary>
    public static async Task<IReadOnlyList<ReceivedEmail>> SendEmailsAsync(this ClinicFactory site, TestSmtpServer smtp, string address)
    {
        await site.SendDueEmailsAsync();
        return smtp.To(address);
    }
}
