using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// Runs the outbox in the background: every "Email:PollInterval" it queues due reminders and sends due
/// messages (<see cref="OutboxProcessor"/>). Everything it needs is in the database, so a restart loses nothing.
/// </summary>
internal sealed partial class OutboxSender(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
                await processor.QueueDueRemindersAsync(stoppingToken);
                await processor.SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable (or not migrated yet); the next pass tries again.
                LogPassFailed(e.GetType().Name, e);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Outbox pass failed ({Error}); trying again at the next pass")]
    private partial void LogPassFailed(string error, Exception exception);
}
