using System.Globalization;
using System.Net;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Courses;

/// <summary>
/// A course booked while another patient takes one of its times at the same moment: all or none. The same form sent
/// several times at once (a double click) books or moves once and never blames another patient.
/// </summary>
public sealed class CourseConcurrencyTests(CourseSite site) : IClassFixture<CourseSite>
{
    [Fact]
    public async Task A_course_racing_another_patient_for_one_of_its_times_is_booked_whole_or_not_at_all()
    {
        var outcomes = new List<(HttpStatusCode Course, HttpStatusCode Other)>();
        for (var round = 0; round < 6; round++)
        {
            var (treatment, doctor) = await site.CourseAsync();
            var courseClient = site.Browser();
            var otherClient = site.Browser();
            var day = new[] { 8, 9, 10, 11, 12, 14 }[round]; // no Sunday: the doctor does not work then
            var token = await site.BookFirstAsync(courseClient, treatment, doctor, $"2026-12-{day:00}T10:00", $"race-course-{round}@example.test");
            var proposal = await courseClient.GetPageAsync($"/book/manage/{token}/course");
            var contested = proposal.QuerySelector("#session-2 option[selected]")!.GetAttribute("value")!;
            var otherForm = await otherClient.DetailsPageAsync("2026-12-08", treatment.Code, doctor.Id.ToString(CultureInfo.InvariantCulture));

            using var start = new SemaphoreSlim(0, 2);
            var course = Task.Run(async () => { await start.WaitAsync(); return await courseClient.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>()); });
            var other = Task.Run(async () =>
            {
                await start.WaitAsync();
                return await otherClient.SubmitAsync(otherForm, "form[data-booking-form]", BookingSteps.Patient(contested, email: $"race-other-{round}@example.test"));
            });
            start.Release(2);
            var (courseResponse, otherResponse) = (await course, await other);
            outcomes.Add((courseResponse.StatusCode, otherResponse.StatusCode));

            var first = await site.AppointmentAsync(token);
            var sessions = await site.CourseOfAsync(first.Id);
            var contestedUtc = DateTime.SpecifyKind(DateTime.ParseExact(contested, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture).AddHours(-8), DateTimeKind.Utc);
            var holders = await site.WithDbAsync(db => db.Appointments.CountAsync(a =>
                a.PractitionerId == doctor.Id && a.StartUtc == contestedUtc && (a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.Requested)));
            Assert.Equal(1, holders); // exactly one of the two has the contested time
            if (courseResponse.StatusCode == HttpStatusCode.SeeOther)
            {
                Assert.Equal(3, sessions.Count);
                Assert.Equal(HttpStatusCode.Conflict, otherResponse.StatusCode);
            }
            else
            {
                Assert.Empty(sessions); // nothing half-booked: no session 2, no session 3, session 1 not marked as a course
                Assert.Null(first.CourseId);
                Assert.Equal(HttpStatusCode.SeeOther, otherResponse.StatusCode);
                Assert.Contains((int)courseResponse.StatusCode, new[] { 409, 422 });
            }
        }

        Assert.Equal(6, outcomes.Count);
    }

    [Fact]
    public async Task The_same_course_form_sent_five_times_at_once_books_the_course_once_and_never_blames_another_patient()
    {
        var (treatment, doctor) = await site.CourseAsync();
        var client = site.Browser();
        var token = await site.BookFirstAsync(client, treatment, doctor, "2026-12-15T11:00", "double-click-course@example.test");
        var proposal = await client.GetPageAsync($"/book/manage/{token}/course");

        using var start = new SemaphoreSlim(0, 5);
        var posts = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>());
        })).ToList();
        start.Release(5);
        var responses = await Task.WhenAll(posts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var text = (await Html.ReadAsync(refused)).Text();
            Assert.DoesNotContain("Another patient", text);
            Assert.Contains("already booked", text);
        }

        Assert.Equal(3, (await site.CourseOfAsync((await site.AppointmentAsync(token)).Id)).Count);
    }

    [Fact]
    public async Task The_same_session_move_sent_five_times_at_once_and_again_later_moves_it_once_and_answers_moved_each_time()
    {
        var (treatment, doctor) = await site.CourseAsync();
        var client = site.Browser();
        var token = await site.BookFirstAsync(client, treatment, doctor, "2026-12-16T11:00", "double-click-move@example.test");
        await client.SubmitAsync(await client.GetPageAsync($"/book/manage/{token}/course"), "#proposal form", new Dictionary<string, string?>());
        var page = await client.GetPageAsync($"/book/manage/{token}/course");
        var option = page.QuerySelector("#move-2 option:not([selected])")!.GetAttribute("value")!;

        var answers = await Races.RunAsync(() => client.SubmitAsync(page, "#move-form-2", new Dictionary<string, string?> { ["Slot"] = option }), 5);
        var again = await client.SubmitAsync(page, "#move-form-2", new Dictionary<string, string?> { ["Slot"] = option });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.SeeOther, a.Status));
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var second = (await site.CourseOfAsync((await site.AppointmentAsync(token)).Id))[1];
        Assert.Equal(option, TimeZoneInfo.ConvertTimeFromUtc(second.StartUtc, TestBookings.ClinicZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        Assert.Single(await site.WithDbAsync(db => db.AppointmentChanges.Where(c => c.AppointmentId == second.Id && c.Kind == AppointmentChangeKind.Rescheduled).ToListAsync()));
    }
}
