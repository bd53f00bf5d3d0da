using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Email;

/// <summary>An email the outbox gave up on.</summary>
public sealed record FailedEmail(int Id, EmailKind Kind, DateTime CreatedAtUtc, int Attempts, string? LastError, int AppointmentId, string Reference, bool Held = false);

/// <summary>A waitlist email the waitlist pass gave up on or held; <paramref name="FirstDay"/> is the first day the entry waits for.</summary>
public sealed record FailedWaitlistEmail(int Id, WaitlistEmailKind Kind, DateTime CreatedAtUtc, int Attempts, string? LastError, int EntryId, DateOnly FirstDay, bool Held);

public enum EmailRetryOutcome
{
    Retried,
    NotFound,

    /// <summary>The email is not (or no longer) failed: nothing was changed.</summary>
    NotFailed,
}

/// <summary>
/// Emails the outbox and the waitlist pass gave up on (status Failed) or held back (status Held, too many to one
/// address), and staff's audited "try again" / "send anyway".
/// </summary>
public sealed class FailedEmails(IClinicDatabase db, EmailOutbox outbox, AuditLog audit)
{
    private const string RetryLock = "email-retries";

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<FailedEmail>> ListAsync(CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Held)
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new FailedEmail(m.Id, m.Kind, m.CreatedAtUtc, m.Attempts, m.LastError, m.AppointmentId, m.Appointment!.Reference, m.Status == OutboxStatus.Held))
            .ToListAsync(cancellationToken);

    /// <summary>The waitlist's failed and held emails, newest first.</summary>
    public async Task<IReadOnlyList<FailedWaitlistEmail>> ListWaitlistAsync(CancellationToken cancellationToken) =>
        await db.WaitlistMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Held)
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new FailedWaitlistEmail(m.Id, m.Kind, m.CreatedAtUtc, m.Attempts, m.LastError, m.EntryId, m.Entry!.FirstDay, m.Status == OutboxStatus.Held))
            .ToListAsync(cancellationToken);

    /// <summary>A booking's email: sent again at the outbox's next pass (see <see cref="RetryQueuedAsync"/>).</summary>
    public Task<EmailRetryOutcome> RetryAsync(int id, string actor, CancellationToken cancellationToken) =>
        db.SerializedAsync(RetryLock, async () =>
        {
            var message = await db.OutboxMessages.Include(m => m.Appointment).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            return await RetryQueuedAsync(message, actor, $"Email {id}", () => $"{message!.Kind} for booking {message.Appointment!.Reference}", cancellationToken);
        }, cancellationToken);

    /// <summary>A waitlist email: sent again at the waitlist pass's next run (see <see cref="RetryQueuedAsync"/>).</summary>
    public Task<EmailRetryOutcome> RetryWaitlistAsync(int id, string actor, CancellationToken cancellationToken) =>
        db.SerializedAsync(RetryLock, async () =>
        {
            var message = await db.WaitlistMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            return await RetryQueuedAsync(message, actor, $"Waitlist email {id}", () => $"{message!.Kind} for waitlist entry {message.EntryId}", cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A held email is released (sent at the next pass, not held again); a failed one is tried again with a fresh count
    /// of tries; anything else is left as it is. The change and its audit entry are saved together. Callers run it one
    /// at a time (<see cref="RetryLock"/>): two clicks at once would otherwise both find the email failed, record it
    /// twice and could queue it again after the first retry had sent it.
    /// </summary>
    private async Task<EmailRetryOutcome> RetryQueuedAsync(IQueuedEmail? message, string actor, string subject, Func<string> details, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            return EmailRetryOutcome.NotFound;
        }

        if (message.Status == OutboxStatus.Held)
        {
            outbox.Release(message);
            audit.Record(actor, "email.released", subject, details());
        }
        else if (message.Status == OutboxStatus.Failed)
        {
            outbox.Retry(message);
            audit.Record(actor, "email.retried", subject, details());
        }
        else
        {
            return EmailRetryOutcome.NotFailed;
        }

        await db.SaveChangesAsync(cancellationToken);
        return EmailRetryOutcome.Retried;
    }
}
