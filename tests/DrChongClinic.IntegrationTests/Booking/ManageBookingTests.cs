using System.Net;
using System.Text.Json;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Booking;

public sealed class ManageBookingTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private readonly HttpClient _client = factory.Browser();

    [Fact]
    public async Task The_manage_link_shows_the_booking_privately()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-14T09:30");

        var response = await _client.GetAsync($"/book/manage/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Referrer-Policy").Single(), new[] { "same-origin", "no-referrer" });
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var page = await Html.ReadAsync(response);
        Assert.Equal("Your booking", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Monday, 14 December 2026", page.Text());
        Assert.Contains("9:30 am", page.Text());
        Assert.Contains("Pico laser", page.Text());
        Assert.Contains("+60 12-345 6789", page.Text());
        Assert.Contains("Confirmed", page.Text());
        Assert.NotNull(page.QuerySelector("meta[name=robots][content*=noindex]"));
    }

    [Fact]
    public async Task The_Malay_link_shows_the_same_booking_in_Malay()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-14T10:30");

        var page = await _client.GetPageAsync($"/ms/tempah/urus/{token}");

        Assert.Equal("ms", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Tempahan anda", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Isnin, 14 Disember 2026", page.Text());
        Assert.Contains("Disahkan", page.Text());
        Assert.Equal($"/book/manage/{token}", page.QuerySelector("a.lang-switch")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Patient_cancels_with_a_reason_the_time_is_freed_and_an_email_is_due()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-14T11:00");
        var page = await _client.GetPageAsync($"/book/manage/{token}");

        var response = await _client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?> { ["Reason"] = "Travelling that week" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/book/manage/{token}?done=cancelled", response.Headers.Location!.OriginalString);
        var appointment = await factory.AppointmentAsync(token);
        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Equal(ChangedBy.Patient, appointment.CancelledBy);
        Assert.Equal("Travelling that week", appointment.CancellationReason);
        Assert.Empty(appointment.Slots);
        Assert.Contains(EmailKind.BookingCancelled, await EmailsAsync(appointment.Id));
        var after = await _client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Your booking is cancelled", after.Text());
        Assert.Null(after.QuerySelector("#cancel form"));
        Assert.Null(after.QuerySelector(".manage-link"));
        Assert.DoesNotContain("Anyone with the link can change the booking", after.Text());
        Assert.Contains("2026-12-14T11:00", await FreeTimesAsync("2026-12-14", "any"));
    }

    [Fact]
    public async Task Patient_moves_the_booking_to_a_free_time_and_it_stays_the_same_booking()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-15T09:00");
        var before = await factory.AppointmentAsync(token);
        var page = await _client.GetPageAsync($"/book/manage/{token}?date=2026-12-16");

        var response = await _client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = "2026-12-16T14:00" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/book/manage/{token}?done=rescheduled", response.Headers.Location!.OriginalString);
        var after = await factory.AppointmentAsync(token);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Reference, after.Reference);
        Assert.Equal(before.PractitionerId, after.PractitionerId);
        Assert.Equal(new DateTime(2026, 12, 16, 6, 0, 0, DateTimeKind.Utc), after.StartUtc);
        Assert.Equal(new DateTime(2026, 12, 16, 6, 0, 0, DateTimeKind.Utc), after.Slots.Min(s => s.CellStartUtc));
        Assert.Equal(2, after.History.Count);
        Assert.Contains(EmailKind.BookingRescheduled, await EmailsAsync(after.Id));
        Assert.Contains("Wednesday, 16 December 2026", (await _client.GetPageAsync(response.Headers.Location!.OriginalString)).Text());
    }

    [Fact]
    public async Task Moving_by_fifteen_minutes_over_its_own_time_works()
    {
        var drChong = await factory.PractitionerIdAsync(BookingSteps.DrChong);
        var token = await _client.BookAndGetTokenAsync("2026-12-17T10:00", practitioner: drChong.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var page = await _client.GetPageAsync($"/book/manage/{token}?date=2026-12-17");
        Assert.NotNull(page.QuerySelector("input[name=Slot][value='2026-12-17T10:15']"));
        Assert.Null(page.QuerySelector("input[name=Slot][value='2026-12-17T10:00']")); // its present time is not a move

        var response = await _client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = "2026-12-17T10:15" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var moved = await factory.AppointmentAsync(token);
        Assert.Equal(new DateTime(2026, 12, 17, 2, 15, 0, DateTimeKind.Utc), moved.StartUtc);
        Assert.Equal(12, moved.Slots.Count);
    }

    [Fact]
    public async Task Moving_to_a_time_someone_else_holds_offers_the_nearest_free_times()
    {
        var drChong = (await factory.PractitionerIdAsync(BookingSteps.DrChong)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mine = await _client.BookAndGetTokenAsync("2026-12-18T09:00", practitioner: drChong);
        var page = await _client.GetPageAsync($"/book/manage/{mine}?date=2026-12-18");
        await _client.BookAndGetTokenAsync("2026-12-18T11:00", practitioner: drChong, email: "someone@example.com");

        var response = await _client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = "2026-12-18T11:00" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var taken = await Html.ReadAsync(response);
        Assert.Contains("that time was just taken", taken.Text());
        var offered = taken.QuerySelectorAll("input[name=Slot]").Select(i => i.GetAttribute("value")).ToList();
        Assert.NotEmpty(offered);
        Assert.DoesNotContain("2026-12-18T11:00", offered);
        Assert.Contains("2026-12-18T10:00", offered);
        Assert.Equal(new DateTime(2026, 12, 18, 1, 0, 0, DateTimeKind.Utc), (await factory.AppointmentAsync(mine)).StartUtc);
    }

    [Fact]
    public async Task Cancel_within_24_hours_is_refused_and_the_page_says_to_call()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-21T10:00");
        var page = await _client.GetPageAsync($"/book/manage/{token}");
        factory.Clock.Now = new DateTimeOffset(2026, 12, 20, 4, 0, 0, TimeSpan.Zero); // Sunday noon: 22 hours before
        try
        {
            var response = await _client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?> { ["Reason"] = "" });

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var refused = await Html.ReadAsync(response);
            Assert.Contains("less than 24 hours before your appointment", refused.Text());
            Assert.Null(refused.QuerySelector("#cancel"));
            Assert.NotNull(refused.QuerySelector("a[href^='tel:']"));
            Assert.Equal(AppointmentStatus.Confirmed, (await factory.AppointmentAsync(token)).Status);

            var reschedule = await _client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = "2026-12-22T10:00" });
            Assert.Equal(HttpStatusCode.Conflict, reschedule.StatusCode);
            Assert.Equal(new DateTime(2026, 12, 21, 2, 0, 0, DateTimeKind.Utc), (await factory.AppointmentAsync(token)).StartUtc);
        }
        finally
        {
            factory.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc);
        }
    }

    [Fact]
    public async Task Cancelling_twice_is_refused_politely()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-22T15:00");
        var page = await _client.GetPageAsync($"/book/manage/{token}");
        await _client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?>());

        var again = await _client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("no longer active", (await Html.ReadAsync(again)).Text());
    }

    [Theory]
    [InlineData("2026-12-23T09:00", "Slot", "2026-12-22T10:10", "Appointments start at the times shown")]
    [InlineData("2026-12-23T10:00", "Slot", "2026-12-27T10:00", "The clinic does not offer this treatment at that time")]
    [InlineData("2026-12-23T11:00", "Slot", "2026-12-01T10:00", "That time has already passed")]
    [InlineData("2026-12-23T12:00", "Slot", "soon", "That time is not valid")]
    [InlineData("2026-12-23T14:00", "Slot", null, "Please choose a time")]
    [InlineData("2026-12-23T15:00", "Reason", "x", "Please keep this to 500 characters or fewer")]
    public async Task Bad_changes_are_refused_with_422_and_the_booking_is_unchanged(string booked, string field, string? value, string message)
    {
        var token = await _client.BookAndGetTokenAsync(booked);
        var page = await _client.GetPageAsync($"/book/manage/{token}");

        var response = field == "Reason"
            ? await _client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?> { ["Reason"] = new string('x', 501) })
            : await _client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { [field] = value });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, (await Html.ReadAsync(response)).Text());
        var appointment = await factory.AppointmentAsync(token);
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(booked, System.Globalization.CultureInfo.InvariantCulture).AddHours(-8), DateTimeKind.Utc), appointment.StartUtc);
    }

    [Theory]
    [InlineData("/book/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "We could not find this booking link")]
    [InlineData("/book/manage/short", "We could not find this booking link")]
    [InlineData("/book/manage/%3Cscript%3E", "We could not find this booking link")]
    [InlineData("/ms/tempah/urus/tiada", "Pautan tempahan ini tidak dapat ditemui")]
    [InlineData("/book/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/slots?date=2026-12-08", "We could not find this booking link")]
    public async Task Unknown_or_malformed_links_get_a_friendly_404(string url, string heading)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(heading, url.Contains("/slots", StringComparison.Ordinal) ? JsonDocument.Parse(body).RootElement.GetProperty("error").GetString() : Html.Parse(body).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/book/manage/short", "If it still does not work, please call us on ")]
    [InlineData("/ms/tempah/urus/tiada", "Jika masih tidak berjaya, sila hubungi kami di ")]
    public async Task The_friendly_404_offers_the_clinic_number_as_a_tap_to_call_link(string url, string sentence)
    {
        var page = Html.Parse(await (await _client.GetAsync(url)).Content.ReadAsStringAsync());

        var call = page.QuerySelectorAll(".booking-not-found p").Single(p => p.TextContent.StartsWith(sentence, StringComparison.Ordinal));
        var link = Assert.Single(call.QuerySelectorAll("a"));
        Assert.Equal(sentence + link.TextContent + ".", call.TextContent);
        Assert.Equal(SitePaths.Tel(link.TextContent), link.GetAttribute("href"));
        Assert.Matches(@"^tel:\+\d{9,12}$", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Posting_to_an_unknown_link_changes_nothing_and_gets_the_friendly_404()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-24T09:00");
        var page = await _client.GetPageAsync($"/book/manage/{token}");
        var form = page.QuerySelector("#cancel form")!;
        form.SetAttribute("action", "/book/manage/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB/cancel");

        var response = await _client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AppointmentStatus.Confirmed, (await factory.AppointmentAsync(token)).Status);
    }

    [Fact]
    public async Task The_link_expires_some_time_after_the_appointment()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-24T10:00");
        factory.Clock.Now = new DateTimeOffset(2027, 1, 24, 3, 0, 0, TimeSpan.Zero); // a month and a bit later
        try
        {
            var response = await _client.GetAsync($"/book/manage/{token}");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("We could not find this booking link", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            factory.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc);
        }
    }

    [Fact]
    public async Task Reschedule_times_load_as_json_count_the_bookings_own_time_as_free_but_do_not_offer_it_as_a_move()
    {
        var drChong = (await factory.PractitionerIdAsync(BookingSteps.DrChong)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = await _client.BookAndGetTokenAsync("2026-12-28T14:00", practitioner: drChong);

        var response = await _client.GetAsync($"/book/manage/{token}/slots?date=2026-12-28");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var values = json.RootElement.GetProperty("times").EnumerateArray().Select(t => t.GetProperty("value").GetString()).ToList();
        Assert.DoesNotContain("2026-12-28T14:00", values); // where it is now: moving there would change nothing
        Assert.Contains("2026-12-28T14:15", values); // overlapping its own time is fine
        Assert.Contains("2026-12-28T14:30", values);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/book/manage/{token}/slots?date=nope")).StatusCode);
    }

    [Fact]
    public async Task Reschedule_times_of_a_cancelled_booking_say_it_is_no_longer_active_not_that_it_is_too_late()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-29T09:00");
        var page = await _client.GetPageAsync($"/book/manage/{token}");
        await _client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?> { ["Reason"] = "" });

        var response = await _client.GetAsync($"/book/manage/{token}/slots?date=2026-12-30");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Equal("This booking is no longer active, so it cannot be changed.", error);
    }

    [Fact]
    public async Task A_done_banner_in_the_address_is_shown_only_when_the_booking_bears_it_out()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-29T10:30");

        var claimedCancelled = await _client.GetPageAsync($"/book/manage/{token}?done=cancelled");
        var claimedMovedInMalay = await _client.GetPageAsync($"/ms/tempah/urus/{token}?done=cancelled");

        Assert.DoesNotContain("Your booking is cancelled", claimedCancelled.Text());
        Assert.Contains("Confirmed", claimedCancelled.Text());
        Assert.DoesNotContain("telah dibatalkan", claimedMovedInMalay.Text());
    }

    private Task<List<EmailKind>> EmailsAsync(int appointmentId) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == appointmentId).Select(m => m.Kind).ToListAsync());

    private async Task<List<string?>> FreeTimesAsync(string date, string practitioner) =>
        (await _client.DetailsPageAsync(date, practitioner: practitioner)).QuerySelectorAll("input[name=Slot]").Select(i => i.GetAttribute("value")).ToList();
}
