using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Application.Booking;

/// <summary>A request to book, from the public form or from staff taking a phone call.</summary>
/// <param name="TreatmentCode">An active treatment's code, e.g. "pico-laser".</param>
/// <param name="PractitionerId">A practitioner, or null for "any doctor" (the service picks one, deterministically).</param>
/// <param name="Date">Clinic-local date.</param>
/// <param name="Time">Clinic-local start time, on the grid.</param>
/// <param name="PrivacyNoticeVersion">The privacy notice the patient agreed to (Privacy:NoticeVersion), stored with the consent time.</param>
/// <param name="SubmissionId">Id of the form; a second request with the same id returns the first booking.</param>
/// <param name="Actor">Staff user name when <paramref name="BookedBy"/> is Staff.</param>
public sealed record BookingRequest(
    string TreatmentCode,
    int? PractitionerId,
    DateOnly Date,
    TimeOnly Time,
    PatientDetails Patient,
    string PrivacyNoticeVersion,
    Guid SubmissionId,
    ChangedBy BookedBy = ChangedBy.Patient,
    string? Actor = null,
    PractitionerGender? Gender = null);

/// <summary>Why the booking service refused a request. Each has a localized message in the web layer.</summary>
public enum BookingProblem
{
    UnknownTreatment,
    UnknownPractitioner,
    DateInPast,
    BeyondHorizon,
    OffGrid,
    TooSoon,
    NotOffered,

    /// <summary>Someone else holds that time (possibly since the page was shown): offer <see cref="BookingResult.NearestFreeSlots"/>.</summary>
    SlotTaken,

    /// <summary>The form's submission id already booked, for someone else's email address.</summary>
    SubmissionAlreadyUsed,
    NotFound,

    /// <summary>The booking's status does not allow this change: it is cancelled, completed or a no-show, or already confirmed.</summary>
    NotAllowedInCurrentStatus,
    TooLateToChange,
    ReasonRequired,

    /// <summary>Completed or no-show can only be recorded once the appointment has started.</summary>
    NotYetStarted,

    /// <summary>Someone else changed the booking since it was read (expected version did not match).</summary>
    ChangedMeanwhile,

    /// <summary>The email address or phone number already holds Booking:MaxActiveBookingsPerEmail / PerPhone future bookings.</summary>
    TooManyActiveBookings,

    /// <summary>The patient has moved this booking Booking:MaxPatientReschedules times already.</summary>
    TooManyChanges,

    /// <summary>A course session would no longer keep the weeks between it and the sessions next to it.</summary>
    CourseIntervalBroken,

    /// <summary>The booking's patient data was erased: notes about the patient cannot be written to it again.</summary>
    PatientDataErased,
}

/// <summary>What happened to a booking request or change.</summary>
public sealed record BookingResult
{
    public BookingProblem? Problem { get; private init; }

    public Appointment? Appointment { get; private init; }

    /// <summary>The manage-link token, after a booking (also when <see cref="AlreadyBooked"/>).</summary>
    public string? ManageToken { get; private init; }

    /// <summary>The submission had already booked: this is that earlier booking, nothing new was stored.</summary>
    public bool AlreadyBooked { get; private init; }

    /// <summary>With <see cref="BookingProblem.SlotTaken"/>: the free times nearest to the one asked for.</summary>
    public IReadOnlyList<FreeSlot> NearestFreeSlots { get; private init; } = [];

    public bool Succeeded => Problem is null;

    public static BookingResult Done(Appointment appointment, string? manageToken = null, bool alreadyBooked = false) =>
        new() { Appointment = appointment, ManageToken = manageToken, AlreadyBooked = alreadyBooked };

    public static BookingResult Refused(BookingProblem problem, Appointment? appointment = null) =>
        new() { Problem = problem, Appointment = appointment };

    public static BookingResult Taken(IReadOnlyList<FreeSlot> nearest, Appointment? appointment = null) =>
        new() { Problem = BookingProblem.SlotTaken, NearestFreeSlots = nearest, Appointment = appointment };

    internal static BookingProblem ProblemFor(SlotVerdict verdict) => verdict switch
    {
        SlotVerdict.DateInPast => BookingProblem.DateInPast,
        SlotVerdict.BeyondHorizon => BookingProblem.BeyondHorizon,
        SlotVerdict.OffGrid => BookingProblem.OffGrid,
        SlotVerdict.TooSoon => BookingProblem.TooSoon,
        SlotVerdict.Taken => BookingProblem.SlotTaken,
        _ => BookingProblem.NotOffered,
    };

    internal static BookingProblem ProblemFor(BookingRule rule) => rule switch
    {
        BookingRule.TooLateForPatientToChange => BookingProblem.TooLateToChange,
        BookingRule.ReasonRequired => BookingProblem.ReasonRequired,
        BookingRule.AppointmentNotYetStarted => BookingProblem.NotYetStarted,
        BookingRule.SlotNotAvailable => BookingProblem.DateInPast,
        BookingRule.PatientDataErased => BookingProblem.PatientDataErased,
        _ => BookingProblem.NotAllowedInCurrentStatus,
    };
}

/// <summary>A booking with the names a page or email shows.</summary>
public sealed record AppointmentDetails(Appointment Appointment, Treatment Treatment, string PractitionerName);
