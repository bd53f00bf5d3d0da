using DrChongClinic.Application.Background;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Privacy;

/// <summary>What one retention pass did.</summary>
public sealed record RetentionPassResult(int Anonymized);

/// <summary>
/// PDPA retention: bookings whose appointment is more than "Privacy:RetentionMonths" in the past lose the patient's
/// personal data (<see cref="Appointment.Anonymize"/>). Runs at start-up and then once a day, on one app instance at a
/// time (the "retention" <see cref="WorkLease"/>, renewed after each batch).
/// </summary>
public sealed partial class PatientDataRetentionPass(
    IClinicDatabase db, WorkLeases leases, ClinicClock clock, IOptions<PrivacyOptions> privacy, ILogger<PatientDataRetentionPass> logger)
    : IBackgroundPass<RetentionPassResult>
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    public const string LeaseName = "retention";

    private static readonly int BatchSize = 500;

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    /// <summary>Anonymises every booking past the retention period, a batch at a time until none is left.</summary>
    public async Task<RetentionPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryTakeAsync(LeaseName, LeaseDuration, cancellationToken);
        if (lease is null)
        {
            return new RetentionPassResult(0); // running on another instance
        }

        var cutoff = clock.UtcNow.AddMonths(-privacy.Value.RetentionMonths);
        var total = 0;
        int anonymized;
        do
        {
            anonymized = await AnonymizeBatchAsync(cutoff, cancellationToken);
            total += anonymized;
        }
        while (anonymized > 0 && await lease.RenewAsync(cancellationToken));

        return new RetentionPassResult(total);
    }

    private async Task<int> AnonymizeBatchAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var expired = await db.Appointments
            .Include(a => a.History)
            .Where(a => a.StartUtc < cutoff && a.Patient.Name != Appointment.AnonymizedName)
            .OrderBy(a => a.Id)
            .Take(BatchSize)
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
