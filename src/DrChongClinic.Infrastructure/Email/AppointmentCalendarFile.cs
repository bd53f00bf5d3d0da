using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Booking;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// The calendar file a patient downloads from the confirmation and manage page ("Add to calendar"): the same entry
/// as the one attached to the booking emails (same UID, so a later email's update or cancellation replaces it),
/// published rather than sent as an invitation, with no attendee.
/// </summary>
public sealed class AppointmentCalendarFile(IOptions<ClinicDetails> clinicOptions, IOptions<EmailOptions> emailOptions, ClinicClock clinicClock)
{
    public const string FileName = CalendarInvite.FileName;

    public string Build(AppointmentDetails details, string language)
    {
        var clinic = clinicOptions.Value;
        var appointment = details.Appointment;
        var words = EmailWording.For(language);
        var clinicName = clinic.DisplayName(language);
        var entry = new CalendarEntry(
            Uid: CalendarUid(appointment, clinic),
            Sequence: 0,
            StampUtc: appointment.CreatedAtUtc,
            Start: clinicClock.ToLocal(appointment.StartUtc),
            End: clinicClock.ToLocal(appointment.EndUtc),
            TimeZoneId: clinicClock.Zone.Id,
            Summary: words.CalendarSummary(details.Treatment.Name(language), clinicName),
            Location: $"{clinicName}, {clinic.AddressLine}",
            Description: $"{words.DoctorLabel}: {details.PractitionerName}\n{words.ReferenceLabel}: {ClinicText.Reference(appointment.Reference)}\n{clinic.Phone}",
            Tentative: appointment.Status == AppointmentStatus.Requested,
            Cancelled: false,
            OrganizerName: clinicName,
            OrganizerEmail: string.IsNullOrWhiteSpace(emailOptions.Value.From) ? clinic.Email : emailOptions.Value.From,
            AttendeeEmail: null,
            Published: true);
        return CalendarInvite.Build(entry);
    }

    /// <summary>One UID per appointment, shared by the emails' files and the download.</summary>
    internal static string CalendarUid(Appointment appointment, ClinicDetails clinic) =>
        $"{appointment.Reference}@{(Uri.TryCreate(clinic.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "drchongclinic.local")}";
}
