using System.Net;
using DrChongClinic.Domain.Waitlist;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Waitlist;

/// <summary>Bad tokens, bad form values and ten patients claiming one freed time at once.</summary>
public sealed class WaitlistHardeningTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly BookingFactory _site = new();

    public WaitlistHardeningTests()
    {
        // Ten patients are offered the one freed time at once (the race below); the default is three.
        _site.SendingTo(_smtp).With("Waitlist:OffersPerTime", "10");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Ten_patients_claiming_one_freed_time_at_once_get_one_booking_and_nine_gone_pages()
    {
        var scene = await WaitlistScene.NewAsync(_site);
        var held = await scene.OneMorningTimeHeldAsync();
        var patients = Enumerable.Range(0, 10).Select(i => $"racer{i}@example.com").ToList();
        foreach (var (email, i) in patients.Select((e, i) => (e, i)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync(email, phone: $"012-300 00{i:00}")).StatusCode);
        }

        await scene.CancelAsync(held);
        await _site.RunWaitlistPassAsync();
        var clients = patients.Select(_ => _site.Browser()).ToList();
        var pages = await Task.WhenAll(patients.Select((p, i) =>
            clients[i].GetPageAsync(WaitlistSteps.LinkIn(_smtp.To(p).Single(m => m.Subject.Contains("freed up", StringComparison.Ordinal)), "/waitlist/offer/"))));

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = clients.Select((client, i) => Task.Run(async () =>
        {
            await go.Task;
            var response = await client.SubmitAsync(pages[i], "form[data-claim-form]", new Dictionary<string, string?>());
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        go.SetResult();
        var responses = await Task.WhenAll(claims);

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("Sorry, this time has gone", WaitlistSteps.Heading(r.Body));
        });
        Assert.Equal(1, await scene.BookingsAtAsync(Infrastructure.TestBookings.ClinicTime(WaitlistScene.Tuesday, 10)));
        var offers = await scene.OffersAsync();
        Assert.Single(offers, o => o.Status == WaitlistOfferStatus.Claimed);
        Assert.Equal(9, offers.Count(o => o.Status == WaitlistOfferStatus.Gone));
        Assert.Single(await scene.EntriesAsync(), e => e.Status == WaitlistStatus.Booked);
    }

    [Theory]
    [InlineData("/waitlist/offer/abc")]
    [InlineData("/waitlist/offer/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/waitlist/offer/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%27%20OR%201=1")]
    [InlineData("/waitlist/leave/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/ms/senarai-menunggu/tawaran/x")]
    [InlineData("/ms/senarai-menunggu/keluar/x")]
    public async Task Unknown_or_malformed_links_answer_404_with_the_friendly_page(string path)
    {
        var client = _site.Browser();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var title = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent;
        Assert.Equal(path.StartsWith("/ms", StringComparison.Ordinal) ? "Pautan senarai menunggu ini tidak dapat ditemui" : "We could not find this waitlist link", title);

        // And a POST with a valid anti-forgery token (from the join page) to the same address.
        var page = await client.GetPageAsync("/waitlist");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    public static TheoryData<string, string?> BadFields => new()
    {
        { "FirstDay", "" },
        { "FirstDay", "0001-01-01" },
        { "FirstDay", "9999-12-31" },
        { "FirstDay", "2026-13-45" },
        { "FirstDay", "2026-12-06" },
        { "LastDay", "2026-12-07" },
        { "LastDay", "2027-02-06" },
        { "LastDay", "9999-12-31" },
        { "LastDay", new string('9', 5000) },
        { "Times", "night" },
        { "Times", "" },
        { "Treatment", "" },
        { "Treatment", "no-such-treatment" },
        { "Treatment", new string('x', 51) },
        { "Practitioner", "-1" },
        { "Practitioner", "999999999" },
        { "Practitioner", "9999999999" },
        { "Practitioner", "abc" },
        { "Name", "" },
        { "Name", new string('N', 101) },
        { "Name", "Bad\u0000Name" },
        { "Email", "" },
        { "Email", "not-an-email" },
        { "Email", "a..b@example.com" },
        { "Email", "waiting@example.com\u200b" },
        { "Name", "12345" },
        { "Email", new string('e', 250) + "@example.com" },
        { "Phone", "" },
        { "Phone", "03-1234 5678" },
        { "Phone", new string('1', 100) },
        { "Language", "xx" },
        { "Language", null },
        { "Consent", null },
        { "Consent", "maybe" },
        { "SubmissionId", "not-a-guid" },
        { "SubmissionId", "00000000-0000-0000-0000-000000000000" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_value_in_any_field_gets_a_4xx_with_a_message_and_stores_nothing(string field, string? value)
    {
        var before = await _site.WithDbAsync(db => db.WaitlistEntries.CountAsync());
        var response = await _site.Browser().JoinAsync("pico-laser", "any", "bad.input@example.com",
            extra: new() { ["FirstDay"] = "2026-12-08", ["LastDay"] = "2026-12-10", [field] = value });

        Assert.InRange((int)response.StatusCode, 400, 499);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector(".error-summary, .field-error, .error-page"));
        Assert.Equal(before, await _site.WithDbAsync(db => db.WaitlistEntries.CountAsync()));
    }

    [Theory]
    [InlineData("Treatment", "no-such-treatment")]
    [InlineData("Treatment", "a-treatment-code-longer-than-any-code-the-clinic-could-have")] // was 422, unlike the short one
    [InlineData("Practitioner", "-1")]
    [InlineData("Practitioner", "999999999")]
    public async Task A_treatment_or_doctor_no_page_offers_is_a_400_however_it_is_wrong(string field, string value)
    {
        var response = await _site.Browser().JoinAsync("pico-laser", "any", $"choice-{Guid.NewGuid():N}@example.com",
            extra: new() { ["FirstDay"] = "2026-12-08", ["LastDay"] = "2026-12-10", [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector($"#{field}-error"));
    }

    [Theory]
    [InlineData("/waitlist?treatment=botox", "Treatment", "That treatment cannot be booked online")]
    [InlineData("/waitlist?treatment=pico-laser&practitioner=abc", "Practitioner", "We could not find that doctor")]
    [InlineData("/waitlist?treatment=pico-laser&practitioner=4242", "Practitioner", "We could not find that doctor")]
    [InlineData("/waitlist?treatment=pico-laser&practitioner=female", "Practitioner", "We could not find that doctor")] // nobody here is recorded as female
    [InlineData("/ms/senarai-menunggu?treatment=tiada", "Treatment", "Rawatan itu tidak boleh ditempah dalam talian")]
    public async Task A_join_address_with_a_treatment_or_doctor_that_cannot_be_chosen_says_so_with_a_400(string url, string field, string message)
    {
        var response = await _site.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[data-waitlist-form]")); // the form is there to choose again
    }

    [Fact]
    public async Task Four_times_of_day_or_a_repeated_one_are_refused_and_the_widest_valid_range_is_accepted()
    {
        var client = _site.Browser();
        var page = await client.GetPageAsync("/waitlist?treatment=pico-laser");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("SubmissionId", Guid.NewGuid().ToString()), new("Treatment", "pico-laser"), new("Practitioner", "any"),
            new("FirstDay", "2026-12-07"), new("LastDay", "2027-02-05"), new("Name", "Test Widest Range"), new("Email", "widest@example.com"),
            new("Phone", "012-345 6789"), new("Language", "en"), new("Consent", "true"),
        };
        var four = await client.PostAsync("/waitlist", new FormUrlEncodedContent([.. fields, new("Times", "morning"), new("Times", "afternoon"), new("Times", "evening"), new("Times", "morning")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, four.StatusCode);

        var widest = await client.PostAsync("/waitlist", new FormUrlEncodedContent([.. fields, new("Times", "morning"), new("Times", "evening")]));
        Assert.Equal(HttpStatusCode.SeeOther, widest.StatusCode);
        var entry = await _site.WithDbAsync(db => db.WaitlistEntries.AsNoTracking().SingleAsync(e => e.Patient.Email == "widest@example.com"));
        Assert.Equal(DayParts.Morning | DayParts.Evening, entry.Times);
        Assert.Equal(new DateOnly(2027, 2, 5), entry.LastDay);
    }

    [Theory]
    [InlineData("any", "2026-12-13", "2026-12-13")] // a Sunday: nobody works
    [InlineData("female", "2026-12-08", "2026-12-10")] // no doctor here is recorded as female
    public async Task A_wait_for_times_the_clinic_never_offers_is_refused_with_a_reason_and_sends_nothing(string practitioner, string first, string last)
    {
        var before = await _site.WithDbAsync(db => db.WaitlistEntries.CountAsync());
        var response = await _site.Browser().JoinAsync("pico-laser", "any", $"never-{Guid.NewGuid():N}@example.com",
            extra: new() { ["FirstDay"] = first, ["LastDay"] = last, ["Practitioner"] = practitioner });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("The clinic has no times for this treatment on those days", page.Text());
        Assert.Equal(before, await _site.WithDbAsync(db => db.WaitlistEntries.CountAsync()));
    }

    [Fact]
    public async Task The_honeypot_stores_nothing_and_answers_like_a_join()
    {
        var before = await _site.WithDbAsync(db => db.WaitlistEntries.CountAsync());
        var response = await _site.Browser().JoinAsync("pico-laser", "any", "bot@example.com", extra: new() { ["Website"] = "https://spam.test" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(before, await _site.WithDbAsync(db => db.WaitlistEntries.CountAsync()));
    }
}
