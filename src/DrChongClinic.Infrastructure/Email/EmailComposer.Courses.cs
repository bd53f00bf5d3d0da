using System.Text;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using Microsoft.AspNetCore.DataProtection;
using MimeKit;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>The course emails: one message listing every session, with a calendar file for each later session.</summary>
public sealed partial class EmailComposer
{
    /// <summary>
    /// The one email for the sessions of a course cancelled together (facts list only those): each session with its date,
    /// time and reference, in the patient's language. Nothing the patient typed; a reason only when staff wrote it.
    /// </summary>
    private string WriteCourseCancellation(EmailBody body, EmailFacts facts, EmailWording words)
    {
        var course = CourseEmailWording.For(words.Language);
        var first = facts.Appointment;
        var reference = ClinicText.Reference(first.Reference);
        var treatment = facts.Treatment.Name(words.Language);
        var clinicName = _clinic.DisplayName(words.Language);
        var rows = SessionRows(facts.CourseSessions, course, words.Language);
        var count = rows.Length;

        if (facts.Message.Kind == EmailKind.ClinicCourseCancellationNotice)
        {
            body.Paragraph(course.CancelNoticeIntro);
            body.Details(
                (words.TreatmentLabel, treatment),
                (words.DoctorLabel, facts.PractitionerName),
                (words.PatientLabel, first.Patient.Name),
                (words.EmailLabel, first.Patient.Email),
                (words.PhoneLabel, PatientPhone.Display(first.Patient.Phone)),
                (words.LanguageLabel, words.LanguageName(first.Patient.Language)));
            body.Details(rows);
            return course.CancelNoticeSubject(treatment, count, reference);
        }

        body.Paragraph(words.Greeting).Paragraph(course.CancelledIntro(treatment, count));
        body.Details((words.TreatmentLabel, treatment), (words.DoctorLabel, facts.PractitionerName));
        body.Details(rows);
        // A reason staff wrote is the clinic's own word; a patient cancelling the course types none.
        if (first.CancelledBy == ChangedBy.Staff && !string.IsNullOrWhiteSpace(first.CancellationReason))
        {
            body.Details((words.ReasonLabel, first.CancellationReason));
        }

        body.Paragraph(course.PastSessionsNote);
        body.Paragraph(course.CancelCalendarNote);
        body.Paragraph(words.BookAgain);
        body.Link(words.BookAgainLink, ManageLink.BookingPageUrl(_clinic.BaseUrl, words.Language));
        if (!string.IsNullOrWhiteSpace(_clinic.Phone))
        {
            body.Paragraph(words.Contact(_clinic.Phone));
        }

        body.Paragraph($"{words.SignOff}\n{clinicName}");
        return course.CancelledSubject(clinicName, count, reference);
    }

    /// <summary>"Session 2" → "Tuesday, 5 January 2027, 10:00 am (ABCD-EFGH)" for each session given.</summary>
    private (string, string?)[] SessionRows(IEnumerable<(Appointment Session, string PractitionerName)> sessions, CourseEmailWording course, string language)
    {
        var clinicLanguage = ClinicLanguage.Of(language);
        return sessions
            .Select(s => (course.SessionLabel(s.Session.CourseSession ?? 0),
                (string?)course.SessionLine(
                    ClinicText.LongDate(DateOnly.FromDateTime(clinicClock.ToLocal(s.Session.StartUtc)), clinicLanguage),
                    ClinicText.Time(TimeOnly.FromDateTime(clinicClock.ToLocal(s.Session.StartUtc)), clinicLanguage),
                    ClinicText.Reference(s.Session.Reference))))
            .ToArray();
    }

