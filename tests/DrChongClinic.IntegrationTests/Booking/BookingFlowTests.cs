using System.Net;
using System.Text.Json;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Booking;

public sealed class BookingFlowTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private readonly HttpClient _client = factory.Browser();

    [Theory]
    [InlineData("/book", "en", "Book an appointment", "Pico laser", "Any available doctor")]
    [InlineData("/ms/tempah", "ms", "Tempah temujanji", "Laser pico", "Mana-mana doktor yang ada")]
    public async Task Booking_page_offers_the_treatments_and_doctors_in_the_language_of_its_url(string url, string lang, string heading, string treatment, string anyDoctor)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(treatment, page.Text());
        Assert.Contains(anyDoctor, page.Text());
        Assert.Equal(7, page.QuerySelectorAll("input[name=treatment]").Length);
        Assert.Contains(BookingSteps.DrChong, page.Text());
        Assert.Null(page.QuerySelector("form[data-booking-form]"));
    }

    [Fact]
    public async Task An_articles_book_button_preselects_the_treatment_and_lists_dates_with_free_times()
    {
        var page = await _client.GetPageAsync("/book?treatment=pico-laser");

        Assert.Equal("pico-laser", page.QuerySelector("input[name=treatment][checked]")!.GetAttribute("value"));
        Assert.Equal("any", page.QuerySelector("input[name=practitioner][checked]")!.GetAttribute("value"));
        var days = page.QuerySelectorAll("[data-day-list] a[data-date]").Select(a => a.GetAttribute("data-date")).ToList();
        Assert.Equal("2026-12-07", days[0]); // today still has times after the two hours' notice
        Assert.DoesNotContain("2026-12-13", days); // Sunday: closed
        Assert.Equal("2026-12-07", page.QuerySelector("input[type=date]")!.GetAttribute("min"));
        Assert.Equal("2027-02-05", page.QuerySelector("input[type=date]")!.GetAttribute("max"));
    }

    [Fact]
    public async Task Choosing_a_date_shows_its_free_times_as_radio_buttons_without_javascript()
    {
        var page = await _client.DetailsPageAsync("2026-12-08");

        var times = page.QuerySelectorAll("input[name=Slot]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal("2026-12-08T09:00", times[0]);
        Assert.Contains("2026-12-08T12:00", times);
        Assert.DoesNotContain("2026-12-08T12:15", times); // 45 minutes + 15 buffer would run into lunch
        Assert.Equal("2026-12-08T17:00", times[^1]);
        Assert.Contains("Tuesday, 8 December 2026", page.QuerySelector("legend[data-times-legend]")!.TextContent);
        Assert.False(page.QuerySelector("[data-details]")!.HasAttribute("hidden"));
        Assert.True(Guid.TryParse(page.QuerySelector("input[name=SubmissionId]")!.GetAttribute("value"), out _));
    }

    [Theory]
    [InlineData("/book/slots", "Free times on Tuesday, 8 December 2026", "9:00 am")]
    [InlineData("/ms/tempah/slot", "Masa kosong pada Selasa, 8 Disember 2026", "9:00 pagi")]
    public async Task Free_times_load_as_json_for_the_page_script(string url, string heading, string firstLabel)
    {
        var response = await _client.GetAsync($"{url}?treatment=consultation&practitioner=any&date=2026-12-08");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(heading, json.RootElement.GetProperty("heading").GetString());
        var first = json.RootElement.GetProperty("times")[0];
        Assert.Equal("2026-12-08T09:00", first.GetProperty("value").GetString());
        Assert.Equal(firstLabel, first.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Booking_a_free_time_stores_it_with_consent_and_emails_due_then_redirects_to_the_private_page()
    {
        var response = await _client.BookAsync(BookingSteps.Patient("2026-12-08T10:00"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Matches("^/book/manage/[A-Za-z0-9_-]{43}\\?done=booked$", response.Headers.Location!.OriginalString);
        var token = BookingSteps.TokenFrom(response);
        var appointment = await factory.AppointmentAsync(token);
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal(new DateTime(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc), appointment.StartUtc); // 10:00 in Kuala Lumpur
        Assert.Equal("+60123456789", appointment.Patient.Phone);
        Assert.Equal("Nur Aisyah binti Rahman", appointment.Patient.Name);
        Assert.Equal("en", appointment.Patient.Language);
        Assert.Equal(BookingFactory.MondayMorningUtc, appointment.ConsentedAtUtc);
        Assert.Equal("2026-11", appointment.PrivacyNoticeVersion);
        Assert.Equal(ManageToken.Hash(token), appointment.ManageTokenHash);
        Assert.Equal(token, factory.Unprotect(appointment.ProtectedManageToken));
        Assert.Equal(12, appointment.Slots.Count);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$", appointment.Reference);
        var emails = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == appointment.Id).Select(m => m.Kind).ToListAsync());
        Assert.Equal([EmailKind.BookingConfirmed, EmailKind.ClinicNewBookingNotice], emails.Order());

        var confirmation = await _client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Thank you, your appointment is booked", confirmation.QuerySelector("h1")!.TextContent);
        Assert.Contains(BookingReference.Display(appointment.Reference), confirmation.Text());
        Assert.Contains("10:00 am", confirmation.Text());
        Assert.Contains($"/book/manage/{token}", confirmation.QuerySelector(".link-box")!.TextContent);
    }

    [Fact]
    public async Task The_Malay_flow_books_in_Malay_and_opens_the_Malay_manage_page()
    {
        var fields = BookingSteps.Patient("2026-12-08T11:00", email: "siti@example.com");
        fields["Language"] = "ms";

        var response = await _client.BookAsync(fields, language: "ms");

        Assert.StartsWith("/ms/tempah/urus/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var appointment = await factory.AppointmentAsync(BookingSteps.TokenFrom(response));
        Assert.Equal("ms", appointment.Patient.Language);
        var page = await _client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("ms", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Terima kasih", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Laser pico", page.Text());
    }

    [Fact]
    public async Task Posting_the_same_form_twice_makes_one_booking_and_shows_it_both_times()
    {
        var page = await _client.DetailsPageAsync("2026-12-09");
        var fields = BookingSteps.Patient("2026-12-09T09:00");

        var first = await _client.SubmitAsync(page, "form[data-booking-form]", fields);
        var second = await _client.SubmitAsync(page, "form[data-booking-form]", fields);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var submission = Guid.Parse(page.QuerySelector("input[name=SubmissionId]")!.GetAttribute("value")!);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.SubmissionId == submission)));
    }

    [Fact]
    public async Task A_form_resent_with_someone_elses_email_does_not_reveal_the_first_booking()
    {
        var page = await _client.DetailsPageAsync("2026-12-09");
        var first = await _client.SubmitAsync(page, "form[data-booking-form]", BookingSteps.Patient("2026-12-09T10:00"));
        var count = await factory.AppointmentCountAsync();

        var second = await _client.SubmitAsync(page, "form[data-booking-form]", BookingSteps.Patient("2026-12-09T14:00", email: "other@example.com"));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = await second.Content.ReadAsStringAsync();
        Assert.Contains("This form was already used for a booking", body);
        Assert.DoesNotContain(BookingSteps.TokenFrom(first), body);
        Assert.Equal(count, await factory.AppointmentCountAsync());
    }

    [Fact]
    public async Task Any_doctor_fills_both_doctors_and_then_the_time_is_taken()
    {
        var first = await _client.BookAsync(BookingSteps.Patient("2026-12-10T10:00", email: "one@example.com"));
        var second = await _client.BookAsync(BookingSteps.Patient("2026-12-10T10:00", email: "two@example.com"));

        var doctors = new[]
        {
            (await factory.AppointmentAsync(BookingSteps.TokenFrom(first))).PractitionerId,
            (await factory.AppointmentAsync(BookingSteps.TokenFrom(second))).PractitionerId,
        };
        Assert.Equal(2, doctors.Distinct().Count());
        var times = (await _client.DetailsPageAsync("2026-12-10")).QuerySelectorAll("input[name=Slot]").Select(i => i.GetAttribute("value"));
        Assert.DoesNotContain("2026-12-10T10:00", times);
    }

    [Fact]
    public async Task A_chosen_doctor_gets_the_booking_and_the_other_doctor_stays_free()
    {
        var drChong = await factory.PractitionerIdAsync(BookingSteps.DrChong);

        var token = await _client.BookAndGetTokenAsync("2026-12-11T15:00", practitioner: drChong.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(drChong, (await factory.AppointmentAsync(token)).PractitionerId);
        var anyTimes = (await _client.DetailsPageAsync("2026-12-11")).QuerySelectorAll("input[name=Slot]").Select(i => i.GetAttribute("value"));
        Assert.Contains("2026-12-11T15:00", anyTimes);
        var drChongTimes = (await _client.DetailsPageAsync("2026-12-11", practitioner: drChong.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .QuerySelectorAll("input[name=Slot]").Select(i => i.GetAttribute("value"));
        Assert.DoesNotContain("2026-12-11T15:00", drChongTimes);
    }

    [Fact]
    public async Task Online_bookings_wait_for_staff_when_the_clinic_confirms_them()
    {
        using var confirming = new BookingFactory();
        confirming.With("Booking:OnlineBookingsNeedConfirmation", "true");
        var client = confirming.Browser();

        var response = await client.BookAsync(BookingSteps.Patient("2026-12-08T09:00"));

        var appointment = await confirming.AppointmentAsync(BookingSteps.TokenFrom(response));
        Assert.Equal(AppointmentStatus.Requested, appointment.Status);
        var emails = await confirming.WithDbAsync(db => db.OutboxMessages.Select(m => m.Kind).ToListAsync());
        Assert.Equal([EmailKind.BookingReceived, EmailKind.ClinicNewBookingNotice], emails.Order());
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("we have received your request", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Waiting for the clinic to confirm", page.Text());
    }

    [Fact]
    public void Impossible_booking_settings_stop_the_site_at_start_up_with_a_clear_message()
    {
        using var broken = new BookingFactory();
        broken.With("Booking:SlotGridMinutes", "7").With("Booking:TimeZone", "Mars/Olympus_Mons");

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("Booking:SlotGridMinutes must be a multiple of 5", error.ToString());
        Assert.Contains("Mars/Olympus_Mons", error.ToString());
    }

    [Fact]
    public async Task Booking_pages_are_never_cached()
    {
        var response = await _client.GetAsync("/book?treatment=pico-laser");

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }
}
