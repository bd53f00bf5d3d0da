using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Email;

/// <summary>
/// The one Email:MaxPerRecipientPerDay cap for a patient's mailbox, whatever sent to it: the booking outbox
/// (<see cref="OutboxPass"/>) and the waitlist's (<see cref="Waitlist.WaitlistPass"/>) both ask it before a first try,
/// so a stranger who books and joins the waitlist with someone's address reaches the same cap, not one per outbox.
/// <para>
/// It counts patient emails marked Sent in the 24 hours before now, in both outboxes (clinic inbox notices are not
/// the patient's), as mailboxes (<see cref="MailboxKey"/>). Each query reads the (Status, SentAtUtc) index of its
/// table and narrows by the address's domain before the mailbox is compared in memory. Both passes send under the
/// one "outbox" <see cref="Background.WorkLease"/>, so no send can slip between a count and the send it allows.
/// </para>
/// </summary>
public sealed class MailboxDailyCap(IClinicDatabase db, IOptions<OutboxOptions> options)
{
    /// <summary>Email:MaxPerRecipientPerDay.</summary>
    public int Limit => options.Value.MaxPerRecipientPerDay;

    /// <summary>True when this address's mailbox already had <see cref="Limit"/> patient emails in the 24 hours before <paramref name="nowUtc"/>.</summary>
    public async Task<bool> IsReachedAsync(string? email, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var mailbox = MailboxKey.Of(email);
        var domain = "%@" + MailboxKey.DomainOf(email);
        var googleDomain = domain == "%@gmail.com" ? "%@googlemail.com" : domain;
        var since = nowUtc.AddDays(-1);
        var bookingEmails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Sent && m.SentAtUtc > since && !ClinicNotices.Kinds.Contains(m.Kind))
            .Where(m => EF.Functions.Like(m.Appointment!.Patient.Email, domain) || EF.Functions.Like(m.Appointment!.Patient.Email, googleDomain))
            .Select(m => m.Appointment!.Patient.Email)
            .ToListAsync(cancellationToken);
        var sent = bookingEmails.Count(e => MailboxKey.Of(e) == mailbox);
        if (sent >= Limit)
        {
            return true;
        }

        var waitlistEmails = await db.WaitlistMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Sent && m.SentAtUtc > since)
            .Where(m => EF.Functions.Like(m.Entry!.Patient.Email, domain) || EF.Functions.Like(m.Entry!.Patient.Email, googleDomain))
            .Select(m => m.Entry!.Patient.Email)
            .ToListAsync(cancellationToken);
        return sent + waitlistEmails.Count(e => MailboxKey.Of(e) == mailbox) >= Limit;
    }
}
