using DrChongClinic.Application.Booking;
using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.Infrastructure.Caching;

/// <summary>
/// Keeps this instance's cached public pages in step with changes made on other instances: every
/// <see cref="PollInterval"/> it reads the <see cref="CacheStamp"/> rows (one small primary-key read) and purges the
/// pages a moved stamp covers. A change made here is purged at once by <see cref="SchedulePurgeInterceptor"/>;
/// one made on another instance shows here within the poll interval plus a render.
/// </summary>
public sealed partial class CacheStampWatcher(IServiceScopeFactory scopes, IPublicPageCache cache, ScheduleCache schedules, SchedulePurgeInterceptor localSaves, ILogger<CacheStampWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private Guid? _schedule;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Database briefly away or not migrated yet: pages still expire on their own; try again next tick.
                LogCheckFailed(e.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Reads the stamps once; purges what moved since the last read (the first read purges too: pages may have been cached before it).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var schedule = await db.CacheStamps.AsNoTracking()
            .Where(s => s.Name == CacheStamp.Schedule).Select(s => (Guid?)s.Value).SingleOrDefaultAsync(cancellationToken);
        // The booking rules' copy is cheap to read again, so it goes on every change, this instance's too: a copy read
        // while a schedule change was still inside its transaction is then gone within a poll.
        if (schedule != _schedule)
        {
            schedules.Forget();
        }

        // A stamp this instance saved was purged here when it was saved: purging again a poll later would throw away pages
        // rendered since, for nothing.
        if (schedule != _schedule && schedule != localSaves.StampWrittenHere)
        {
            await cache.PurgeScheduleAsync(cancellationToken);
            LogPurged(CacheStamp.Schedule);
        }

        _schedule = schedule;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Debug, "Cached pages for {Stamp} purged: changed on another instance")]
    private partial void LogPurged(string stamp);

    [LoggerMessage(LogLevel.Warning, "Could not read the cache stamps ({Error}); trying again shortly")]
    private partial void LogCheckFailed(string error);
}
