using System.Net;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Courses;

/// <summary>A course as time passes (this class moves its own site's clock): a reminder per session, and cancelling leaves past sessions.</summary>
public sealed class CourseTimelineTests(CourseSite site) : IClassFixture<CourseSite>
{
    [Fact]
    public async Task Each_session_gets_its_own_reminder_and_cancelling_the_course_cancels_only_the_sessions_to_come()
    {
        var client = site.Browser();
        var (treatment, doctor) = await site.CourseAsync();
        var token = await site.BookFirstAsync(client, treatment, doctor, "2026-12-08T10:00", "course-timeline@example.test");
        var proposal = await client.GetPageAsync($"/book/manage/{token}/course");
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>())).StatusCode);
        var sessions = await site.CourseOfAsync((await site.AppointmentAsync(token)).Id);
        await site.SendEmailsAsync(site.Smtp, "course-timeline@example.test");

        // A day before session 2 (Tuesday 5 January 2027, 10:00): its reminder goes out, and only its.
        site.Clock.Now = new DateTimeOffset(2027, 1, 4, 3, 0, 0, TimeSpan.Zero);
        var emails = await site.SendEmailsAsync(site.Smtp, "course-timeline@example.test");
        var reminder = Assert.Single(emails, e => e.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Contains("5 Jan 2027", reminder.Subject);
        var reminders = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == EmailKind.Reminder).Select(m => m.AppointmentId).ToListAsync());
        Assert.Contains(sessions[1].Id, reminders);
        Assert.DoesNotContain(sessions[2].Id, reminders);

        // After session 2 began: cancelling the course cancels session 3 only; 1 and 2 are past and stay as they were.
        site.Clock.Now = new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero);
        var manage = await client.GetPageAsync($"/book/manage/{token}");
        Assert.Contains("Cancel the sessions still to come (1)", manage.QuerySelector("#course form button")!.TextContent);
        var cancelled = await client.SubmitAsync(manage, "#course form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);
        var after = await site.CourseOfAsync(sessions[0].Id);
        Assert.Equal([AppointmentStatus.Confirmed, AppointmentStatus.Confirmed, AppointmentStatus.Cancelled], after.Select(a => a.Status));
        Assert.Empty(after[2].Slots);
        Assert.NotEmpty(after[1].Slots);
        var cancelEmails = await site.SendEmailsAsync(site.Smtp, "course-timeline@example.test");
        var cancellation = Assert.Single(cancelEmails, e => e.Subject.Contains("cancelled", StringComparison.Ordinal));
        Assert.Contains("sessions of your course are cancelled", cancellation.Subject);
        Assert.Contains("Session 3: Tuesday, 2 February 2027", cancellation.Text);
        Assert.DoesNotContain("Session 2:", cancellation.Text);
    }
}
