namespace DrChongClinic.Domain.Booking;

/// <summary>
/// Something that happened to a booking. Raised by <see cref="Appointment"/>'s guarded methods and turned into
/// emails (and audit entries) when the change is saved, in the same transaction.
/// </summary>
public abstract record AppointmentEvent(Appointment Appointment, ChangedBy By, string? Actor);

/// <summary>A new booking: requested (online, when the clinic confirms by hand) or booked and confirmed.</summary>
public sealed record AppointmentBooked(Appointment Appointment, ChangedBy By, string? Actor) : AppointmentEvent(Appointment, By, Actor);

public sealed record AppointmentConfirmed(Appointment Appointment, string Actor) : AppointmentEvent(Appointment, ChangedBy.Staff, Actor);

public sealed record AppointmentRescheduled(Appointment Appointment, ChangedBy By, string? Actor, DateTime FromStartUtc)
    : AppointmentEvent(Appointment, By, Actor);

public sealed record AppointmentCancelled(Appointment Appointment, ChangedBy By, string? Actor) : AppointmentEvent(Appointment, By, Actor)
{
    /// <summary>Cancelled with the rest of its course: the one <see cref="CourseCancelled"/> email speaks for it.</summary>
    public bool WithCourse { get; init; }
}

public sealed record AppointmentCompleted(Appointment Appointment, string Actor) : AppointmentEvent(Appointment, ChangedBy.Staff, Actor);

public sealed record AppointmentMarkedNoShow(Appointment Appointment, string Actor) : AppointmentEvent(Appointment, ChangedBy.Staff, Actor);

public sealed record AppointmentNotesEdited(Appointment Appointment, string Actor) : AppointmentEvent(Appointment, ChangedBy.Staff, Actor);

/// <summary>A course was booked: raised by its first session once the later ones are booked in the same save (one email lists them all).</summary>
public sealed record CourseBooked(Appointment Appointment, int Sessions, ChangedBy By, string? Actor) : AppointmentEvent(Appointment, By, Actor);

/// <summary>
/// The sessions still to come of a course were cancelled together: raised by the first of them once all are cancelled in
/// the same save (one email lists them all).
/// </summary>
public sealed record CourseCancelled(Appointment Appointment, int Sessions, ChangedBy By, string? Actor) : AppointmentEvent(Appointment, By, Actor);
