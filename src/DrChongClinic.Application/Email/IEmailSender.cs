using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Application.Email;

/// <summary>Everything an email says, gathered by the outbox from the database.</summary>
public sealed record EmailFacts(OutboxMessage Message, Appointment Appointment, Treatment Treatment, string PractitionerName, int CalendarSequence)
{
    /// <summary>For course emails: every session of the course, in order, with its doctor's name.</summary>
    public IReadOnlyList<(Appointment Session, string PractitionerName)> CourseSessions { get; init; } = [];

    /// <summary>For the course cancellation email: each listed session's calendar SEQUENCE (by appointment id).</summary>
    public IReadOnlyDictionary<int, int> CourseSequences { get; init; } = new Dictionary<int, int>();
}

/// <summary>
/// Writes the email for an outbox row and hands it to the mail server (Infrastructure: wording, calendar file,
/// MailKit or the pickup folder). The outbox decides what to send and when; this only sends.
/// </summary>
public interface IEmailSender
{
    /// <summary>The longest one send may take before it counts as failed; a claimed message is held at least this long.</summary>
    TimeSpan SendTimeout { get; }

    /// <summary>
    /// Sends the message. Throws <see cref="EmailNotComposedException"/> when the message could not be written (trying
    /// again would write the same broken message); any other exception means the server did not accept it.
    /// </summary>
    Task SendAsync(EmailFacts facts, CancellationToken cancellationToken);
}

/// <summary>The email could not be written from its facts; its inner exception says why.</summary>
public sealed class EmailNotComposedException(Exception inner) : Exception($"{inner.GetType().Name}: {inner.Message}", inner);
