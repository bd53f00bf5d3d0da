using System.Globalization;
using System.Net;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Courses;

/// <summary>
/// Cancelling a course sends one email for all the sessions cancelled, over real HTTP and a real SMTP server (this class
/// moves its own site's clock). The course: 4 sessions, 4 to 6 weeks apart, from Tuesday 8 December 2026, 10:00.
/// </summary>
public sealed class CourseCancellationEmailTests(CourseSite site) : IClassFixture<CourseSite>
{
    [Fact]
    public async Task Cancelling_a_course_sends_one_email_in_the_patients_language_listing_only_the_cancelled_future_sessions()
    {
        const string address = "course-cancel-ms@example.test";
        var client = site.Browser();
        var (treatment, doctor) = await site.CourseAsync(sessions: 4);
        var token = BookingSteps.TokenFrom(await client.BookAsync(
            BookingSteps.Patient("2026-12-08T10:00", email: address), treatment.Code, doctor.Id.ToString(CultureInfo.InvariantCulture), "ms"));
        var proposal = await client.GetPageAsync($"/ms/tempah/urus/{token}/kursus");
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>())).StatusCode);
        var sessions = await site.CourseOfAsync((await site.AppointmentAsync(token)).Id);
        Assert.Equal(4, sessions.Count);
        await site.SendEmailsAsync(site.Smtp, address);
        var before = site.Smtp.To(address).Count;
        var clinicBefore = site.Smtp.To(Email.TestBookings.ClinicInbox).Count;

        // After session 2 (Tuesday 5 January 2027) began: sessions 3 and 4 are still to come.
        site.Clock.Now = new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero);
        try
        {
            var manage = await client.GetPageAsync($"/ms/tempah/urus/{token}");
            var cancelled = await client.SubmitAsync(manage, "#course form", new Dictionary<string, string?>());
            Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);
            var after = await site.CourseOfAsync(sessions[0].Id);
            Assert.Equal(
                [AppointmentStatus.Confirmed, AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, AppointmentStatus.Cancelled],
                after.Select(a => a.Status));

            await site.SendEmailsAsync(site.Smtp, address);

            // Exactly one message to the patient, in Malay, listing sessions 3 and 4 and not the past ones.
            var email = Assert.Single(site.Smtp.To(address).Skip(before));
            Assert.Contains("sesi kursus anda telah dibatalkan", email.Subject);
            Assert.Contains("Sesi 3: Selasa, 2 Februari 2027", email.Text);
            Assert.Contains("Sesi 4: Selasa, 2 Mac 2027", email.Text);
            Assert.Contains(BookingReference.Display(after[2].Reference), email.Text);
            Assert.Contains(BookingReference.Display(after[3].Reference), email.Text);
            Assert.DoesNotContain("Sesi 1:", email.Text);
            Assert.DoesNotContain("Sesi 2:", email.Text);
            Assert.DoesNotContain("Session", email.Text);

            // Nothing the patient typed: name, notes and phone stay out of it, as does the display name of the address.
            foreach (var typed in new[] { "Nur Aisyah", "rolling scars", "345 6789" })
            {
                Assert.DoesNotContain(typed, email.Text);
                Assert.DoesNotContain(typed, email.Html);
                Assert.DoesNotContain(typed, email.Subject);
            }

            Assert.Equal(address, email.Message.To.Mailboxes.Single().ToString());

            // A calendar file removing each cancelled session.
            var calendars = email.Message.Attachments.OfType<MimeKit.MimePart>().Where(a => a.ContentType.IsMimeType("text", "calendar")).ToList();
            Assert.Equal(["session-3.ics", "session-4.ics"], calendars.Select(c => c.FileName));
            foreach (var (calendar, session) in calendars.Zip(after.Skip(2)))
            {
                using var ics = new MemoryStream();
                await calendar.Content!.DecodeToAsync(ics);
                var text = System.Text.Encoding.UTF8.GetString(ics.ToArray());
                Assert.Contains("METHOD:CANCEL", text);
                Assert.Contains($"UID:{session.Reference}@", text);
                Assert.Contains("SEQUENCE:1", text); // its first file (SEQUENCE 0) came with the course email
            }

            // The clinic hears once too; the per-session cancellation emails are not queued at all.
            var notice = Assert.Single(site.Smtp.To(Email.TestBookings.ClinicInbox).Skip(clinicBefore));
            Assert.StartsWith("Course cancelled by the patient", notice.Subject, StringComparison.Ordinal);
            Assert.Contains("Session 4", notice.Text);
            var kinds = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == after[2].Id || m.AppointmentId == after[3].Id)
                .Select(m => m.Kind).ToListAsync());
            Assert.DoesNotContain(EmailKind.BookingCancelled, kinds);
            Assert.DoesNotContain(EmailKind.ClinicCancellationNotice, kinds);
        }
        finally
        {
            site.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc);
        }
    }
}
