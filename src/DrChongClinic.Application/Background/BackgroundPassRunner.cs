using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Background;

/// <summary>
/// Runs one background pass at start-up and then every <c>interval</c>, each pass in its own scope, while
/// "BackgroundJobs:Enabled" is true. A failed pass is logged and the next one tries again: everything a pass
/// needs is in the database, so nothing is lost.
/// </summary>
public sealed partial class BackgroundPassRunner<TPass, TResult>(
    IServiceScopeFactory scopes,
    IOptions<BackgroundJobOptions> options,
    TimeSpan interval,
    ILogger<BackgroundPassRunner<TPass, TResult>> logger) : BackgroundService
    where TPass : IBackgroundPass<TResult>
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogSwitchedOff(typeof(TPass).Name);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<TPass>().RunOnceAsync(stoppingToken);
                LogPassDone(typeof(TPass).Name, result);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable (or not migrated yet); the next pass tries again.
                LogPassFailed(typeof(TPass).Name, e.GetType().Name, e);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "{Pass} is not run in the background (BackgroundJobs:Enabled is false)")]
    private partial void LogSwitchedOff(string pass);

    [LoggerMessage(LogLevel.Debug, "{Pass} done: {Result}")]
    private partial void LogPassDone(string pass, TResult? result);

    [LoggerMessage(LogLevel.Error, "{Pass} failed ({Error}); trying again at the next pass")]
    private partial void LogPassFailed(string pass, string error, Exception exception);
}

public static class BackgroundPassServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pass (scoped, so tests can resolve and run it) and the hosted runner that calls it every <paramref name="interval"/>.
    /// Every instance runs the runner; a pass that must not run on two instances at once takes a <see cref="WorkLeases"/> lease first.
    /// </summary>
    public static IServiceCollection AddBackgroundPass<TPass, TResult>(this IServiceCollection services, Func<IServiceProvider, TimeSpan> interval)
        where TPass : class, IBackgroundPass<TResult>
    {
        services.AddOptions<BackgroundJobOptions>().BindConfiguration(BackgroundJobOptions.Section);
        services.AddScoped<TPass>();
        services.TryAddScoped<WorkLeases>();
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<BackgroundPassRunner<TPass, TResult>>(provider, interval(provider)));
        return services;
    }
}
