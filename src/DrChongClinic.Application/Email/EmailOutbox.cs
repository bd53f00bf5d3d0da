using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Application.Email;

/// <summary>
/// Records that an email is due (reminders, retries; the emails a booking change sends come from its
/// events, see <see cref="BookingEmails"/>). Adds the row to the context only: the caller's SaveChanges stores it
/// together with the change that causes it (transactional outbox). The outbox sender delivers it.
/// </summary>
public sealed class EmailOutbox(IClinicDatabase db, TimeProvider clock)
{
    /// <summary>Queue a message about this appointment, to be sent as soon as possible (or at <paramref name="dueAtUtc"/>).</summary>
    public void Enqueue(Appointment appointment, EmailKind kind, DateTime? dueAtUtc = null) =>
        db.OutboxMessages.Add(OutboxMessage.About(appointment, kind, clock.GetUtcNow().UtcDateTime, dueAtUtc));

    /// <summary>Staff's "send anyway" for a Held message: sent at the next pass, not held again (its first try is counted already).</summary>
    public void Release(IQueuedEmail message)
    {
        message.Status = OutboxStatus.Pending;
        message.Attempts = Math.Max(message.Attempts, 1);
        message.DueAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Staff's "try again" for a Failed message: it is sent at the next pass, with a fresh count of tries.</summary>
    public void Retry(IQueuedEmail message)
    {
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.DueAtUtc = clock.GetUtcNow().UtcDateTime;
    }
}
