using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Ical.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Email;

/// <summary>The site running with its outbox sender, delivering to a real SMTP server in the test process.</summary>
public sealed class MailFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public ClinicFactory Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = new ClinicFactory().SendingTo(Smtp);
        _ = Site.Services; // start the site and its outbox sender
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class EmailDeliveryTests(MailFixture mail) : IClassFixture<MailFixture>
{
    private readonly ClinicFactory _site = mail.Site;
    private readonly TestSmtpServer _smtp = mail.Smtp;

    [Fact]
    public async Task Booking_received_email_reaches_only_the_patient_in_english_with_details_link_and_calendar_file()
    {
        const string patient = "aisyah.received@patients.test";
        var startUtc = KualaLumpur(2031, 3, 3, 10, 30);
        var booking = await BookAsync(_site, Patient(patient), startUtc, needsConfirmation: true, EmailKind.BookingReceived);

        var email = Assert.Single(await _site.SendEmailsAsync(_smtp, patient));

        Assert.Equal([patient], email.EnvelopeTo);
        Assert.Equal(Sender, email.EnvelopeFrom);
        var to = Assert.Single(email.Message.To.Mailboxes);
        Assert.Equal(("", patient), (to.Name ?? "", to.Address)); // no display name: the name is patient-typed text
        var from = Assert.Single(email.Message.From.Mailboxes);
        Assert.Equal(("Dr Chong Clinic", Sender), (from.Name, from.Address));
        Assert.Equal(ClinicFactory.ClinicEmail, Assert.Single(email.Message.ReplyTo.Mailboxes).Address);
        Assert.Equal($"Dr Chong Clinic: we have received your booking request ({booking.GroupedReference})", email.Subject);

        var manageUrl = $"{PublicBaseUrl}/book/manage/{booking.ManageToken}";
        foreach (var expected in new[] { "Hello,", "Monday, 3 March 2031", "10:30 am", "Pico laser", "Dr Sample Doctor A", booking.GroupedReference, "50000 Kuala Lumpur", manageUrl, "Price: Please ask the clinic" })
        {
            Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        }

        var html = Html.Parse(email.Html);
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Monday, 3 March 2031", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pico laser", html.Body.TextContent, StringComparison.Ordinal);
        var link = Assert.Single(html.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("/manage/", StringComparison.Ordinal));
        Assert.Equal(manageUrl, link.GetAttribute("href"));

        // The link carries the token whose hash the booking stores.
        var tokenInLink = manageUrl[(manageUrl.LastIndexOf('/') + 1)..];
        var stored = await _site.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == booking.Id));
        Assert.Equal(stored.ManageTokenHash, ManageToken.Hash(tokenInLink));

        Assert.Equal("REQUEST", email.Calendar!.ContentType.Parameters["method"]);
        var calendar = Calendar.Load(email.CalendarText())!;
        Assert.Equal("REQUEST", calendar.Method);
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(startUtc, entry.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2031, 3, 3, 2, 30, 0, DateTimeKind.Utc), entry.DtStart.AsUtc);
        Assert.Equal("Asia/Kuala_Lumpur", entry.DtStart.TzId);
        Assert.Equal(startUtc.AddMinutes(45), entry.DtEnd!.AsUtc);
        Assert.Equal($"{booking.Reference}@www.drchong.test", entry.Uid);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal("TENTATIVE", entry.Status);
        Assert.Equal("Pico laser at Dr Chong Clinic", entry.Summary);
        Assert.Single(calendar.TimeZones, tz => tz.TzId == "Asia/Kuala_Lumpur");

        var row = Assert.Single(await OutboxAsync(_site, booking.Id));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAtUtc);
    }

    [Fact]
    public async Task The_email_writes_date_time_and_reference_as_the_manage_page_does()
    {
        const string patient = "siti.same.words@patients.test";
        var booking = await BookAsync(_site, Patient(patient, "ms", "Siti Aminah"), KualaLumpur(2031, 3, 5, 11, 0), needsConfirmation: false, EmailKind.BookingConfirmed);

        var email = Assert.Single(await _site.SendEmailsAsync(_smtp, patient));
        var page = (await _site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetPageAsync($"/ms/tempah/urus/{booking.ManageToken}")).Text();

        foreach (var expected in new[] { "Rabu, 5 Mac 2031", "11:00 pagi", booking.GroupedReference })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
            Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Malay_patient_gets_the_confirmation_in_malay_with_the_malay_manage_link()
    {
        const string patient = "nurul.confirmed@patients.test";
        var startUtc = KualaLumpur(2031, 3, 4, 14, 30);
        var booking = await BookAsync(_site, Patient(patient, "ms", "Nurul Huda"), startUtc, needsConfirmation: false, EmailKind.BookingConfirmed);

        var email = Assert.Single(await _site.SendEmailsAsync(_smtp, patient));

        Assert.Equal($"Klinik Dr Chong: temujanji anda pada 4 Mac 2031 telah disahkan ({booking.GroupedReference})", email.Subject);
        Assert.Equal("Klinik Dr Chong", Assert.Single(email.Message.From.Mailboxes).Name);
        var manageUrl = $"{PublicBaseUrl}/ms/tempah/urus/{booking.ManageToken}";
        foreach (var expected in new[] { "Salam sejahtera,", "Temujanji anda telah disahkan.", "Selasa, 4 Mac 2031", "2:30 petang", "Laser pico", "Nombor rujukan", manageUrl })
        {
            Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        }

        var html = Html.Parse(email.Html);
        Assert.Equal("ms", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Selasa, 4 Mac 2031", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == manageUrl);
        Assert.DoesNotContain("Dear", email.Text, StringComparison.Ordinal);

        var entry = Assert.Single(Calendar.Load(email.CalendarText())!.Events);
        Assert.Equal(startUtc, entry.DtStart!.AsUtc);
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Equal("Laser pico di Klinik Dr Chong", entry.Summary);
    }

    [Fact]
    public async Task Rescheduling_updates_and_cancelling_removes_the_same_calendar_entry()
    {
        const string patient = "farid.changes@patients.test";
        var firstStart = KualaLumpur(2031, 3, 5, 9, 0);
        var newStart = KualaLumpur(2031, 3, 6, 11, 0);
        var booking = await BookAsync(_site, Patient(patient, name: "Farid Ismail"), firstStart, needsConfirmation: false, EmailKind.BookingConfirmed);
        await _site.SendEmailsAsync(_smtp, patient);

        await ChangeAsync(_site, booking.Id, (a, now) => a.Reschedule(newStart, a.PractitionerId, ChangedBy.Staff, "test", now, new BookingPolicy()));
        var moved = (await _site.SendEmailsAsync(_smtp, patient))[1];
        await ChangeAsync(_site, booking.Id, (a, now) => a.Cancel(ChangedBy.Staff, "test", "Doctor <away> & clinic closed", now, new BookingPolicy()));
        var emails = await _site.SendEmailsAsync(_smtp, patient);
        var cancelled = emails[2];

        var first = Assert.Single(Calendar.Load(emails[0].CalendarText())!.Events);
        Assert.Equal($"Dr Chong Clinic: your appointment has moved to 6 Mar 2031, 11:00 am ({booking.GroupedReference})", moved.Subject);
        Assert.Contains("Thursday, 6 March 2031", moved.Text, StringComparison.Ordinal);
        var movedEntry = Assert.Single(Calendar.Load(moved.CalendarText())!.Events);
        Assert.Equal(first.Uid, movedEntry.Uid);
        Assert.True(movedEntry.Sequence > first.Sequence);
        Assert.Equal(newStart, movedEntry.DtStart!.AsUtc);

        Assert.Equal($"Dr Chong Clinic: your appointment on 6 Mar 2031 has been cancelled ({booking.GroupedReference})", cancelled.Subject);
        Assert.Equal("CANCEL", cancelled.Calendar!.ContentType.Parameters["method"]);
        var cancelCalendar = Calendar.Load(cancelled.CalendarText())!;
        Assert.Equal("CANCEL", cancelCalendar.Method);
        var cancelEntry = Assert.Single(cancelCalendar.Events);
        Assert.Equal(first.Uid, cancelEntry.Uid);
        Assert.True(cancelEntry.Sequence > movedEntry.Sequence);
        Assert.Equal("CANCELLED", cancelEntry.Status);
        Assert.Equal(newStart, cancelEntry.DtStart!.AsUtc);
        Assert.Contains("Doctor &lt;away&gt; &amp; clinic closed", cancelled.Html, StringComparison.Ordinal);
        Assert.Contains("Reason: Doctor <away> & clinic closed", cancelled.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(booking.ManageToken, cancelled.Text + cancelled.Html, StringComparison.Ordinal);
        Assert.Contains(Html.Parse(cancelled.Html).QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{PublicBaseUrl}/book");

        // Each thing said once: the moved email's calendar file "moves" the entry (never also "adds" it); the
        // cancellation invites a new booking in one sentence, with a short button label.
        Assert.Contains("moves the entry already in your calendar", moved.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("adds this appointment", moved.Text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(moved.Text, "calendar file"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(cancelled.Text, "book a new time"));
        Assert.Equal("Book a new appointment", Html.Parse(cancelled.Html).QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"{PublicBaseUrl}/book").TextContent.Trim());

        Assert.All(await OutboxAsync(_site, booking.Id), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(3, _smtp.To(patient).Count);
    }

    [Fact]
    public async Task The_confirmation_of_a_consultation_states_the_consultation_fee_and_what_it_includes()
    {
        const string patient = "nadia.fee@patients.test";
        await _site.WithDbAsync(async db =>
        {
            var consultation = await db.Treatments.SingleAsync(t => t.Code == "consultation");
            (consultation.Price, consultation.IncludedEn, consultation.IncludedMs) = (80m, "Doctor's assessment (test)", "Penilaian doktor (ujian)");
            return await db.SaveChangesAsync();
        });
        await BookTreatmentAsync(_site, "consultation", Patient(patient, "ms", name: "Nadia"), KualaLumpur(2031, 3, 17, 9, 0), needsConfirmation: false, EmailKind.BookingConfirmed);

        var email = Assert.Single(await _site.SendEmailsAsync(_smtp, patient));

        Assert.Contains("Harga: RM 80.00", email.Text, StringComparison.Ordinal);
        Assert.Contains("Termasuk: Penilaian doktor (ujian)", email.Text, StringComparison.Ordinal);
    }


    [Fact]
    public async Task The_clinic_inbox_gets_a_notice_of_each_new_booking_without_the_manage_link()
    {
        const string patient = "mei.ling@patients.test";
        var startUtc = KualaLumpur(2031, 3, 7, 16, 15);
        var booking = await BookAsync(_site, Patient(patient, "ms", "Tan Mei Ling", "Prefers a female doctor"), startUtc, needsConfirmation: true,
            EmailKind.BookingReceived, EmailKind.ClinicNewBookingNotice);

        await _site.SendEmailsAsync(_smtp, patient);
        var notice = Assert.Single(_smtp.To(ClinicInbox), m => m.Subject.Contains(booking.GroupedReference, StringComparison.Ordinal));

        Assert.Equal([ClinicInbox], notice.EnvelopeTo);
        Assert.Equal($"New booking: 7 Mar 2031 4:15 pm, Pico laser ({booking.GroupedReference})", notice.Subject);
        Assert.Equal(patient, Assert.Single(notice.Message.ReplyTo.Mailboxes).Address);
        foreach (var expected in new[] { "Waiting for confirmation by staff", "Friday, 7 March 2031", "Tan Mei Ling", patient, "+60 12-345 6789", "Bahasa Malaysia", "Prefers a female doctor", "Dr Sample Doctor A" })
        {
            Assert.Contains(expected, notice.Text, StringComparison.Ordinal);
            Assert.Contains(expected, Html.Parse(notice.Html).Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(booking.ManageToken, notice.Text + notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/manage/", notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/urus/", notice.Html, StringComparison.Ordinal);
        Assert.Null(notice.Calendar);
    }

    [Fact]
    public async Task The_clinic_inbox_is_told_when_a_patient_moves_or_cancels_and_not_when_staff_do()
    {
        const string patient = "hafiz.changes@patients.test";
        var policy = new BookingPolicy();
        var booking = await BookAsync(_site, Patient(patient, name: "Hafiz Rahman"), KualaLumpur(2031, 4, 1, 9, 0), needsConfirmation: false, EmailKind.BookingConfirmed);
        await ChangeAsync(_site, booking.Id, (a, now) => a.Reschedule(KualaLumpur(2031, 4, 2, 15, 30), a.PractitionerId, ChangedBy.Patient, null, now, policy));
        await _site.SendEmailsAsync(_smtp, patient); // each email describes the booking as it is when sent
        await ChangeAsync(_site, booking.Id, (a, now) => a.Reschedule(KualaLumpur(2031, 4, 3, 10, 0), a.PractitionerId, ChangedBy.Staff, "reception", now, policy));
        await ChangeAsync(_site, booking.Id, (a, now) => a.Cancel(ChangedBy.Patient, null, "Travelling <abroad>", now, policy));

        // The staff move is still waiting when the cancel is written: it would describe the cancelled booking, so only
        // the cancellation goes (confirmation, first move, cancellation).
        Assert.Equal(3, (await _site.SendEmailsAsync(_smtp, patient)).Count);
        var notices = _smtp.To(ClinicInbox).Where(m => m.Subject.Contains(booking.GroupedReference, StringComparison.Ordinal)).ToList();

        Assert.Equal(2, notices.Count);
        var (moved, cancelled) = (notices[0], notices[1]);
        Assert.Equal($"Booking moved by the patient: now 2 Apr 2031 3:30 pm, Pico laser ({booking.GroupedReference})", moved.Subject);
        Assert.Equal($"Booking cancelled by the patient: 3 Apr 2031 10:00 am, Pico laser ({booking.GroupedReference})", cancelled.Subject);
        Assert.Contains("Wednesday, 2 April 2031", moved.Text, StringComparison.Ordinal);
        Assert.Contains("Cancelled by the patient", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains("Reason: Travelling <abroad>", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains("Travelling &lt;abroad&gt;", cancelled.Html, StringComparison.Ordinal);
        foreach (var notice in notices)
        {
            Assert.Equal([ClinicInbox], notice.EnvelopeTo);
            Assert.Equal(patient, Assert.Single(notice.Message.ReplyTo.Mailboxes).Address);
            Assert.DoesNotContain(booking.ManageToken, notice.Text + notice.Html, StringComparison.Ordinal);
            Assert.Null(notice.Calendar);
        }

        Assert.Equal([OutboxStatus.Skipped], (await OutboxAsync(_site, booking.Id)).Where(m => m.Status != OutboxStatus.Sent).Select(m => m.Status));
    }

    [Fact]
    public async Task Quick_moves_and_a_cancel_before_the_outbox_runs_send_the_confirmation_and_the_cancellation_only()
    {
        const string patient = "quick.changes@patients.test";
        var policy = new BookingPolicy();
        var booking = await BookAsync(_site, Patient(patient, name: "Quick Changer"), KualaLumpur(2031, 5, 6, 9, 0), needsConfirmation: false, EmailKind.BookingConfirmed);
        await ChangeAsync(_site, booking.Id, (a, now) => a.Reschedule(KualaLumpur(2031, 5, 6, 9, 15), a.PractitionerId, ChangedBy.Patient, null, now, policy));
        await ChangeAsync(_site, booking.Id, (a, now) => a.Reschedule(KualaLumpur(2031, 5, 6, 10, 0), a.PractitionerId, ChangedBy.Patient, null, now, policy));
        await ChangeAsync(_site, booking.Id, (a, now) => a.Cancel(ChangedBy.Patient, null, null, now, policy));

        var emails = await _site.SendEmailsAsync(_smtp, patient);

        Assert.Equal(2, emails.Count); // the confirmation (it carries the manage link), then the cancellation; no "moved" email
        var cancelled = emails[1];
        Assert.Equal($"Dr Chong Clinic: your appointment on 6 May 2031 has been cancelled ({booking.GroupedReference})", cancelled.Subject);
        Assert.Equal("CANCEL", Calendar.Load(cancelled.CalendarText())!.Method);
        Assert.DoesNotContain(_smtp.To(ClinicInbox), m => m.Subject.Contains(booking.GroupedReference, StringComparison.Ordinal) && m.Subject.StartsWith("Booking moved", StringComparison.Ordinal));
        Assert.Contains(_smtp.To(ClinicInbox), m => m.Subject.Contains(booking.GroupedReference, StringComparison.Ordinal) && m.Subject.StartsWith("Booking cancelled by the patient", StringComparison.Ordinal));
        var outbox = await OutboxAsync(_site, booking.Id);
        Assert.Equal(4, outbox.Count(m => m.Status == OutboxStatus.Skipped)); // two moves, to the patient and to the clinic
        Assert.All(outbox.Where(m => m.Status != OutboxStatus.Sent), m => Assert.Equal(OutboxStatus.Skipped, m.Status));
    }

    [Fact]
    public async Task Patient_provided_text_is_encoded_in_html_emails()
    {
        const string patient = "encoded@patients.test";
        const string name = "Siti <script>alert('x')</script> & \"Co\"";
        const string notes = "<img src=x onerror=alert(1)> see <b>me</b>";
        var booking = await BookAsync(_site, Patient(patient, name: name, notes: notes), KualaLumpur(2031, 3, 10, 9, 0), needsConfirmation: true,
            EmailKind.BookingReceived, EmailKind.ClinicNewBookingNotice);

        var toPatient = Assert.Single(await _site.SendEmailsAsync(_smtp, patient));
        var notice = _smtp.To(ClinicInbox).Single(m => m.Subject.Contains(booking.GroupedReference, StringComparison.Ordinal));

        // The patient's own email carries no patient-typed text at all (security review finding 2); the clinic's notice
        // carries it, encoded.
        Assert.DoesNotContain("Siti", toPatient.Text + toPatient.Html, StringComparison.Ordinal);
        var html = Html.Parse(notice.Html);
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Empty(html.QuerySelectorAll("b"));
        Assert.Contains(name, html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Siti &lt;script&gt;", notice.Html, StringComparison.Ordinal);
        Assert.Contains(name, notice.Text, StringComparison.Ordinal);

        Assert.Contains(notes, Html.Parse(notice.Html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_whose_domain_is_in_another_script_gets_its_email_and_calendar_invitation()
    {
        const string patient = "pesakit@b\u00fccher.test";
        Assert.True(SendableEmail.Accepts(patient));
        await BookAsync(_site, Patient(patient), KualaLumpur(2031, 3, 12, 9, 0), needsConfirmation: true, EmailKind.BookingReceived);

        await _site.SendDueEmailsAsync();

        // The test server offers SMTPUTF8, so MailKit sends the domain as it is (to a server without it, as punycode).
        var email = Assert.Single(_smtp.Received, m => m.Message.To.Mailboxes.Any(to => to.Address == patient));
        Assert.Single(email.EnvelopeTo);
        Assert.Contains($"ATTENDEE;RSVP=FALSE;ROLE=REQ-PARTICIPANT:mailto:{patient}", email.CalendarText().Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_break_in_the_patients_name_cannot_add_a_header_or_a_recipient()
    {
        const string patient = "eve@patients.test";
        var booking = await BookAsync(_site, Patient(patient, name: "Eve\r\nBcc: attacker@evil.test\r\nSubject: Free money"),
            KualaLumpur(2031, 3, 11, 9, 0), needsConfirmation: true, EmailKind.BookingReceived, EmailKind.ClinicNewBookingNotice);

        var email = Assert.Single(await _site.SendEmailsAsync(_smtp, patient));
        var notice = _smtp.To(ClinicInbox).Single(m => m.Subject.Contains(booking.GroupedReference, StringComparison.Ordinal));

        Assert.Empty(_smtp.To("attacker@evil.test"));
        Assert.Equal([patient], email.EnvelopeTo);
        Assert.Equal([ClinicInbox], notice.EnvelopeTo);
        foreach (var message in new[] { email.Message, notice.Message })
        {
            Assert.DoesNotContain(message.Headers, h => h.Id == HeaderId.Bcc);
            Assert.Single(message.Headers, h => h.Id == HeaderId.Subject);
            Assert.DoesNotContain("Free money", message.Subject, StringComparison.Ordinal);
        }

        Assert.Equal("", Assert.Single(email.Message.To.Mailboxes).Name ?? ""); // the patient's email names nobody
        Assert.Equal("Eve Bcc: attacker@evil.test Subject: Free money", Assert.Single(notice.Message.ReplyTo.Mailboxes).Name);
    }
}
