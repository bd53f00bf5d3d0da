using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DrChongClinic.Web.Security;

/// <summary>
/// Readiness (/healthz): the database answers and accepts a write. A read-only file, a full disk or an I/O error
/// lets reads through but refuses every booking, so the probe writes: it rewrites the migration history rows
/// with their own values inside a transaction and rolls back, leaving nothing changed.
/// </summary>
public sealed class DatabaseWriteHealthCheck(ClinicDbContext db) : IHealthCheck
{
    /// <summary>A constant statement (no input): a write that changes nothing, rolled back anyway.</summary>
    internal const string WriteProbe = "UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\"";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(WriteProbe, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database cannot be written.", exception);
        }
    }
}