    private string WriteCourseMessage(EmailBody body, EmailFacts facts, EmailWording words)
    {
        var course = CourseEmailWording.For(words.Language);
        var first = facts.Appointment;
        var reference = ClinicText.Reference(first.Reference);
        var treatment = facts.Treatment.Name(words.Language);
        var clinicName = _clinic.DisplayName(words.Language);
        var sessions = facts.CourseSessions.Where(s => s.Session.IsActive).ToList();
        var rows = SessionRows(sessions, course, words.Language);

        if (facts.Message.Kind == EmailKind.ClinicCourseNotice)
        {
            body.Paragraph(course.NoticeIntro);
            body.Details(
                (words.TreatmentLabel, treatment),
                (words.DoctorLabel, facts.PractitionerName),
                (words.PatientLabel, first.Patient.Name),
                (words.EmailLabel, first.Patient.Email),
                (words.PhoneLabel, PatientPhone.Display(first.Patient.Phone)),
                (words.LanguageLabel, words.LanguageName(first.Patient.Language)));
            body.Details(rows);
            return course.NoticeSubject(treatment, sessions.Count, reference);
        }

        var requested = sessions.Any(s => s.Session.Status == AppointmentStatus.Requested);
        body.Paragraph(words.Greeting).Paragraph(requested ? course.RequestedIntro(treatment, sessions.Count) : course.BookedIntro(treatment, sessions.Count));
        body.Details((words.TreatmentLabel, treatment), (words.DoctorLabel, facts.PractitionerName), (words.AddressLabel, _clinic.AddressLine));
        body.Details(rows);
        if (!string.IsNullOrEmpty(first.ProtectedManageToken))
        {
            body.Link(course.ManageLinkLabel, ManageLink.Url(_clinic.BaseUrl, words.Language, _tokens.Unprotect(first.ProtectedManageToken)));
            body.Paragraph(words.ManageLinkPrivate);
        }

        body.Paragraph(course.CalendarNote);
        body.Paragraph(course.RemindersNote);
        body.Paragraph(words.CannotCome);
        if (!string.IsNullOrWhiteSpace(_clinic.Phone))
        {
            body.Paragraph(words.Contact(_clinic.Phone));
        }

        body.Paragraph($"{words.SignOff}\n{clinicName}");
        return requested
            ? course.RequestedSubject(clinicName, sessions.Count, reference)
            : course.BookedSubject(clinicName, sessions.Count, reference);
    }

    /// <summary>
    /// One calendar file per later session (the first session's came with its own booking email). Each is that session's
    /// first file, SEQUENCE 0; its later emails count on from 1 (OutboxPass).
    /// </summary>
    private void AttachCourseCalendarFiles(BodyBuilder builder, EmailFacts facts, EmailWording words, string language)
    {
        // Cancelled together: a file per cancelled session (the first's too), each removing it from the calendar.
        var sessions = facts.Message.Kind == EmailKind.CourseCancelled
            ? facts.CourseSessions
            : facts.CourseSessions.Where(s => s.Session.IsActive && s.Session.CourseSession > 1);
        foreach (var (session, doctor) in sessions)
        {
            var entry = CalendarEntryFor(facts, session, doctor, facts.CourseSequences.GetValueOrDefault(session.Id), words, language);
            var attachment = builder.Attachments.Add(
                $"session-{session.CourseSession}.ics", Encoding.UTF8.GetBytes(CalendarInvite.Build(entry)), new ContentType("text", "calendar"));
            attachment.ContentType.Charset = "utf-8";
            attachment.ContentType.Parameters.Add("method", CalendarInvite.Method(entry));
        }
    }
}

/// <summary>The course emails' sentences, in English and Bahasa Malaysia side by side (next to <see cref="EmailWording"/>).</summary>
internal sealed class CourseEmailWording
{
    public static readonly CourseEmailWording English = new()
    {
        BookedSubject = (clinic, count, reference) => $"{clinic}: your course of {count} sessions is booked ({reference})",
        RequestedSubject = (clinic, count, reference) => $"{clinic}: we have received your course of {count} sessions ({reference})",
        BookedIntro = (treatment, count) => $"Your course of {count} {treatment} sessions is booked. These are all your sessions.",
        RequestedIntro = (treatment, count) => $"We have received your course of {count} {treatment} sessions and will confirm it by email shortly. These are all your sessions.",
        SessionLabel = number => $"Session {number}",
        SessionLine = (date, time, reference) => $"{date}, {time} ({reference})",
        ManageLinkLabel = "View or change your course",
        CalendarNote = "The attached calendar files (session-2.ics and onwards) add each later session to your calendar; the first session's file came with your booking email.",
        RemindersNote = "You will get a reminder before each session.",
        NoticeSubject = (treatment, count, reference) => $"New course booked: {treatment}, {count} sessions ({reference})",
        NoticeIntro = "A treatment course has been booked. These are all its sessions.",
        CancelledSubject = (clinic, _, reference) => $"{clinic}: sessions of your course are cancelled ({reference})",
        CancelledIntro = (treatment, _) => $"These sessions of your {treatment} course are cancelled:",
        PastSessionsNote = "Sessions already past are not affected.",
        CancelCalendarNote = "The attached calendar files (one per session) remove these sessions from your calendar.",
        CancelNoticeSubject = (treatment, count, reference) => $"Course cancelled by the patient: {treatment}, sessions cancelled: {count} ({reference})",
        CancelNoticeIntro = "A patient cancelled the sessions still to come of their treatment course with their manage link. These are the cancelled sessions.",
    };

