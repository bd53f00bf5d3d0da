using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Privacy;

/// <summary>
/// PDPA retention: bookings whose appointment is more than "Privacy:RetentionMonths" in the past lose the patient's
/// personal data (<see cref="Appointment.Anonymize"/>). Runs at start-up and then once a day.
/// </summary>
public sealed partial class PatientDataRetention(
    ClinicDbContext db, TimeProvider clock, IOptions<PrivacyOptions> privacy, ILogger<PatientDataRetention> logger)
{
    /// <summary>Anonymises every booking past the retention period; returns how many.</summary>
    public async Task<int> AnonymizeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-privacy.Value.RetentionMonths);
        var expired = await db.Appointments
            .Include(a => a.History)
            .Where(a => a.StartUtc < cutoff && a.Patient.Name != Appointment.AnonymizedName)
            .OrderBy(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        var ids = expired.Select(a => a.Id).ToList();
        foreach (var appointment in expired)
        {
            appointment.Anonymize(ManageToken.Hash(ManageToken.New()));
        }

        // Failed e-mails can quote an address in their error text.
        await db.OutboxMessages.Where(m => ids.Contains(m.AppointmentId) && m.LastError != null)
            .ForEachAsync(m => m.LastError = null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogAnonymized(expired.Count, cutoff);
        return expired.Count;
    }

    [LoggerMessage(LogLevel.Information, "Retention: anonymised {Count} bookings from before {CutoffUtc:u}")]
    private partial void LogAnonymized(int count, DateTime cutoffUtc);
}

/// <summary>Runs <see cref="PatientDataRetention"/> at start-up and every 24 hours.</summary>
public sealed partial class PatientDataRetentionJob(IServiceScopeFactory scopes, ILogger<PatientDataRetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var retention = scope.ServiceProvider.GetRequiredService<PatientDataRetention>();
                // Batches of 500; keep going until nothing is left.
                while (await retention.AnonymizeExpiredAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Retention run failed ({Error}); trying again tomorrow")]
    private partial void LogFailed(string error);
}

public static class PrivacySetup
{
    public static IServiceCollection AddClinicPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PatientDataRetention>();
        services.AddHostedService<PatientDataRetentionJob>();
        return services;
    }
}
