using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Application.Email;

public enum EmailKind
{
    BookingReceived = 0,
    BookingConfirmed = 1,
    BookingRescheduled = 2,
    BookingCancelled = 3,
    Reminder = 4,
    ClinicNewBookingNotice = 5,

    /// <summary>To the clinic inbox: a patient moved their booking with the manage link.</summary>
    ClinicRescheduleNotice = 6,

    /// <summary>To the clinic inbox: a patient cancelled their booking with the manage link.</summary>
    ClinicCancellationNotice = 7,

    /// <summary>To the patient: every session of the course just booked, with a calendar file per session.</summary>
    CourseBooked = 8,

    /// <summary>To the clinic inbox: a course was booked (every session listed).</summary>
    ClinicCourseNotice = 9,

    /// <summary>To the patient: the sessions of a course cancelled together, in one email, with a calendar file to remove each.</summary>
    CourseCancelled = 10,

    /// <summary>To the clinic inbox: a patient cancelled the rest of their course with the manage link (every cancelled session listed).</summary>
    ClinicCourseCancellationNotice = 11,
}

/// <summary>Which emails go to the clinic inbox rather than the patient.</summary>
public static class ClinicNotices
{
    /// <summary>Every kind sent to the clinic inbox (an array, so a database query can ask <c>Kinds.Contains(m.Kind)</c>).</summary>
    public static readonly EmailKind[] Kinds =
        [EmailKind.ClinicNewBookingNotice, EmailKind.ClinicRescheduleNotice, EmailKind.ClinicCancellationNotice, EmailKind.ClinicCourseNotice, EmailKind.ClinicCourseCancellationNotice];

    public static bool IsClinicNotice(this EmailKind kind) => Kinds.Contains(kind);

    /// <summary>
    /// The later kinds about the same booking, to the same reader, that make a message of this kind say nothing new. A
    /// message describes the booking as it is when sent, so a move followed by another move or a cancel would repeat
    /// the newer state (a "moved" email with a calendar entry for a booking already cancelled): only the newest is sent.
    /// Empty for kinds that are always sent (the first email about a booking carries its manage link).
    /// </summary>
    public static EmailKind[] SupersededBy(this EmailKind kind) => kind switch
    {
        EmailKind.BookingRescheduled => [EmailKind.BookingRescheduled, EmailKind.BookingCancelled],
        EmailKind.ClinicRescheduleNotice => [EmailKind.ClinicRescheduleNotice, EmailKind.ClinicCancellationNotice],
        _ => [],
    };

    /// <summary>The course emails, which list the course's sessions (<see cref="EmailFacts.CourseSessions"/>).</summary>
    public static bool ListsCourse(this EmailKind kind) =>
        kind is EmailKind.CourseBooked or EmailKind.ClinicCourseNotice or EmailKind.CourseCancelled or EmailKind.ClinicCourseCancellationNotice;

    /// <summary>The course emails about sessions cancelled together.</summary>
    public static bool IsCourseCancellation(this EmailKind kind) => kind is EmailKind.CourseCancelled or EmailKind.ClinicCourseCancellationNotice;
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent because it no longer applied (a reminder for an appointment since cancelled or moved).</summary>
    Skipped = 3,

    /// <summary>
    /// Not sent because its address already had Email:MaxPerRecipientPerDay emails in the last 24 hours (a stranger may
    /// have booked with it). Never dropped: staff see it with the failed emails and can send it anyway.
    /// </summary>
    Held = 4,
}

/// <summary>What staff's "try again" and "send anyway" change, the same for a booking's and a waitlist email.</summary>
public interface IQueuedEmail
{
    DateTime DueAtUtc { get; set; }

    OutboxStatus Status { get; set; }

    int Attempts { get; set; }
}

/// <summary>
/// An email that is due. Written in the same SaveChanges as the change that causes it, so a booking
/// and its confirmation email are stored together or not at all; the outbox sender delivers it later.
/// </summary>
public sealed class OutboxMessage : IQueuedEmail
{
    public int Id { get; set; }

    public EmailKind Kind { get; set; }

    public int AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    /// <summary>The appointment's start time when the message was queued; a reminder is sent once per start time.</summary>
    public DateTime AppointmentStartUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not before this time (reminders, retries with backoff).</summary>
    public DateTime DueAtUtc { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>Tries so far, counted when a try starts.</summary>
    public int Attempts { get; set; }

    /// <summary>What the mail server (or the message builder) said on the last failed try; no personal data is added.</summary>
    public string? LastError { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>A message about this appointment, due at <paramref name="dueAtUtc"/> (default: now).</summary>
    public static OutboxMessage About(Appointment appointment, EmailKind kind, DateTime nowUtc, DateTime? dueAtUtc = null) => new()
    {
        Kind = kind,
        Appointment = appointment,
        AppointmentStartUtc = appointment.StartUtc,
        CreatedAtUtc = nowUtc,
        DueAtUtc = dueAtUtc ?? nowUtc,
        Status = OutboxStatus.Pending,
    };
}
