using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;

namespace DrChongClinic.UnitTests.Email;

public class BookingEmailsTests
{
    private static readonly DateTime BookedAt = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime StartsAt = new(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_confirmed_booking_emails_the_confirmation_and_tells_the_clinic()
    {
        var appointment = Book(needsConfirmation: false);

        Assert.Equal([EmailKind.BookingConfirmed, EmailKind.ClinicNewBookingNotice], BookingEmails.For(appointment.Events.Single()));
    }

    [Fact]
    public void A_requested_booking_emails_that_it_was_received_and_tells_the_clinic()
    {
        var appointment = Book(needsConfirmation: true);

        Assert.Equal([EmailKind.BookingReceived, EmailKind.ClinicNewBookingNotice], BookingEmails.For(appointment.Events.Single()));
    }

    [Fact]
    public void Confirm_reschedule_and_cancel_each_email_the_patient_once()
    {
        var appointment = Book(needsConfirmation: true);

        Assert.Equal([EmailKind.BookingConfirmed], BookingEmails.For(new AppointmentConfirmed(appointment, "reception")));
        Assert.Equal([EmailKind.BookingRescheduled], BookingEmails.For(new AppointmentRescheduled(appointment, ChangedBy.Staff, "reception", StartsAt)));
        Assert.Equal([EmailKind.BookingCancelled], BookingEmails.For(new AppointmentCancelled(appointment, ChangedBy.Staff, "reception")));
    }

    [Fact]
    public void A_booking_whose_patient_data_was_erased_emails_nobody_but_the_clinic()
    {
        var appointment = Book(needsConfirmation: false);
        appointment.Anonymize("OTHER-HASH");

        Assert.Empty(BookingEmails.For(new AppointmentCancelled(appointment, ChangedBy.Staff, "reception")));
        Assert.Empty(BookingEmails.For(new AppointmentRescheduled(appointment, ChangedBy.Staff, "reception", StartsAt)));
        Assert.Empty(BookingEmails.For(new AppointmentConfirmed(appointment, "reception")));
    }

    [Fact]
    public void A_patient_moving_or_cancelling_also_tells_the_clinic_inbox_but_a_staff_change_does_not()
    {
        var appointment = Book(needsConfirmation: false);

        Assert.Equal([EmailKind.BookingRescheduled, EmailKind.ClinicRescheduleNotice],
            BookingEmails.For(new AppointmentRescheduled(appointment, ChangedBy.Patient, null, StartsAt)));
        Assert.Equal([EmailKind.BookingCancelled, EmailKind.ClinicCancellationNotice],
            BookingEmails.For(new AppointmentCancelled(appointment, ChangedBy.Patient, null)));
        Assert.Equal([EmailKind.BookingRescheduled], BookingEmails.For(new AppointmentRescheduled(appointment, ChangedBy.Staff, "reception", StartsAt)));
        Assert.Equal([EmailKind.BookingCancelled], BookingEmails.For(new AppointmentCancelled(appointment, ChangedBy.Staff, "reception")));
    }

    [Fact]
    public void Sessions_cancelled_with_their_course_send_nothing_of_their_own_and_the_course_cancellation_sends_one_email()
    {
        var appointment = Book(needsConfirmation: false);

        Assert.Empty(BookingEmails.For(new AppointmentCancelled(appointment, ChangedBy.Patient, null) { WithCourse = true }));
        Assert.Equal([EmailKind.CourseCancelled, EmailKind.ClinicCourseCancellationNotice],
            BookingEmails.For(new CourseCancelled(appointment, 2, ChangedBy.Patient, null)));
        Assert.Equal([EmailKind.CourseCancelled], BookingEmails.For(new CourseCancelled(appointment, 2, ChangedBy.Staff, "reception")));
        Assert.True(EmailKind.ClinicCourseCancellationNotice.IsClinicNotice());
        Assert.False(EmailKind.CourseCancelled.IsClinicNotice());
    }

    [Fact]
    public void A_booking_without_an_email_address_only_tells_the_clinic_inbox()
    {
        var appointment = Book(needsConfirmation: false, email: null);

        Assert.Equal([EmailKind.ClinicNewBookingNotice], BookingEmails.For(appointment.Events.Single()));
        Assert.Empty(BookingEmails.For(new AppointmentConfirmed(appointment, "reception")));
        Assert.Equal([EmailKind.ClinicCancellationNotice], BookingEmails.For(new AppointmentCancelled(appointment, ChangedBy.Patient, null)));
        Assert.Empty(BookingEmails.For(new AppointmentCancelled(appointment, ChangedBy.Staff, "reception")));
    }

    [Fact]
    public void Completed_no_show_and_notes_send_nothing()
    {
        var appointment = Book(needsConfirmation: false);

        Assert.Empty(BookingEmails.For(new AppointmentCompleted(appointment, "reception")));
        Assert.Empty(BookingEmails.For(new AppointmentMarkedNoShow(appointment, "reception")));
        Assert.Empty(BookingEmails.For(new AppointmentNotesEdited(appointment, "reception")));
    }

    private static Appointment Book(bool needsConfirmation, string? email = "patient@example.com") => Appointment.Book(
        new NewAppointment(
            BookingReference.New(), 1, 1, StartsAt, 45, 15,
            new PatientDetails { Name = "Test Patient", Email = email, Phone = "+60123456789" },
            "2026-11", "HASH", "PROTECTED", Guid.NewGuid(), ChangedBy.Patient, null),
        new BookingPolicy { OnlineBookingsNeedConfirmation = needsConfirmation },
        BookedAt);
}
