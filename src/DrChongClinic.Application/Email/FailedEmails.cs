using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Email;

/// <summary>An email the outbox gave up on.</summary>
public sealed record FailedEmail(int Id, EmailKind Kind, DateTime CreatedAtUtc, int Attempts, string? LastError, int AppointmentId, string Reference, bool Held = false);

public enum EmailRetryOutcome
{
    Retried,
    NotFound,

    /// <summary>The email is not (or no longer) failed: nothing was changed.</summary>
    NotFailed,
}

/// <summary>Emails the outbox gave up on (status Failed) or held back (status Held, too many to one address), and staff's audited "try again" / "send anyway".</summary>
public sealed class FailedEmails(IClinicDatabase db, EmailOutbox outbox, AuditLog audit)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<FailedEmail>> ListAsync(CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Held)
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new FailedEmail(m.Id, m.Kind, m.CreatedAtUtc, m.Attempts, m.LastError, m.AppointmentId, m.Appointment!.Reference, m.Status == OutboxStatus.Held))
            .ToListAsync(cancellationToken);

    /// <summary>Sends a failed email again at the outbox's next pass, with a fresh count of tries; the retry and its audit entry are saved together.</summary>
    public async Task<EmailRetryOutcome> RetryAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.Include(m => m.Appointment).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return EmailRetryOutcome.NotFound;
        }

        if (message.Status == OutboxStatus.Held)
        {
            outbox.Release(message);
            audit.Record(actor, "email.released", $"Email {id}", $"{message.Kind} for booking {message.Appointment!.Reference}");
            await db.SaveChangesAsync(cancellationToken);
            return EmailRetryOutcome.Retried;
        }

        if (message.Status != OutboxStatus.Failed)
        {
            return EmailRetryOutcome.NotFailed;
        }

        outbox.Retry(message);
        audit.Record(actor, "email.retried", $"Email {id}", $"{message.Kind} for booking {message.Appointment!.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        return EmailRetryOutcome.Retried;
    }
}
