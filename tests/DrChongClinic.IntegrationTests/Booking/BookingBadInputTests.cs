using System.Net;
using System.Text.Json;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Booking;

/// <summary>Every kind of bad booking request gets a clear, localized 4xx and stores nothing.</summary>
public sealed class BookingBadInputTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private readonly HttpClient _client = factory.Browser();

    [Theory]
    [InlineData("2026-12-04T10:00", "That time has already passed")]
    [InlineData("2026-12-07T07:00", "That time has already passed")]
    [InlineData("2026-12-07T09:00", "at least 2 hours' notice")]
    [InlineData("2027-03-01T10:00", "We take bookings up to Friday, 5 February 2027")]
    [InlineData("2026-12-08T10:10", "Appointments start at the times shown in the list")]
    [InlineData("2026-12-13T10:00", "The clinic does not offer this treatment at that time")]
    [InlineData("2026-12-08T13:30", "The clinic does not offer this treatment at that time")]
    [InlineData("2026-12-08T12:30", "The clinic does not offer this treatment at that time")]
    public async Task Times_outside_the_rules_are_refused_with_422_and_nothing_is_stored(string slot, string message)
    {
        var response = await PostAsync(BookingSteps.Patient(slot));

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, message);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, page.QuerySelector("#Slot-error")!.TextContent);
        Assert.Equal("Slot-error", page.QuerySelector("fieldset#Slot")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task A_day_the_clinic_is_closed_is_refused()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Closures.Add(new Closure { FirstDay = new DateOnly(2026, 12, 25), LastDay = new DateOnly(2026, 12, 25), Reason = "Christmas Day" });
            return await db.SaveChangesAsync();
        });

        var response = await PostAsync(BookingSteps.Patient("2026-12-25T10:00"));

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "The clinic does not offer this treatment at that time");
        var days = (await _client.GetPageAsync("/book?treatment=pico-laser")).QuerySelectorAll("[data-day-list] a").Select(a => a.GetAttribute("data-date"));
        Assert.DoesNotContain("2026-12-25", days);
    }

    [Fact]
    public async Task An_inactive_treatment_cannot_be_booked()
    {
        var page = await _client.DetailsPageAsync("2026-12-08", treatment: "subcision");
        await factory.ChangeScheduleDirectlyAsync(db => db.Treatments.Where(t => t.Code == "subcision").ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, false)));
        try
        {
            var response = await _client.SubmitAsync(page, "form[data-booking-form]", BookingSteps.Patient("2026-12-08T10:00"));

            await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "That treatment cannot be booked online");
            var again = await _client.GetAsync("/book?treatment=subcision");
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("That treatment cannot be booked online", (await Html.ReadAsync(again)).Body!.TextContent);
        }
        finally
        {
            await factory.ChangeScheduleDirectlyAsync(db => db.Treatments.Where(t => t.Code == "subcision").ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, true)));
        }
    }

    [Theory]
    [InlineData("Practitioner", "999", "We could not find that doctor")]
    [InlineData("Practitioner", "abc", "We could not find that doctor")]
    [InlineData("Practitioner", "-1", "We could not find that doctor")]
    [InlineData("Treatment", "no-such-treatment", "That treatment cannot be booked online")]
    [InlineData("Treatment", "", "Please choose a treatment")]
    [InlineData("SubmissionId", "not-a-guid", "This form has expired")]
    [InlineData("SubmissionId", "00000000-0000-0000-0000-000000000000", "This form has expired")]
    public async Task Forged_hidden_fields_are_refused_with_400(string field, string value, string message)
    {
        var fields = BookingSteps.Patient("2026-12-08T10:00");
        fields[field] = value;

        var response = await PostAsync(fields);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("Slot", "2026-13-45T10:00", "That time is not valid")]
    [InlineData("Slot", "08/12/2026 10:00", "That time is not valid")]
    [InlineData("Slot", null, "Please choose a time")]
    [InlineData("Name", "", "Please enter your full name")]
    [InlineData("Name", "A", "Please enter between 2 and 100 characters")]
    [InlineData("Email", "", "Please enter your email address")] // only staff booking a phone call may leave it empty
    [InlineData("EmailOptional", "true", "Please enter your email address")] // the staff-only switch cannot be posted: the email is still required
    [InlineData("Email", "not-an-email", "Please enter an email address like name@example.com")]
    [InlineData("Email", "a@b", "Please enter an email address like name@example.com")]
    [InlineData("Email", "a..b@example.com", "Please enter an email address like name@example.com")] // the mailer cannot parse these:
    [InlineData("Email", ".a@example.com", "Please enter an email address like name@example.com")] // they were stored and never sent
    [InlineData("Email", "mailto:a@example.com", "Please enter an email address like name@example.com")]
    [InlineData("Email", "a@[127.0.0.1]", "Please enter an email address like name@example.com")]
    [InlineData("Email", "aisyah@example.com​", "Please enter an email address like name@example.com")] // another mailbox for the caps, the same inbox
    [InlineData("Email", "aisyah@exam­ple.com", "Please enter an email address like name@example.com")]
    [InlineData("Email", "aisyah@ex‮ample.com", "Please enter an email address like name@example.com")]
    [InlineData("Name", "-1", "Please enter a name with letters in it")]
    [InlineData("Name", "2147483647", "Please enter a name with letters in it")]
    [InlineData("Name", "(-.-)", "Please enter a name with letters in it")]
    [InlineData("Phone", "03-2345 6789", "This looks like a landline")]
    [InlineData("Phone", "12345", "This does not look like a phone number")]
    [InlineData("Phone", "", "Please enter your mobile number")]
    [InlineData("Consent", null, "Please agree to the privacy notice")]
    [InlineData("Consent", "banana", "Please agree to the privacy notice")]
    [InlineData("Language", "fr", "Please choose English or Bahasa Malaysia")]
    [InlineData("Notes", "tab\u0007bell", "This contains characters we cannot accept")]
    public async Task Invalid_fields_get_a_message_next_to_them_and_nothing_is_stored(string field, string? value, string message)
    {
        var fields = BookingSteps.Patient("2026-12-08T10:00");
        fields[field] = value;
        if (field == "EmailOptional")
        {
            field = "Email";
            fields["Email"] = "";
        }

        var response = await PostAsync(fields);

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, message);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent);
    }

    [Theory]
    [InlineData("Name", 101, "Please enter between 2 and 100 characters")]
    [InlineData("Email", 255, "Please keep this to 254 characters or fewer")]
    [InlineData("Notes", 1001, "Please keep this to 1000 characters or fewer")]
    public async Task Overlong_fields_are_refused(string field, int length, string message)
    {
        var fields = BookingSteps.Patient("2026-12-08T10:00");
        fields[field] = field == "Email" ? new string('a', length - 12) + "@example.com" : new string('a', length);

        var response = await PostAsync(fields);

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, message);
    }

    [Fact]
    public async Task A_refused_form_keeps_what_the_patient_typed_and_ties_errors_to_fields()
    {
        var fields = BookingSteps.Patient("2026-12-08T10:00");
        fields["Consent"] = null;
        fields["Phone"] = "12345";
        fields["Language"] = "ms";

        var page = await Html.ReadAsync(await PostAsync(fields));

        Assert.Equal("Nur Aisyah binti Rahman", page.QuerySelector("input#Name")!.GetAttribute("value"));
        Assert.Equal("aisyah@example.com", page.QuerySelector("input#Email")!.GetAttribute("value"));
        Assert.Equal("12345", page.QuerySelector("input#Phone")!.GetAttribute("value"));
        Assert.Equal("First visit, rolling scars on both cheeks.", page.QuerySelector("textarea#Notes")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name=Language][value=ms][checked]"));
        Assert.NotNull(page.QuerySelector("input[name=Slot][value='2026-12-08T10:00'][checked]"));
        var phone = page.QuerySelector("input#Phone")!;
        Assert.Equal("true", phone.GetAttribute("aria-invalid"));
        Assert.Contains("Phone-error", phone.GetAttribute("aria-describedby"));
        Assert.Contains("Consent-error", page.QuerySelector("input#Consent")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Messages_are_in_Malay_on_the_Malay_page()
    {
        var fields = BookingSteps.Patient("2026-12-08T10:00");
        fields["Consent"] = null;
        fields["Phone"] = "03-2345 6789";

        var response = await _client.BookAsync(fields, language: "ms");

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "Sila bersetuju dengan notis privasi");
        Assert.Contains("Ini kelihatan seperti nombor talian tetap", Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        var page = await _client.DetailsPageAsync("2026-12-08");
        var fields = BookingSteps.Patient("2026-12-08T10:00");
        fields["__RequestVerificationToken"] = null;

        var response = await _client.SubmitAsync(page, "form[data-booking-form]", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.AppointmentCountAsync());
    }

    [Theory]
    [InlineData("/book?treatment=pico-laser&date=31-12-2026", "That date is not valid")]
    [InlineData("/book?treatment=pico-laser&date=2026-02-30", "That date is not valid")]
    [InlineData("/book?treatment=pico-laser&date=2026-12-01", "Please choose a date from Monday, 7 December 2026 to Friday, 5 February 2027")]
    [InlineData("/book?treatment=pico-laser&date=2027-06-01", "Please choose a date from Monday, 7 December 2026")]
    [InlineData("/book?treatment=pico-laser&practitioner=42", "We could not find that doctor")]
    [InlineData("/book?treatment=botox", "That treatment cannot be booked online")]
    [InlineData("/book?practitioner=abc", "We could not find that doctor")]
    [InlineData("/book?practitioner=42", "We could not find that doctor")]
    [InlineData("/book?date=abc", "That date is not valid")]
    [InlineData("/book?practitioner=any&date=2027-06-01", "Please choose a date from Monday, 7 December 2026")]
    [InlineData("/ms/tempah?treatment=pico-laser&date=esok", "Tarikh itu tidak sah")]
    public async Task Bad_choices_in_the_address_get_a_400_page_that_still_lets_the_patient_choose(string url, string message)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, page.QuerySelector(".notice-error")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("input[name=treatment]"));
    }

    [Theory]
    [InlineData("treatment=pico-laser&practitioner=any&date=tomorrow", "That date is not valid")]
    [InlineData("treatment=pico-laser&practitioner=any&date=2026-11-30", "Please choose a date from")]
    [InlineData("treatment=pico-laser&practitioner=any", "That date is not valid")]
    [InlineData("treatment=unknown&practitioner=any&date=2026-12-08", "That treatment cannot be booked online")]
    [InlineData("treatment=pico-laser&practitioner=x&date=2026-12-08", "We could not find that doctor")]
    public async Task Bad_json_slot_requests_get_a_400_with_a_message(string query, string message)
    {
        var response = await _client.GetAsync($"/book/slots?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, json.RootElement.GetProperty("error").GetString());
    }

    private Task<HttpResponseMessage> PostAsync(Dictionary<string, string?> fields) => _client.BookAsync(fields);

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent);
        Assert.Equal(0, await factory.AppointmentCountAsync());
    }
}
