using System.Globalization;

namespace DrChongClinic.Domain.Booking;

/// <summary>What happened to a booking, as one line of its history records it.</summary>
public enum AppointmentChangeKind
{
    Requested,
    BookedAndConfirmed,
    Confirmed,
    Rescheduled,
    Cancelled,
    Completed,
    NoShow,
    NotesEdited,
    NotesCleared,
}

/// <summary>
/// One line of an appointment's history: who did what, when. The facts are kept apart (a kind, the cancellation
/// reason, the times a reschedule moved between) so pages can word them in clinic time and erasure can clear the reason.
/// </summary>
public sealed class AppointmentChange
{
    private AppointmentChange()
    {
    }

    public int Id { get; private set; }

    public int AppointmentId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public ChangedBy By { get; private set; }

    /// <summary>Staff user name when By is Staff; never patient data.</summary>
    public string? Actor { get; private set; }

    public AppointmentChangeKind Kind { get; private set; }

    /// <summary>The reason given when cancelling; personal data, cleared when the booking is anonymised.</summary>
    public string? Reason { get; private set; }

    /// <summary>With <see cref="AppointmentChangeKind.Rescheduled"/>: the start it moved from.</summary>
    public DateTime? FromStartUtc { get; private set; }

    /// <summary>With <see cref="AppointmentChangeKind.Rescheduled"/>: the start it moved to.</summary>
    public DateTime? ToStartUtc { get; private set; }

    /// <summary>The line in plain English with times in UTC (exports); staff pages word it in clinic time.</summary>
    public string What => Kind switch
    {
        AppointmentChangeKind.Requested => "Booking requested",
        AppointmentChangeKind.BookedAndConfirmed => "Booked and confirmed",
        AppointmentChangeKind.Confirmed => "Confirmed",
        AppointmentChangeKind.Rescheduled => string.Create(CultureInfo.InvariantCulture, $"Rescheduled from {FromStartUtc:yyyy-MM-dd HH:mm} UTC to {ToStartUtc:yyyy-MM-dd HH:mm} UTC"),
        AppointmentChangeKind.Cancelled => Reason is null ? "Cancelled" : $"Cancelled: {Reason}",
        AppointmentChangeKind.Completed => "Marked completed",
        AppointmentChangeKind.NoShow => "Marked no-show",
        AppointmentChangeKind.NotesEdited => "Internal notes edited",
        _ => "Internal notes cleared",
    };

    internal static AppointmentChange Of(
        AppointmentChangeKind kind, DateTime atUtc, ChangedBy by, string? actor, string? reason = null, DateTime? fromStartUtc = null, DateTime? toStartUtc = null) =>
        new() { Kind = kind, AtUtc = atUtc, By = by, Actor = actor, Reason = reason, FromStartUtc = fromStartUtc, ToStartUtc = toStartUtc };

    internal void ForgetReason() => Reason = null;
}
