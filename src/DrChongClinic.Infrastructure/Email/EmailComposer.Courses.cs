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
    private string WriteCourseMessage(EmailBody body, EmailFacts facts, EmailWording words)
    {
        var course = CourseEmailWording.For(words.Language);
        var language = ClinicLanguage.Of(words.Language);
        var first = facts.Appointment;
        var reference = ClinicText.Reference(first.Reference);
        var treatment = facts.Treatment.Name(words.Language);
        var clinicName = _clinic.DisplayName(words.Language);
        var sessions = facts.CourseSessions.Where(s => s.Session.IsActive).ToList();
        var rows = sessions
            .Select(s => (course.SessionLabel(s.Session.CourseSession ?? 0),
                (string?)course.SessionLine(
                    ClinicText.LongDate(DateOnly.FromDateTime(clinicClock.ToLocal(s.Session.StartUtc)), language),
                    ClinicText.Time(TimeOnly.FromDateTime(clinicClock.ToLocal(s.Session.StartUtc)), language),
                    ClinicText.Reference(s.Session.Reference))))
            .ToArray();

        if (facts.Message.Kind == EmailKind.ClinicCourseNotice)
        {
            body.Paragraph(course.NoticeIntro);
            body.Details(
                (words.TreatmentLabel, treatment),
                (words.DoctorLabel, facts.PractitionerName),
                (words.PatientLabel, first.Patient.Name),
                (words.EmailLabel, first.Patient.Email),
                (words.PhoneLabel, first.Patient.Phone),
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
        foreach (var (session, doctor) in facts.CourseSessions.Where(s => s.Session.IsActive && s.Session.CourseSession > 1))
        {
            var entry = CalendarEntryFor(facts, session, doctor, 0, words, language);
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

    public static CourseEmailWording For(string? language) => ClinicLanguage.Of(language).Pick(English, Malay);
}
