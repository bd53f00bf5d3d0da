using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Infrastructure.Email;

public enum EmailKind
{
    BookingReceived = 0,
    BookingConfirmed = 1,
    BookingRescheduled = 2,
    BookingCancelled = 3,
    Reminder = 4,
    ClinicNewBookingNotice = 5,
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// An email that is due. Written in the same SaveChanges as the change that causes it, so a booking
/// and its confirmation email are stored together or not at all; the outbox sender delivers it later.
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }

    public EmailKind Kind { get; set; }

    public int AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not before this time (reminders, retries with backoff).</summary>
    public DateTime DueAtUtc { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAtUtc { get; set; }
}
