using System.Globalization;
using System.Net;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Courses;

/// <summary>
/// Treatment courses over real HTTP, a real SQLite file and a real SMTP server. Now is Monday 7 December 2026, 08:00 in
/// Kuala Lumpur; each test has its own treatment (3 sessions, 4 to 6 weeks apart), doctor and patient address.
/// </summary>
public sealed class CourseBookingTests(CourseSite site) : IClassFixture<CourseSite>
{
    private readonly HttpClient _client = site.Browser();

    [Fact]
    public async Task Patient_books_the_first_session_then_the_whole_course_and_gets_one_email_listing_every_session()
    {
        var (treatment, doctor) = await site.CourseAsync();
        var token = await site.BookFirstAsync(_client, treatment, doctor, "2026-12-08T10:00", "course-one@example.test");

        var manage = await _client.GetPageAsync($"/book/manage/{token}?done=booked");
        var offer = manage.QuerySelector("#course a.button")!;
        Assert.Equal("Book the remaining 2 sessions", offer.TextContent.Trim());

        var proposal = await _client.GetPageAsync(offer.GetAttribute("href")!);
        Assert.Equal("2027-01-05T10:00", proposal.QuerySelector("#session-2 option[selected]")!.GetAttribute("value"));
        Assert.Equal("2027-02-02T10:00", proposal.QuerySelector("#session-3 option[selected]")!.GetAttribute("value"));
        Assert.Contains("Between Tuesday, 5 January 2027 and Tuesday, 19 January 2027", proposal.Text());

        var response = await _client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/book/manage/{token}?done=course", response.Headers.Location!.OriginalString);
        var first = await site.AppointmentAsync(token);
        var sessions = await site.CourseOfAsync(first.Id);
        Assert.Equal([1, 2, 3], sessions.Select(s => s.CourseSession ?? 0));
        Assert.Equal(
            [new DateTime(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc), new DateTime(2027, 2, 2, 2, 0, 0, DateTimeKind.Utc)],
            sessions.Select(s => s.StartUtc));
        Assert.All(sessions, s => Assert.Equal(doctor.Id, s.PractitionerId));
        Assert.All(sessions, s => Assert.NotEmpty(s.Slots));
        Assert.Equal(3, sessions.Select(s => s.Reference).Distinct().Count());

        var after = await _client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Your course is booked", after.Text());
        Assert.Equal(3, after.QuerySelectorAll("#course .course-sessions li").Length);
        Assert.Contains("Tuesday, 2 February 2027", after.Text());

        var emails = await site.SendEmailsAsync(site.Smtp, "course-one@example.test");
        Assert.Equal(2, emails.Count); // the first session's confirmation, then one email for the course
        var course = Assert.Single(emails, e => e.Subject.Contains("course of 3 sessions", StringComparison.Ordinal));
        Assert.Contains("Session 1: Tuesday, 8 December 2026, 10:00 am", course.Text);
        Assert.Contains("Session 2: Tuesday, 5 January 2027, 10:00 am", course.Text);
        Assert.Contains("Session 3: Tuesday, 2 February 2027, 10:00 am", course.Text);
        Assert.Contains($"/book/manage/{token}", course.Text);
        var calendars = course.Message.Attachments.OfType<MimeKit.MimePart>().Where(a => a.ContentType.IsMimeType("text", "calendar")).ToList();
        Assert.Equal(["session-2.ics", "session-3.ics"], calendars.Select(c => c.FileName));
        using var ics = new MemoryStream();
        await calendars[0].Content!.DecodeToAsync(ics);
        var icsText = System.Text.Encoding.UTF8.GetString(ics.ToArray());
        Assert.Contains("DTSTART;TZID=Asia/Kuala_Lumpur:20270105T100000", icsText);
        Assert.Contains($"UID:{sessions[1].Reference}@", icsText);
        var clinic = site.Smtp.To(Email.TestBookings.ClinicInbox);
        Assert.Contains(clinic, e => e.Subject.StartsWith("New course booked", StringComparison.Ordinal) && e.Text.Contains("Session 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closure_on_the_usual_day_is_shown_with_its_reason_and_the_same_weekday_a_week_later_proposed()
    {
        var (treatment, doctor) = await site.CourseAsync();
        await site.WithDbAsync(db =>
        {
            db.Closures.Add(new Closure { PractitionerId = doctor.Id, FirstDay = new DateOnly(2027, 1, 5), LastDay = new DateOnly(2027, 1, 5), Reason = "Test leave" });
            return db.SaveChangesAsync();
        });
        var token = await site.BookFirstAsync(_client, treatment, doctor, "2026-12-08T11:00", "course-clash@example.test");

        var proposal = await _client.GetPageAsync($"/book/manage/{token}/course");

        Assert.Contains("The usual time, Tuesday, 5 January 2027, 11:00 am, is not possible: the clinic or the doctor is closed that day", proposal.Text());
        Assert.Equal("2027-01-12T11:00", proposal.QuerySelector("#session-2 option[selected]")!.GetAttribute("value"));
        Assert.Equal("2027-02-09T11:00", proposal.QuerySelector("#session-3 option[selected]")!.GetAttribute("value"));

        var malay = await _client.GetPageAsync($"/ms/tempah/urus/{token}/kursus");
        Assert.Contains("klinik atau doktor tidak bertugas pada hari itu", malay.Text());
        Assert.Contains("12 Jan 2027", malay.QuerySelector("#session-2 option[selected]")!.TextContent);
    }

    [Fact]
    public async Task A_time_taken_since_the_page_was_shown_books_nothing_and_shows_the_proposal_again()
    {
        var (treatment, doctor) = await site.CourseAsync();
        var token = await site.BookFirstAsync(_client, treatment, doctor, "2026-12-09T10:00", "course-taken@example.test");
        var proposal = await _client.GetPageAsync($"/book/manage/{token}/course");
        await site.BookFirstAsync(site.Browser(), treatment, doctor, "2027-01-06T10:00", "someone-else@example.test");

        var response = await _client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("Another patient has just taken one of these times, so nothing was booked", page.Text());
        Assert.Contains("The time you chose cannot be booked: another patient has that time", page.Text());
        Assert.Empty(await site.CourseOfAsync((await site.AppointmentAsync(token)).Id));
    }

    [Fact]
    public async Task Moving_a_session_within_its_weeks_works_and_outside_them_is_refused_with_the_reason()
    {
        var (token, sessions) = await BookedCourseAsync("2026-12-10T10:00", "course-move@example.test");

        var page = await _client.GetPageAsync($"/book/manage/{token}/course");
        var option = page.QuerySelector("#move-2 option")!.GetAttribute("value")!;
        var moved = await _client.SubmitAsync(page, "#move-form-2", new Dictionary<string, string?> { ["Slot"] = option });
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        var afterMove = (await site.CourseOfAsync(sessions[0].Id))[1];
        Assert.Equal(CourseLocal(afterMove.StartUtc), DateTime.ParseExact(option, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));

        // One day too close to session 1 (4 weeks minus a day), a free time otherwise.
        page = await _client.GetPageAsync($"/book/manage/{token}/course");
        var tooClose = await _client.SubmitAsync(page, "#move-form-2", new Dictionary<string, string?> { ["Slot"] = "2027-01-06T10:00" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooClose.StatusCode);
        Assert.Contains("Session 2 would be too soon after session 1: it must be between Thursday, 7 January 2027 and",
            (await Html.ReadAsync(tooClose)).QuerySelector("#course-problem")!.TextContent);

        // Session 2's own manage link offers no times of its own and sends the patient to the course page; its
        // reschedule form, posted anyway, still keeps the weeks, and so does its free-times look-up.
        var sessionTwoToken = site.Unprotect(afterMove.ProtectedManageToken);
        var own = await _client.GetPageAsync($"/book/manage/{sessionTwoToken}?date=2026-12-28");
        Assert.Empty(own.QuerySelectorAll("#reschedule input[name=Slot], #reschedule form"));
        Assert.Contains("This is session 2 of your course", own.QuerySelector("#reschedule")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/book/manage/{sessionTwoToken}/course", own.QuerySelector("#reschedule a")!.GetAttribute("href"));
        var ownMs = await _client.GetPageAsync($"/ms/tempah/urus/{sessionTwoToken}");
        Assert.Contains("Ini ialah sesi 2 dalam kursus anda", ownMs.QuerySelector("#reschedule")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/ms/tempah/urus/{sessionTwoToken}/kursus", ownMs.QuerySelector("#reschedule a")!.GetAttribute("href"));
        var lookUp = await _client.GetAsync($"/book/manage/{sessionTwoToken}/slots?date=2026-12-28");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lookUp.StatusCode);
        Assert.Contains("course page", await lookUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var antiForgery = own.QuerySelector("#cancel input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var rescheduled = await _client.PostAsync($"/book/manage/{sessionTwoToken}/reschedule", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Slot"] = "2026-12-28T10:00",
            ["__RequestVerificationToken"] = antiForgery,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rescheduled.StatusCode);
        Assert.Contains("would not leave the right number of weeks between the sessions", (await Html.ReadAsync(rescheduled)).Text());
        Assert.Equal(afterMove.StartUtc, (await site.CourseOfAsync(sessions[0].Id))[1].StartUtc);

        // A Sunday inside the window: the doctor does not work then.
        var sunday = await _client.SubmitAsync(page, "#move-form-2", new Dictionary<string, string?> { ["Slot"] = "2027-01-10T10:00" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sunday.StatusCode);
        Assert.Contains("the doctor does not work at that time", (await Html.ReadAsync(sunday)).Text());
    }

    [Fact]
    public async Task A_course_counts_as_one_booking_for_the_patient_cap()
    {
        var (token, _) = await BookedCourseAsync("2026-12-11T10:00", "course-cap@example.test");

        // Cap is 3 active bookings per address: the course (3 sessions) and two more are allowed, a fourth is not.
        Assert.Equal(HttpStatusCode.SeeOther, (await _client.BookAsync(BookingSteps.Patient("2026-12-14T15:00", email: "course-cap@example.test"))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await _client.BookAsync(BookingSteps.Patient("2026-12-14T15:30", email: "course-cap@example.test"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.BookAsync(BookingSteps.Patient("2026-12-14T16:00", email: "course-cap@example.test"))).StatusCode);
        Assert.NotNull(token);
    }

    [Theory]
    [InlineData("Times[0]=garbage&Times[1]=2027-02-02T10:00", HttpStatusCode.UnprocessableEntity)]
    [InlineData("Times[0]=0001-01-01T00:00&Times[1]=9999-12-31T23:59", HttpStatusCode.UnprocessableEntity)]
    [InlineData("Times[0]=2027-01-05T10:00", HttpStatusCode.UnprocessableEntity)]
    [InlineData("Times[0]=2027-01-05T10:07&Times[1]=2027-02-02T10:00", HttpStatusCode.UnprocessableEntity)]
    [InlineData("Times[0]=2027-01-04T10:00&Times[1]=2027-02-01T10:00", HttpStatusCode.UnprocessableEntity)]
    [InlineData("Times[5000]=2027-01-05T10:00", HttpStatusCode.UnprocessableEntity)]
    [InlineData("Replan=1&Times[0]=2099-01-01T10:00", HttpStatusCode.OK)]
    public async Task Bad_course_forms_get_a_friendly_4xx_and_book_nothing(string form, HttpStatusCode expected)
    {
        var (treatment, doctor) = await site.CourseAsync();
        var token = await site.BookFirstAsync(_client, treatment, doctor, "2026-12-15T10:00", $"course-bad-{Guid.NewGuid():N}@example.test");
        var page = await _client.GetPageAsync($"/book/manage/{token}/course");
        var fields = form.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => (string?)p[1]);
        fields["Times[0]"] = fields.GetValueOrDefault("Times[0]");
        fields["Times[1]"] = fields.GetValueOrDefault("Times[1]");

        var response = await _client.SubmitAsync(page, "#proposal form", fields);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("#proposal form"));
        Assert.Empty(await site.CourseOfAsync((await site.AppointmentAsync(token)).Id));
    }

    [Theory]
    [InlineData("-1", "2027-01-12T10:00", HttpStatusCode.NotFound, "We could not find that course session.")]
    [InlineData("999", "2027-01-12T10:00", HttpStatusCode.NotFound, "We could not find that course session.")]
    [InlineData("2", "not-a-time", HttpStatusCode.UnprocessableEntity, "That time could not be read, so nothing was moved.")]
    [InlineData("2", "", HttpStatusCode.UnprocessableEntity, "That time could not be read, so nothing was moved.")]
    [InlineData("2", "9999-12-31T23:59", HttpStatusCode.UnprocessableEntity, "That time could not be read, so nothing was moved.")]
    [InlineData("1", "2026-11-01T10:00", HttpStatusCode.UnprocessableEntity, "That time cannot be booked")]
    [InlineData("3", "2027-01-12T10:00", HttpStatusCode.UnprocessableEntity, "Session 3 would be too soon after session 2")]
    public async Task Bad_move_forms_get_a_friendly_4xx_that_says_what_was_wrong_and_move_nothing(string session, string slot, HttpStatusCode expected, string message)
    {
        var (token, sessions) = await BookedCourseAsync("2026-12-16T10:00", $"course-badmove-{Guid.NewGuid():N}@example.test");
        var page = await _client.GetPageAsync($"/book/manage/{token}/course");

        var response = await _client.SubmitAsync(page, "#move-form-2", new Dictionary<string, string?> { ["Session"] = session, ["Slot"] = slot });

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, (await Html.ReadAsync(response)).QuerySelector("#course-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(sessions.Select(s => s.StartUtc), (await site.CourseOfAsync(sessions[0].Id)).Select(s => s.StartUtc));
    }

    [Fact]
    public async Task Moving_a_session_to_a_past_time_says_the_time_is_past_not_that_it_breaks_the_weeks()
    {
        var (token, sessions) = await BookedCourseAsync("2026-12-18T10:00", $"course-pastmove-{Guid.NewGuid():N}@example.test");
        var page = await _client.GetPageAsync($"/book/manage/{token}/course");

        var response = await _client.SubmitAsync(page, "#move-form-2", new Dictionary<string, string?> { ["Session"] = "1", ["Slot"] = "2026-11-02T10:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await Html.ReadAsync(response)).QuerySelector("#course-problem")!.TextContent;
        Assert.Contains("that time is too soon or already past", problem);
        Assert.DoesNotContain("session before", problem);
        Assert.Equal(sessions.Select(s => s.StartUtc), (await site.CourseOfAsync(sessions[0].Id)).Select(s => s.StartUtc));
    }

    [Fact]
    public async Task A_treatment_without_a_course_offers_none_and_its_course_page_is_a_friendly_404()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-17T10:00", email: "no-course@example.test");

        var manage = await _client.GetPageAsync($"/book/manage/{token}");
        Assert.Null(manage.QuerySelector("#course"));
        var response = await _client.GetAsync($"/book/manage/{token}/course");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not booked as a course", (await Html.ReadAsync(response)).Text());
    }

    [Fact]
    public async Task Booking_a_course_again_after_cancelling_it_says_it_was_cancelled_not_that_it_is_booked()
    {
        var (treatment, doctor) = await site.CourseAsync();
        var token = await site.BookFirstAsync(_client, treatment, doctor, "2026-12-21T10:00", $"course-again-{Guid.NewGuid():N}@example.test");
        var proposal = await _client.GetPageAsync($"/book/manage/{token}/course");
        Assert.Equal(HttpStatusCode.SeeOther, (await _client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>())).StatusCode);
        var manage = await _client.GetPageAsync($"/book/manage/{token}");
        Assert.Equal(HttpStatusCode.SeeOther, (await _client.SubmitAsync(manage, "#course form", new Dictionary<string, string?>())).StatusCode);
        var cancelled = await site.CourseOfAsync((await site.AppointmentAsync(token)).Id);
        Assert.All(cancelled, s => Assert.Equal(AppointmentStatus.Cancelled, s.Status));

        var again = await _client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var text = (await Html.ReadAsync(again)).Text();
        Assert.Contains("This booking is cancelled or already past", text, StringComparison.Ordinal);
        Assert.DoesNotContain("already booked", text, StringComparison.Ordinal);
        Assert.Equal(cancelled.Select(s => (s.Id, s.Status)), (await site.CourseOfAsync(cancelled[0].Id)).Select(s => (s.Id, s.Status)));
    }

    /// <summary>A course of 3 booked through the pages from a first session at <paramref name="firstSlot"/>.</summary>
    private async Task<(string Token, List<Appointment> Sessions)> BookedCourseAsync(string firstSlot, string email)
    {
        var (treatment, doctor) = await site.CourseAsync();
        var token = await site.BookFirstAsync(_client, treatment, doctor, firstSlot, email);
        var proposal = await _client.GetPageAsync($"/book/manage/{token}/course");
        Assert.Equal(HttpStatusCode.SeeOther, (await _client.SubmitAsync(proposal, "#proposal form", new Dictionary<string, string?>())).StatusCode);
        return (token, await site.CourseOfAsync((await site.AppointmentAsync(token)).Id));
    }

    private static DateTime CourseLocal(DateTime utc) => utc.AddHours(8);
}
