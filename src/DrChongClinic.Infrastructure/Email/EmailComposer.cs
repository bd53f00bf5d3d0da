using System.Text;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// Turns an outbox row into the email itself: subject, HTML and plain text in the patient's language,
/// the clinic's details, the manage link and the calendar file. Always describes the appointment as it
/// is now, so a message sent after a retry is never out of date.
/// </summary>
public sealed partial class EmailComposer(
    IOptions<ClinicDetails> clinicOptions,
    IOptions<EmailOptions> emailOptions,
    ClinicClock clinicClock,
    IDataProtectionProvider dataProtection,
    TimeProvider clock)
{
    private readonly ClinicDetails _clinic = clinicOptions.Value;
    private readonly EmailOptions _email = emailOptions.Value;
    private readonly IDataProtector _tokens = dataProtection.CreateProtector(ManageLink.ProtectorPurpose);

    internal MimeMessage Compose(EmailFacts facts)
    {
        var kind = facts.Message.Kind;
        var language = kind.IsClinicNotice() ? _email.ClinicInboxLanguage : facts.Appointment.Patient.Language;
        var words = EmailWording.For(language);
        var when = new When(clinicClock.ToLocal(facts.Appointment.StartUtc), ClinicLanguage.Of(language));

        var body = new EmailBody();
        var subject = kind.IsCourseCancellation() ? WriteCourseCancellation(body, facts, words)
            : kind.ListsCourse() ? WriteCourseMessage(body, facts, words)
            : kind.IsClinicNotice() ? WriteClinicNotice(body, facts, words, when)
            : WritePatientMessage(body, facts, words, when);

        var message = new MimeMessage();
        var clinicName = _clinic.DisplayName(language);
        message.From.Add(Mailbox(string.IsNullOrWhiteSpace(_email.FromName) ? clinicName : _email.FromName, FirstSet(_email.From, _clinic.Email, "Email:From")));
        if (kind.IsClinicNotice())
        {
            message.To.Add(Mailbox(clinicName, FirstSet(_email.ClinicInbox, _clinic.Email, "Email:ClinicInbox")));
            if (facts.Appointment.Patient.Email is { } patientEmail)
            {
                message.ReplyTo.Add(Mailbox(facts.Appointment.Patient.Name, patientEmail));
            }
        }
        else
        {
            // The address only: the name is whatever the person who booked typed, and whoever booked may not be the
            // owner of this address (security review finding 2: no patient-typed text in an email to a patient).
            message.To.Add(MailboxAddress.Parse(HeaderText.Clean(PatientAddress(facts.Appointment))));
            if (!string.IsNullOrWhiteSpace(_clinic.Email))
            {
                message.ReplyTo.Add(Mailbox(clinicName, _clinic.Email));
            }
        }

        message.Subject = HeaderText.Clean(subject);
        message.MessageId = $"outbox-{facts.Message.Id}.{facts.Message.CreatedAtUtc:yyyyMMddHHmmss}@{SiteHost}";
        message.Date = clock.GetUtcNow();

        var builder = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html(language, message.Subject, clinicName, Footer(language)) };
        if (HasCalendarFile(kind))
        {
            var entry = CalendarEntryFor(facts, words, language);
            var attachment = builder.Attachments.Add(CalendarInvite.FileName, Encoding.UTF8.GetBytes(CalendarInvite.Build(entry)), new ContentType("text", "calendar"));
            attachment.ContentType.Charset = "utf-8";
            attachment.ContentType.Parameters.Add("method", CalendarInvite.Method(entry));
        }

        if (kind is EmailKind.CourseBooked or EmailKind.CourseCancelled)
        {
            AttachCourseCalendarFiles(builder, facts, words, language);
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>Messages that carry the appointment's calendar file; they count towards its SEQUENCE.</summary>
    internal static bool HasCalendarFile(EmailKind kind) =>
        kind is EmailKind.BookingReceived or EmailKind.BookingConfirmed or EmailKind.BookingRescheduled or EmailKind.BookingCancelled;

    private string WritePatientMessage(EmailBody body, EmailFacts facts, EmailWording words, When when)
    {
        var appointment = facts.Appointment;
        var reference = ClinicText.Reference(appointment.Reference);
        var clinicName = _clinic.DisplayName(words.Language);
        var (subject, intro) = facts.Message.Kind switch
        {
            EmailKind.BookingReceived => (words.ReceivedSubject(clinicName, reference), words.ReceivedIntro(clinicName)),
            EmailKind.BookingConfirmed => (words.ConfirmedSubject(clinicName, when.ShortDate, reference), words.ConfirmedIntro),
            EmailKind.BookingRescheduled => (words.RescheduledSubject(clinicName, $"{when.ShortDate}, {when.Time}", reference), words.RescheduledIntro),
            EmailKind.BookingCancelled => (words.CancelledSubject(clinicName, when.ShortDate, reference), words.CancelledIntro),
            EmailKind.Reminder => (words.ReminderSubject(clinicName, when.ShortDate, when.Time), words.ReminderIntro),
            _ => throw new InvalidOperationException($"No patient email for {facts.Message.Kind}."),
        };
        var cancelled = facts.Message.Kind == EmailKind.BookingCancelled;

        body.Paragraph(words.Greeting).Paragraph(intro);
        body.Details(
            (words.DateLabel, when.LongDate),
            (words.TimeLabel, when.Time),
            (words.TreatmentLabel, facts.Treatment.Name(words.Language)),
            (words.DoctorLabel, facts.PractitionerName),
            (words.ReferenceLabel, reference),
            (words.PriceLabel, cancelled ? null : TreatmentPrice.Text(facts.Treatment, ClinicLanguage.Of(words.Language)) ?? words.PriceAskClinic),
            (words.IncludedLabel, cancelled ? null : facts.Treatment.Included(words.Language)),
            (words.AddressLabel, _clinic.AddressLine),
            // A reason staff wrote is the clinic's own word; one typed on the manage link is not repeated to the address.
            (words.ReasonLabel, cancelled && appointment.CancelledBy == ChangedBy.Staff ? appointment.CancellationReason : null));

        if (cancelled)
        {
            body.Paragraph(words.BookAgain);
            body.Link(words.BookAgainLink, ManageLink.BookingPageUrl(_clinic.BaseUrl, words.Language));
        }
        else
        {
            if (!string.IsNullOrEmpty(appointment.ProtectedManageToken))
            {
                var token = _tokens.Unprotect(appointment.ProtectedManageToken);
                body.Link(words.ManageLinkLabel, ManageLink.Url(_clinic.BaseUrl, words.Language, token));
                body.Paragraph(words.ManageLinkPrivate);
            }

            if (HasCalendarFile(facts.Message.Kind))
            {
                body.Paragraph(facts.Message.Kind == EmailKind.BookingRescheduled ? words.CalendarUpdateNote : words.CalendarNote);
            }

            body.Paragraph(words.CannotCome);
        }

        if (!string.IsNullOrWhiteSpace(_clinic.Phone))
        {
            body.Paragraph(words.Contact(_clinic.Phone));
        }

        body.Paragraph($"{words.SignOff}\n{clinicName}");
        return subject;
    }

    private static string WriteClinicNotice(EmailBody body, EmailFacts facts, EmailWording words, When when)
    {
        var appointment = facts.Appointment;
        var reference = ClinicText.Reference(appointment.Reference);
        var treatment = facts.Treatment.Name(words.Language);
        var (subject, intro) = facts.Message.Kind switch
        {
            EmailKind.ClinicRescheduleNotice => (words.MovedNoticeSubject(when.ShortDate, when.Time, treatment, reference), words.MovedNoticeIntro),
            EmailKind.ClinicCancellationNotice => (words.CancelledNoticeSubject(when.ShortDate, when.Time, treatment, reference), words.CancelledNoticeIntro),
            _ => (words.NoticeSubject(when.ShortDate, when.Time, treatment, reference), words.NoticeIntro),
        };
        var cancelled = facts.Message.Kind == EmailKind.ClinicCancellationNotice;
        body.Paragraph(intro);
        body.Details(
            (words.StatusLabel, cancelled ? words.StatusCancelled : appointment.Status == AppointmentStatus.Requested ? words.StatusRequested : words.StatusConfirmed),
            (words.DateLabel, when.LongDate),
            (words.TimeLabel, when.Time),
            (words.TreatmentLabel, treatment),
            (words.DoctorLabel, facts.PractitionerName),
            (words.ReferenceLabel, reference),
            (words.PatientLabel, appointment.Patient.Name),
            (words.EmailLabel, appointment.Patient.Email),
            (words.PhoneLabel, PatientPhone.Display(appointment.Patient.Phone)),
            (words.LanguageLabel, words.LanguageName(appointment.Patient.Language)),
            (words.NotesLabel, appointment.Patient.Notes),
            (words.ReasonLabel, cancelled ? appointment.CancellationReason : null));
        return subject;
    }

    private CalendarEntry CalendarEntryFor(EmailFacts facts, EmailWording words, string language) =>
        CalendarEntryFor(facts, facts.Appointment, facts.PractitionerName, facts.CalendarSequence, words, language);

    private CalendarEntry CalendarEntryFor(EmailFacts facts, Appointment appointment, string practitionerName, int sequence, EmailWording words, string language)
    {
        var reference = ClinicText.Reference(appointment.Reference);
        var clinicName = _clinic.DisplayName(language);
        var treatment = facts.Treatment.Name(language);
        return new CalendarEntry(
            Uid: AppointmentCalendarFile.CalendarUid(appointment, _clinic),
            Sequence: sequence,
            StampUtc: facts.Message.CreatedAtUtc,
            Start: clinicClock.ToLocal(appointment.StartUtc),
            End: clinicClock.ToLocal(appointment.EndUtc),
            TimeZoneId: clinicClock.Zone.Id,
            Summary: words.CalendarSummary(treatment, clinicName),
            Location: $"{clinicName}, {_clinic.AddressLine}",
            Description: $"{words.DoctorLabel}: {practitionerName}\n{words.ReferenceLabel}: {reference}\n{_clinic.Phone}",
            Tentative: appointment.Status == AppointmentStatus.Requested,
            Cancelled: facts.Message.Kind is EmailKind.BookingCancelled or EmailKind.CourseCancelled,
            OrganizerName: clinicName,
            OrganizerEmail: FirstSet(_email.From, _clinic.Email, "Email:From"),
            AttendeeEmail: HeaderText.Clean(PatientAddress(appointment)));
    }

    private string Footer(string language) =>
        string.Join('\n', new[]
        {
            _clinic.DisplayName(language),
            _clinic.AddressLine,
            string.Join(" · ", new[] { _clinic.Phone, _clinic.Email }.Where(s => !string.IsNullOrWhiteSpace(s))),
            _clinic.BaseUrl,
        }.Where(line => !string.IsNullOrWhiteSpace(line)));

    /// <summary>Patient emails are never queued for a booking without an address; one that is anyway cannot be built.</summary>
    private static string PatientAddress(Appointment appointment) =>
        appointment.Patient.Email ?? throw new InvalidOperationException("The booking has no patient email address.");

    private string SiteHost => Uri.TryCreate(_clinic.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "drchongclinic.local";

    /// <summary>A single address (a list or anything else is refused) with a display name that cannot break the header.</summary>
    private static MailboxAddress Mailbox(string name, string address)
    {
        var mailbox = MailboxAddress.Parse(HeaderText.Clean(address));
        return new MailboxAddress(HeaderText.Clean(name), mailbox.Address);
    }

    private static string FirstSet(string? preferred, string? fallback, string setting) =>
        !string.IsNullOrWhiteSpace(preferred) ? preferred
        : !string.IsNullOrWhiteSpace(fallback) ? fallback
        : throw new InvalidOperationException($"Set {setting} or Clinic:Email.");

    /// <summary>The appointment's start in the clinic's zone, written for one language.</summary>
    private sealed class When(DateTime local, ClinicLanguage language)
    {
        public string LongDate => ClinicText.LongDate(DateOnly.FromDateTime(local), language);

        public string ShortDate => ClinicText.ShortDate(DateOnly.FromDateTime(local), language);

        public string Time => ClinicText.Time(TimeOnly.FromDateTime(local), language);
    }
}
