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
/// the patient's), as mailboxes (<see cref="MailboxKey"/>), by the mailbox stored beside each address
/// (<c>PatientMailbox</c>). The booking count starts from that column's index on Appointments, so it reads this
/// mailbox's bookings and their emails, however many emails went to other addresses that day; the waitlist count
/// reads the day's sent waitlist emails. It used to read every email sent in 24 hours to the address's domain and
/// compare mailboxes in memory: with most patients on gmail.com, a burst of bookings made each send read every send
/// before it (docs/performance.md, tenth pass). Both passes send under the one "outbox" <see cref="Background.WorkLease"/>,
/// so no send can slip between a count and the send it allows.
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
        var since = nowUtc.AddDays(-1);
        // The status is compared here, not in SQL: with it in the query, SQLite would rather walk the (Status, SentAtUtc)
        // index over every email sent that day; without it, the mailbox index leads. Only a send sets SentAtUtc.
        var statuses = await db.OutboxMessages
            .Where(m => m.Appointment!.Patient.Mailbox == mailbox && m.SentAtUtc > since && !ClinicNotices.Kinds.Contains(m.Kind))
            .Select(m => m.Status)
            .ToListAsync(cancellationToken);
        var sent = statuses.Count(status => status == OutboxStatus.Sent);
        if (sent >= Limit)
        {
            return true;
        }

        // Waitlist emails are few: this one walks the day's sent waitlist emails by their (Status, SentAtUtc) index.
        var waitlistSent = await db.WaitlistMessages
            .CountAsync(m => m.Status == OutboxStatus.Sent && m.SentAtUtc > since && m.Entry!.Patient.Mailbox == mailbox, cancellationToken);
        return sent + waitlistSent >= Limit;
    }
}
