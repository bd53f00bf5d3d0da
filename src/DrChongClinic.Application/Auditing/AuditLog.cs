using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DrChongClinic.Application.Auditing;

/// <summary>
/// Records what staff did (schedule and account changes). Adds the entry to the context only: the
/// caller's SaveChanges stores it together with the change, so there is no change without its record.
/// </summary>
public sealed class AuditLog(IClinicDatabase db, TimeProvider clock)
{
    public void Record(string actor, string action, string subject, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Subject = subject,
            Details = details is null ? null : TextLength.Clip(details, 2000),
        });

    /// <summary>
    /// Saves a newly added row and its audit entry together. The entry names the row's new id, which
    /// exists only after the first save, so both saves share one transaction (inside the provider's
    /// execution strategy, as SQL Server's retrying strategy requires).
    /// </summary>
    public Task SaveNewAsync(string actor, string action, Func<string> subject, Func<string> details, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            Record(actor, action, subject(), details());
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Saves several newly added rows and an audit entry for each (subject and details per row), in one transaction.</summary>
    public Task SaveNewAsync(string actor, string action, Func<IEnumerable<(string Subject, string Details)>> entries, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (subject, details) in entries())
            {
                Record(actor, action, subject, details);
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>The rows and their audit entries in one transaction: the caller's, when it already holds one (a serialized change).</summary>
    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Runs the steps of one staff-account change (ASP.NET Core Identity calls, which save as they go) and saves
    /// its audit entry in the same transaction: a refused step leaves nothing changed and nothing recorded, and
    /// an entry that cannot be saved rolls the account change back. Stops at the first refused step.
    /// </summary>
    public Task<IdentityResult> SaveAccountChangeAsync(
        string actor, string action, string subject, string? details, params Func<Task<IdentityResult>>[] steps)
    {
        if (db.Database.CurrentTransaction is { } serialized)
        {
            // Inside the caller's transaction (a serialized change): a refused step is undone to a savepoint instead.
            return InSavepointAsync(serialized, () => StepsAsync(actor, action, subject, details, steps));
        }

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await StepsAsync(actor, action, subject, details, steps);
            if (result.Succeeded)
            {
                await transaction.CommitAsync();
            }

            return result;
        });
    }

    private static async Task<IdentityResult> InSavepointAsync(IDbContextTransaction transaction, Func<Task<IdentityResult>> work)
    {
        const string savepoint = "account_change";
        await transaction.CreateSavepointAsync(savepoint);
        var result = await work();
        if (!result.Succeeded)
        {
            await transaction.RollbackToSavepointAsync(savepoint);
        }

        return result;
    }

    private async Task<IdentityResult> StepsAsync(string actor, string action, string subject, string? details, Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result;
            }
        }

        Record(actor, action, subject, details);
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }
}
