using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Application.Email;

/// <summary>
/// Which emails a booking change sends. The save calls this for each event the appointment raised and stores the
/// emails in the same transaction as the change (Infrastructure's AppointmentEventDispatcher). Staff booking changes
/// write no audit entry: the appointment's own history records who did what.
/// </summary>
public static class BookingEmails
{
    public static IReadOnlyList<EmailKind> For(AppointmentEvent happened) => happened switch
    {
        AppointmentBooked booked when booked.Appointment.Status == AppointmentStatus.Confirmed =>
            [EmailKind.BookingConfirmed, EmailKind.ClinicNewBookingNotice],
        AppointmentBooked => [EmailKind.BookingReceived, EmailKind.ClinicNewBookingNotice],
        AppointmentConfirmed => [EmailKind.BookingConfirmed],
        AppointmentRescheduled => [EmailKind.BookingRescheduled],
        AppointmentCancelled => [EmailKind.BookingCancelled],
        _ => [],
    };
}
