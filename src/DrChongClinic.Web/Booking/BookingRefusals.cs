using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Booking;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Booking;

/// <summary>
/// What the site answers when the booking service refuses (<see cref="BookingProblem"/>): one status code per
/// problem for every page (public booking, manage link, staff actions, phone booking), and its message.
/// </summary>
public sealed class BookingRefusals(BookingPageFactory pages, SlotFinder slots, IStringLocalizer<SharedResource> t, IOptions<ClinicDetails> clinic)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>
    /// 400 for choices that cannot be used (unknown treatment or doctor), 404 when there is no such booking, 409 when
    /// the booking or the diary is not as the page showed it (time taken, changed meanwhile, form already used, status
    /// or cut-off, a cap on bookings per email or phone or on changes per booking), 422 for a time the rules refuse (past, beyond the horizon, off the grid, too soon, not offered) or
    /// a missing reason.
    /// </summary>
    public static int StatusCode(BookingProblem problem) => problem switch
    {
        BookingProblem.UnknownTreatment or BookingProblem.UnknownPractitioner => StatusCodes.Status400BadRequest,
        BookingProblem.NotFound => StatusCodes.Status404NotFound,
        BookingProblem.SlotTaken or BookingProblem.ChangedMeanwhile or BookingProblem.SubmissionAlreadyUsed
            or BookingProblem.NotAllowedInCurrentStatus or BookingProblem.TooLateToChange or BookingProblem.NotYetStarted
            or BookingProblem.TooManyActiveBookings or BookingProblem.TooManyChanges or BookingProblem.PatientDataErased => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The patient's wording (also on the phone booking page), in the page's language.</summary>
    public string Message(BookingProblem problem) => problem switch
    {
        BookingProblem.UnknownTreatment => t["Booking_Error_TreatmentUnknown"],
        BookingProblem.UnknownPractitioner => t["Booking_Error_PractitionerUnknown"],
        BookingProblem.DateInPast => t["Booking_Error_DateInPast"],
        BookingProblem.BeyondHorizon => string.Format(Culture, t["Booking_Error_BeyondHorizon"], pages.LongDate(slots.LastBookableDay)),
        BookingProblem.OffGrid => t["Booking_Error_OffGrid"],
        BookingProblem.TooSoon => string.Format(Culture, t["Booking_Error_TooSoon"], (int)Math.Ceiling(slots.Policy.MinimumNotice.TotalHours)),
        BookingProblem.NotOffered => t["Booking_Error_NotOffered"],
        BookingProblem.SlotTaken => t["Booking_Error_SlotTaken"],
        BookingProblem.SubmissionAlreadyUsed => t["Booking_Error_SubmissionUsed"],
        BookingProblem.NotAllowedInCurrentStatus => t["Booking_Error_NotAllowed"],
        BookingProblem.TooLateToChange => string.Format(Culture, t["Booking_Error_TooLate"], (int)Math.Round(slots.Policy.PatientChangeCutoff.TotalHours), clinic.Value.Phone),
        BookingProblem.ChangedMeanwhile => t["Booking_Error_ChangedMeanwhile"],
        BookingProblem.CourseIntervalBroken => t["Booking_Error_CourseInterval"],
        BookingProblem.TooManyActiveBookings => string.Format(Culture, t["Booking_Error_TooManyActive"], Math.Min(slots.Policy.MaxActiveBookingsPerEmail, slots.Policy.MaxActiveBookingsPerPhone), clinic.Value.Phone),
        BookingProblem.TooManyChanges => string.Format(Culture, t["Booking_Error_TooManyChanges"], slots.Policy.MaxPatientReschedules, clinic.Value.Phone),
        _ => t["Booking_Error_NotOffered"],
    };

    /// <summary>Staff's wording on the booking detail page; <paramref name="current"/> is the booking's status now.</summary>
    public string StaffMessage(BookingProblem problem, AppointmentStatus current) => problem switch
    {
        BookingProblem.ChangedMeanwhile => t["Admin_Booking_ChangedMeanwhile"],
        BookingProblem.NotYetStarted => t["Admin_Booking_NotYetStarted"],
        BookingProblem.ReasonRequired => t["Admin_Booking_ReasonRequired"],
        BookingProblem.SlotTaken => t["Admin_Booking_SlotTaken"],
        BookingProblem.NotAllowedInCurrentStatus => string.Format(Culture, t["Admin_Booking_NotAllowed"], t[$"Admin_Status_{current}"]),
        BookingProblem.PatientDataErased => t["Admin_Booking_PatientDataErased"],
        _ => Message(problem),
    };
}
