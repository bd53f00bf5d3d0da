using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Courses;

/// <summary>
/// The staff course page (/admin/bookings/{id}/course) over real HTTP: the proposal, booking all or none, access control,
/// bad ids and the Malay staff area. Now is Monday 7 December 2026, 08:00 in Kuala Lumpur; each test has its own
/// treatment (3 sessions, 4 to 6 weeks apart) and doctor, and a phone-in first session.
/// </summary>
public sealed class StaffCoursePageTests(CourseSite site) : IClassFixture<CourseSite>
{
    [Fact]
    public async Task Staff_see_the_proposal_and_book_the_whole_course_for_a_phone_in()
    {
        var staff = await site.StaffAsync();
        var first = await PhoneInAsync(new DateOnly(2026, 12, 8), 10);

        var detail = await staff.GetPageAsync($"/admin/bookings/{first}");
        Assert.Equal("Book the remaining 2 sessions (phone-in)", detail.QuerySelector(".course-link a")!.TextContent.Trim());
        var page = await staff.GetPageAsync($"/admin/bookings/{first}/course");
        Assert.Equal("2027-01-05T10:00", page.QuerySelector("#session-2 option[selected]")!.GetAttribute("value"));
        Assert.Equal("2027-02-02T10:00", page.QuerySelector("#session-3 option[selected]")!.GetAttribute("value"));

        var response = await staff.SubmitAsync(page, "#proposal form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // redirected back to the booking detail page
        Assert.Equal($"/admin/bookings/{first}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("The course is booked: 2 more sessions.", (await Html.ReadAsync(response)).QuerySelector(".flash")!.TextContent);
        var sessions = await site.CourseOfAsync(first);
        Assert.Equal([1, 2, 3], sessions.Select(s => s.CourseSession ?? 0));
        Assert.All(sessions, s => Assert.NotEmpty(s.Slots));
        var booked = await staff.GetPageAsync($"/admin/bookings/{first}/course");
        Assert.Equal(3, booked.QuerySelectorAll("#sessions tbody tr").Length);
        Assert.Null(booked.QuerySelector("#proposal"));
    }

    [Fact]
    public async Task A_time_taken_meanwhile_is_a_409_with_the_proposal_again_and_nothing_is_stored()
    {
        var staff = await site.StaffAsync();
        var first = await PhoneInAsync(new DateOnly(2026, 12, 9), 10);
        var page = await staff.GetPageAsync($"/admin/bookings/{first}/course");
        var doctor = (await site.WithDbAsync(db => Task.FromResult(db.Appointments.Single(a => a.Id == first).PractitionerId)));
        var treatment = (await site.WithDbAsync(db => Task.FromResult(db.Appointments.Single(a => a.Id == first).TreatmentId)));
        await TestBookings.BookAsync(site, doctor, treatment, TestBookings.ClinicTime(new DateOnly(2027, 1, 6), 10)); // session 2's time, taken
        var before = await site.AppointmentCountAsync();

        var response = await staff.SubmitAsync(page, "#proposal form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var again = await Html.ReadAsync(response);
        Assert.NotNull(again.QuerySelector("#proposal form"));
        Assert.Contains("nothing was booked", again.QuerySelector("#course-problem")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await site.CourseOfAsync(first));
        Assert.Equal(before, await site.AppointmentCountAsync());
        Assert.Null((await site.WithDbAsync(db => Task.FromResult(db.Appointments.Single(a => a.Id == first)))).CourseId);
    }

    [Fact]
    public async Task Staff_cancel_the_rest_of_a_course_from_its_page_with_a_reason()
    {
        var staff = await site.StaffAsync();
        var first = await PhoneInAsync(new DateOnly(2026, 12, 11), 14);
        await staff.SubmitAsync(await staff.GetPageAsync($"/admin/bookings/{first}/course"), "#proposal form", new Dictionary<string, string?>());
        var page = await staff.GetPageAsync($"/admin/bookings/{first}/course");
        Assert.NotNull(page.QuerySelector("#course-cancel textarea[name=Reason][required]"));

        var response = await staff.SubmitAsync(page, "#course-cancel form", new Dictionary<string, string?> { ["Reason"] = "Patient moved abroad" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // redirected back to the booking detail page
        var sessions = await site.CourseOfAsync(first);
        Assert.All(sessions, s => Assert.False(s.IsActive));
        Assert.All(sessions, s => Assert.Equal("Patient moved abroad", s.CancellationReason));
    }

    [Theory]
    [InlineData("\u202Eevil reason")] // reverses the text around it
    [InlineData("Bell\u0007 reason")]
    [InlineData("\u200B")] // nothing visible
    [InlineData(null)] // 501 characters, set below
    public async Task A_course_cancel_reason_is_checked_like_a_booking_cancel_reason_and_nothing_is_cancelled(string? reason)
    {
        var staff = await site.StaffAsync();
        var first = await PhoneInAsync(new DateOnly(2026, 12, 11), 11);
        await staff.SubmitAsync(await staff.GetPageAsync($"/admin/bookings/{first}/course"), "#proposal form", new Dictionary<string, string?>());
        var page = await staff.GetPageAsync($"/admin/bookings/{first}/course");

        var response = await staff.SubmitAsync(page, "#course-cancel form", new Dictionary<string, string?> { ["Reason"] = reason ?? new string('r', 501) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The reason is too long (at most 500 characters) or holds characters that cannot be used.", (await Html.ReadAsync(response)).Text());
        var sessions = await site.CourseOfAsync(first);
        Assert.Equal(3, sessions.Count);
        Assert.All(sessions, s => Assert.Null(s.CancellationReason));
        Assert.All(sessions, s => Assert.True(s.IsActive));
    }

    [Fact]
    public async Task Not_signed_in_goes_to_the_sign_in_page_and_a_wrong_anti_forgery_token_is_a_400()
    {
        var first = await PhoneInAsync(new DateOnly(2026, 12, 10), 10);
        var stranger = site.Browser();

        var get = await stranger.GetAsync($"/admin/bookings/{first}/course");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/admin/account/sign-in", get.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var post = await stranger.PostAsync($"/admin/bookings/{first}/course", new FormUrlEncodedContent([new("Times[0]", "2027-01-07T10:00"), new("Times[1]", "2027-02-04T10:00")]));
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)post.StatusCode}");

        var staff = await site.StaffAsync();
        var page = await staff.GetPageAsync($"/admin/bookings/{first}/course");
        var forged = await staff.SubmitAsync(page, "#proposal form", new Dictionary<string, string?> { ["__RequestVerificationToken"] = "not-the-token" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var cancelForged = await staff.PostAsync($"/admin/bookings/{first}/course/cancel", new FormUrlEncodedContent([new("Reason", "test")]));
        Assert.Equal(HttpStatusCode.BadRequest, cancelForged.StatusCode);
        Assert.Empty(await site.CourseOfAsync(first));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("2147483647")]
    [InlineData("0")]
    public async Task An_unknown_booking_id_is_a_404(string id)
    {
        var staff = await site.StaffAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin/bookings/{id}/course")).StatusCode);
        var page = await staff.GetPageAsync("/admin/bookings/new");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await staff.PostAsync($"/admin/bookings/{id}/course", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Times[0]", "2027-01-07T10:00")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_malformed_booking_id_is_a_404(string id)
    {
        var staff = await site.StaffAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin/bookings/{id}/course")).StatusCode);
    }

    [Fact]
    public async Task The_course_page_follows_the_Malay_staff_area()
    {
        var first = await PhoneInAsync(new DateOnly(2026, 12, 11), 10);
        var staff = await site.StaffAsync();
        await staff.SubmitAsync(await staff.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?>());
        try
        {
            var page = await staff.GetPageAsync($"/admin/bookings/{first}/course");

            Assert.Equal("ms", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("Kursus rawatan", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains("Tempah 2 sesi ini", page.QuerySelector("#proposal button[type=submit]")!.TextContent);
            Assert.Contains("Antara Jumaat, 8 Januari 2027 dan Jumaat, 22 Januari 2027", page.QuerySelector("#proposal")!.TextContent);
            Assert.DoesNotContain("Session", page.QuerySelector("main")!.TextContent);
        }
        finally
        {
            // Back to English for the other tests of this class (they share the signed-in client).
            await staff.SubmitAsync(await staff.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?>());
        }
    }

    /// <summary>A phone-in first session (made-up patient, straight into the database) at a clinic time, on the test's own course treatment and doctor.</summary>
    private async Task<int> PhoneInAsync(DateOnly day, int hour)
    {
        var (treatment, doctor) = await site.CourseAsync();
        var appointment = await TestBookings.BookAsync(site, doctor.Id, treatment.Id, TestBookings.ClinicTime(day, hour), patientName: "Test Phone Patient");
        return appointment.Id;
    }
}
