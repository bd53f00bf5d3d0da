using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Application.Email;

/// <summary>
/// Which emails a booking change sends. The save calls this for each event the appointment raised and stores the
/// emails in the same transaction as the change (Infrastructure's AppointmentEventDispatcher). The clinic inbox hears of
/// every new booking and of each change a patient makes with their manage link (staff already know of their own changes). Staff booking changes
/// write no audit entry: the appointment's own history records who did what.
/// </summary>
public static class BookingEmails
{
    public static IReadOnlyList<EmailKind> For(AppointmentEvent happened)
    {
        var kinds = KindsFor(happened);

        // A phone-in booking without an email address, or one whose patient data was erased (its address is a
        // placeholder): only the clinic inbox hears of it.
        return happened.Appointment.Patient.Email is null || happened.Appointment.IsAnonymized ? kinds.Where(k => k.IsClinicNotice()).ToList() : kinds;
    }

    private static IReadOnlyList<EmailKind> KindsFor(AppointmentEvent happened) => happened switch
    {
        // A course's later sessions are announced together, by the one email its first session's CourseBooked sends.
        AppointmentBooked { Appointment.CourseSession: > 1 } => [],
        CourseBooked => [EmailKind.CourseBooked, EmailKind.ClinicCourseNotice],

        // A course's sessions cancelled together are announced together, by the one email the first of them sends.
        AppointmentCancelled { WithCourse: true } => [],
        CourseCancelled { By: ChangedBy.Patient } => [EmailKind.CourseCancelled, EmailKind.ClinicCourseCancellationNotice],
        CourseCancelled => [EmailKind.CourseCancelled],
        AppointmentBooked booked when booked.Appointment.Status == AppointmentStatus.Confirmed =>
            [EmailKind.BookingConfirmed, EmailKind.ClinicNewBookingNotice],
        AppointmentBooked => [EmailKind.BookingReceived, EmailKind.ClinicNewBookingNotice],
        AppointmentConfirmed => [EmailKind.BookingConfirmed],
        AppointmentRescheduled { By: ChangedBy.Patient } => [EmailKind.BookingRescheduled, EmailKind.ClinicRescheduleNotice],
        AppointmentRescheduled => [EmailKind.BookingRescheduled],
        AppointmentCancelled { By: ChangedBy.Patient } => [EmailKind.BookingCancelled, EmailKind.ClinicCancellationNotice],
        AppointmentCancelled => [EmailKind.BookingCancelled],
        _ => [],
    };
}