    public static readonly CourseEmailWording Malay = new()
    {
        BookedSubject = (clinic, count, reference) => $"{clinic}: kursus {count} sesi anda telah ditempah ({reference})",
        RequestedSubject = (clinic, count, reference) => $"{clinic}: kursus {count} sesi anda telah diterima ({reference})",
        BookedIntro = (treatment, count) => $"Kursus {count} sesi {treatment} anda telah ditempah. Berikut ialah semua sesi anda.",
        RequestedIntro = (treatment, count) => $"Kami telah menerima kursus {count} sesi {treatment} anda dan akan mengesahkannya melalui e-mel tidak lama lagi. Berikut ialah semua sesi anda.",
        SessionLabel = number => $"Sesi {number}",
        SessionLine = (date, time, reference) => $"{date}, {time} ({reference})",
        ManageLinkLabel = "Lihat atau ubah kursus anda",
        CalendarNote = "Fail kalendar yang dilampirkan (session-2.ics dan seterusnya) menambah setiap sesi berikutnya ke dalam kalendar anda; fail untuk sesi pertama telah dihantar bersama e-mel tempahan anda.",
        RemindersNote = "Anda akan menerima peringatan sebelum setiap sesi.",
        NoticeSubject = (treatment, count, reference) => $"Kursus baharu ditempah: {treatment}, {count} sesi ({reference})",
        NoticeIntro = "Satu kursus rawatan telah ditempah. Berikut ialah semua sesinya.",
        CancelledSubject = (clinic, count, reference) => $"{clinic}: {count} sesi kursus anda telah dibatalkan ({reference})",
        CancelledIntro = (treatment, count) => $"{count} sesi kursus {treatment} anda berikut telah dibatalkan:",
        PastSessionsNote = "Sesi yang telah berlalu tidak terjejas.",
        CancelCalendarNote = "Fail kalendar yang dilampirkan (satu bagi setiap sesi) membuang sesi-sesi ini daripada kalendar anda.",
        CancelNoticeSubject = (treatment, count, reference) => $"Kursus dibatalkan oleh pesakit: {treatment}, {count} sesi ({reference})",
        CancelNoticeIntro = "Seorang pesakit telah membatalkan sesi kursus rawatannya yang akan datang melalui pautan urus. Berikut ialah sesi yang dibatalkan.",
    };

    public required Func<string, int, string, string> BookedSubject { get; init; }

    public required Func<string, int, string, string> RequestedSubject { get; init; }

    public required Func<string, int, string> BookedIntro { get; init; }

    public required Func<string, int, string> RequestedIntro { get; init; }

    public required Func<int, string> SessionLabel { get; init; }

    public required Func<string, string, string, string> SessionLine { get; init; }

    public required string ManageLinkLabel { get; init; }

    public required string CalendarNote { get; init; }

    public required string RemindersNote { get; init; }

    public required Func<string, int, string, string> NoticeSubject { get; init; }

    public required string NoticeIntro { get; init; }

    public required Func<string, int, string, string> CancelledSubject { get; init; }

    public required Func<string, int, string> CancelledIntro { get; init; }

    public required string PastSessionsNote { get; init; }

    public required string CancelCalendarNote { get; init; }

    public required Func<string, int, string, string> CancelNoticeSubject { get; init; }

    public required string CancelNoticeIntro { get; init; }

    public static CourseEmailWording For(string? language) => ClinicLanguage.Of(language).Pick(English, Malay);
}
