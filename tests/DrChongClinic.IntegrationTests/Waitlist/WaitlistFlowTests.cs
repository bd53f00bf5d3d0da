using System.Net;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Waitlist;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Waitlist;

/// <summary>The waitlist through real HTTP, a real SQLite file and a real SMTP server: join, offer, claim, gone, leave, expiry.</summary>
public sealed class WaitlistFlowTests(WaitlistFixture fixture) : IClassFixture<WaitlistFixture>
{
    private BookingFactory Site => fixture.Site;

    private TestSmtpServer Smtp => fixture.Smtp;

    [Fact]
    public async Task Joining_stores_the_entry_and_emails_a_confirmation_with_a_leave_link_but_no_text_the_patient_typed()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        await scene.OneMorningTimeHeldAsync(); // nothing free: no offer yet
        var response = await scene.JoinAsync("join.en@example.com", extra: new() { ["Name"] = "Win at evil-name.test now" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/waitlist/joined", response.Headers.Location!.OriginalString);
        var entry = Assert.Single(await scene.EntriesAsync());
        Assert.Equal(WaitlistStatus.Waiting, entry.Status);
        Assert.Equal(DayParts.Morning, entry.Times);
        Assert.Equal(scene.Doctor.Id, entry.PractitionerId);
        Assert.Equal("+60123456789", entry.Patient.Phone);

        await Site.RunWaitlistPassAsync();
        var email = Assert.Single(Smtp.To("join.en@example.com"));
        Assert.Contains("you are on the waitlist", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith("/waitlist/leave/", WaitlistSteps.LinkIn(email, "/waitlist/leave/"), StringComparison.Ordinal);
        Assert.DoesNotContain("evil", $"{email.Subject}\n{email.Text}\n{email.Html}\n{email.Message.To}", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Malay_patients_join_on_the_malay_page_and_get_malay_emails()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        await scene.OneMorningTimeHeldAsync();
        var response = await scene.JoinAsync("join.ms@example.com", language: "ms");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/ms/senarai-menunggu/diterima", response.Headers.Location!.OriginalString);
        var joined = await Site.Browser().GetPageAsync("/ms/senarai-menunggu/diterima");
        Assert.Equal("Anda dalam senarai menunggu", WaitlistSteps.Heading(joined));

        await Site.RunWaitlistPassAsync();
        var email = Assert.Single(Smtp.To("join.ms@example.com"));
        Assert.Contains("anda dalam senarai menunggu", email.Subject, StringComparison.Ordinal);
        WaitlistSteps.LinkIn(email, "/ms/senarai-menunggu/keluar/");
    }

    [Fact]
    public async Task A_freed_time_goes_to_the_first_three_in_join_order_the_first_claim_books_it_and_the_others_are_told_it_has_gone()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        var held = await scene.OneMorningTimeHeldAsync();
        var patients = new[] { "first@example.com", "second@example.com", "third@example.com", "fourth@example.com" };
        foreach (var (email, i) in patients.Select((e, i) => (e, i)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync(email, phone: $"012-345 678{i}")).StatusCode);
        }

        await Site.RunWaitlistPassAsync();
        Assert.Empty(await scene.OffersAsync()); // nothing free yet

        await scene.CancelAsync(held);
        await Site.RunWaitlistPassAsync();

        var offers = await scene.OffersAsync();
        var entries = await scene.EntriesAsync();
        Assert.Equal(3, offers.Count);
        Assert.Equal(entries.Take(3).Select(e => e.Id), offers.Select(o => o.EntryId));
        var ten = TestBookings.ClinicTime(WaitlistScene.Tuesday, 10);
        Assert.All(offers, o => Assert.Equal(ten, o.StartUtc));
        Assert.All(offers, o => Assert.Equal(o.CreatedAtUtc.AddHours(2), o.ExpiresAtUtc));
        Assert.Single(Smtp.To("fourth@example.com")); // only "you are on the waitlist"

        var offerEmails = patients.Take(3).Select(p => Smtp.To(p).Single(m => m.Subject.Contains("a time has freed up", StringComparison.Ordinal))).ToList();
        Assert.All(offerEmails, m => Assert.Contains("Tuesday, 8 December 2026", m.Text, StringComparison.Ordinal));
        var links = offerEmails.Select(m => WaitlistSteps.LinkIn(m, "/waitlist/offer/")).ToList();
        Assert.Equal(3, links.Distinct().Count());

        // The second patient claims first and gets the booking; the first claims after and is told it has gone.
        var first = Site.Browser();
        var firstPage = await first.GetPageAsync(links[0]);
        var second = Site.Browser();
        var claimPage = await second.GetPageAsync(links[1]);
        Assert.Equal("A time has freed up for you", WaitlistSteps.Heading(claimPage));
        var claimed = await second.SubmitAsync(claimPage, "form[data-claim-form]", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.SeeOther, claimed.StatusCode);
        Assert.StartsWith("/book/manage/", claimed.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var late = await first.SubmitAsync(firstPage, "form[data-claim-form]", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Sorry, this time has gone", WaitlistSteps.Heading(await late.Content.ReadAsStringAsync()));

        Assert.Equal(1, await scene.BookingsAtAsync(ten));
        var booking = await Site.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PractitionerId == scene.Doctor.Id && a.StartUtc == ten && a.Status == AppointmentStatus.Confirmed));
        Assert.Equal("second@example.com", booking.Patient.Email);

        // The first (who saw the page) and the third (who never clicked) hear by email too. Both wait again; the second is booked.
        await Site.RunWaitlistPassAsync();
        Assert.Single(Smtp.To("third@example.com"), m => m.Subject.Contains("has gone", StringComparison.Ordinal));
        Assert.Single(Smtp.To("first@example.com"), m => m.Subject.Contains("has gone", StringComparison.Ordinal));
        Assert.DoesNotContain(Smtp.To("second@example.com"), m => m.Subject.Contains("has gone", StringComparison.Ordinal));
        entries = await scene.EntriesAsync();
        Assert.Equal([WaitlistStatus.Waiting, WaitlistStatus.Booked, WaitlistStatus.Waiting, WaitlistStatus.Waiting], entries.Select(e => e.Status));
        Assert.Equal([WaitlistOfferStatus.Gone, WaitlistOfferStatus.Claimed, WaitlistOfferStatus.Gone], (await scene.OffersAsync()).Select(o => o.Status));

        // The booking's own confirmation goes out through the booking outbox, with its manage link.
        var confirmation = (await Site.SendEmailsAsync(Smtp, "second@example.com")).Last();
        Assert.Contains("/book/manage/", confirmation.Text, StringComparison.Ordinal);

        // The claim link now shows the booking (a second click), and the loser's link shows "gone" (410).
        Assert.Equal("You have booked this time", WaitlistSteps.Heading(await second.GetPageAsync(links[1])));
        var doubleClick = await second.SubmitAsync(claimPage, "form[data-claim-form]", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.SeeOther, doubleClick.StatusCode);
        Assert.Equal(claimed.Headers.Location, doubleClick.Headers.Location);
        Assert.Equal(1, await scene.BookingsAtAsync(ten));
        Assert.Equal(HttpStatusCode.Gone, (await Site.Browser().GetAsync(links[0])).StatusCode);

        // Once the patient cancels that booking, the offer link no longer says it is booked (patient-side sweep).
        var manage = await second.GetPageAsync(claimed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.SeeOther, (await second.SubmitAsync(manage, "#cancel form", new Dictionary<string, string?>())).StatusCode);
        var afterCancel = await second.GetAsync(links[1]);
        Assert.Equal(HttpStatusCode.Gone, afterCancel.StatusCode);
        Assert.Equal("You booked this time, and the booking has been cancelled", WaitlistSteps.Heading(await afterCancel.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_offer_not_claimed_in_time_expires_and_the_time_goes_to_the_next_in_line()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        var held = await scene.OneMorningTimeHeldAsync();
        var patients = new[] { "slow1@example.com", "slow2@example.com", "slow3@example.com", "next@example.com" };
        foreach (var (email, i) in patients.Select((e, i) => (e, i)))
        {
            await scene.JoinAsync(email, phone: $"013-345 678{i}");
        }

        await scene.CancelAsync(held);
        await Site.RunWaitlistPassAsync();
        var link = WaitlistSteps.LinkIn(Smtp.To("slow1@example.com").Single(m => m.Subject.Contains("freed up", StringComparison.Ordinal)), "/waitlist/offer/");

        try
        {
            Site.Clock.Now = Site.Clock.Now.AddHours(2).AddMinutes(1);
            var result = await Site.RunWaitlistPassAsync();
            Assert.True(result.OffersExpired >= 3);

            var offers = await scene.OffersAsync();
            Assert.Equal(4, offers.Count);
            Assert.Equal([WaitlistOfferStatus.Expired, WaitlistOfferStatus.Expired, WaitlistOfferStatus.Expired, WaitlistOfferStatus.Open], offers.Select(o => o.Status));
            Assert.Single(Smtp.To("next@example.com"), m => m.Subject.Contains("freed up", StringComparison.Ordinal));

            var late = await Site.Browser().GetAsync(link);
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
            Assert.Equal("Sorry, this time has gone", WaitlistSteps.Heading(await late.Content.ReadAsStringAsync()));
            Assert.Equal([WaitlistStatus.Waiting, WaitlistStatus.Waiting, WaitlistStatus.Waiting, WaitlistStatus.Offered], (await scene.EntriesAsync()).Select(e => e.Status));
        }
        finally
        {
            Site.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc);
        }
    }

    [Fact]
    public async Task A_patient_leaves_from_the_email_link_with_a_confirm_page_and_is_offered_nothing_after()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        var held = await scene.OneMorningTimeHeldAsync();
        await scene.JoinAsync("leaver@example.com");
        await Site.RunWaitlistPassAsync();
        var leave = WaitlistSteps.LinkIn(Smtp.To("leaver@example.com").Single(), "/waitlist/leave/");

        var client = Site.Browser();
        var page = await client.GetPageAsync(leave);
        Assert.Equal("Leave the waitlist", WaitlistSteps.Heading(page));
        Assert.Equal(WaitlistStatus.Waiting, (await scene.EntriesAsync()).Single().Status); // a GET changes nothing

        var left = await client.SubmitAsync(page, "form[data-leave-form]", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Contains("You have left the waitlist", await left.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WaitlistStatus.Left, (await scene.EntriesAsync()).Single().Status);

        // Again: still fine, no form any more.
        var again = await client.GetPageAsync(leave);
        Assert.Null(again.QuerySelector("form[data-leave-form]"));

        await scene.CancelAsync(held);
        await Site.RunWaitlistPassAsync();
        Assert.Empty(await scene.OffersAsync());
        Assert.Single(Smtp.To("leaver@example.com"));
    }

    [Fact]
    public async Task A_claim_after_leaving_says_the_offer_was_withdrawn_not_that_the_time_was_taken()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        var held = await scene.OneMorningTimeHeldAsync();
        await scene.JoinAsync("changed-mind@example.com");
        await Site.RunWaitlistPassAsync();
        var leave = WaitlistSteps.LinkIn(Smtp.To("changed-mind@example.com").Single(), "/waitlist/leave/");
        await scene.CancelAsync(held);
        await Site.RunWaitlistPassAsync();
        var offer = WaitlistSteps.LinkIn(Smtp.To("changed-mind@example.com").Single(m => m.Subject.Contains("freed up", StringComparison.Ordinal)), "/waitlist/offer/");
        var client = Site.Browser();
        var claimPage = await client.GetPageAsync(offer);

        var leavePage = await client.GetPageAsync(leave);
        await client.SubmitAsync(leavePage, "form[data-leave-form]", new Dictionary<string, string?>());
        var claim = await client.SubmitAsync(claimPage, "form[data-claim-form]", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
        var text = await claim.Content.ReadAsStringAsync();
        Assert.Equal("This offer was withdrawn", WaitlistSteps.Heading(text));
        Assert.Contains("You left the waitlist", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Another patient booked this time first", text, StringComparison.Ordinal);
        var again = await client.GetAsync(offer);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("This offer was withdrawn", WaitlistSteps.Heading(await again.Content.ReadAsStringAsync()));
        var malay = await client.GetAsync(offer.Replace("/waitlist/offer/", "/ms/senarai-menunggu/tawaran/", StringComparison.Ordinal));
        Assert.Equal("Tawaran ini telah ditarik balik", WaitlistSteps.Heading(await malay.Content.ReadAsStringAsync()));
        Assert.Equal(0, await scene.BookingsAtAsync(TestBookings.ClinicTime(WaitlistScene.Tuesday, 10)));
    }

    [Fact]
    public async Task Entries_expire_after_their_last_day()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        await scene.OneMorningTimeHeldAsync();
        await scene.JoinAsync("expires@example.com");
        try
        {
            Site.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc.AddDays(1)); // Tuesday 08:00: still in range
            await Site.RunWaitlistPassAsync();
            Assert.Equal(WaitlistStatus.Waiting, (await scene.EntriesAsync()).Single().Status);

            Site.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc.AddDays(2)); // Wednesday
            var result = await Site.RunWaitlistPassAsync();
            Assert.True(result.EntriesExpired >= 1);
            var entry = (await scene.EntriesAsync()).Single();
            Assert.Equal(WaitlistStatus.Expired, entry.Status);

            // Thirty days after it closed, the entry and the personal data in it are gone.
            Site.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc.AddDays(33));
            Assert.True((await Site.RunWaitlistPassAsync()).Forgotten >= 1);
            Assert.Empty(await scene.EntriesAsync());
        }
        finally
        {
            Site.Clock.Now = new DateTimeOffset(BookingFactory.MondayMorningUtc);
        }
    }

    [Fact]
    public async Task A_freed_time_offered_while_staff_book_it_by_phone_is_booked_once_and_the_claimer_is_told_it_has_gone()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        var held = await scene.OneMorningTimeHeldAsync();
        await scene.JoinAsync("phone1@example.com", phone: "014-345 6781");
        await scene.JoinAsync("phone2@example.com", phone: "014-345 6782");
        await scene.CancelAsync(held);
        await Site.RunWaitlistPassAsync();
        var link = WaitlistSteps.LinkIn(Smtp.To("phone1@example.com").Single(m => m.Subject.Contains("freed up", StringComparison.Ordinal)), "/waitlist/offer/");
        var claimer = Site.Browser();
        var claimPage = await claimer.GetPageAsync(link);

        // Staff take a phone call for the same time, through the booking use case the phone-booking page calls.
        var ten = TestBookings.ClinicTime(WaitlistScene.Tuesday, 10);
        using (var scope = Site.Services.CreateScope())
        {
            var phoned = await scope.ServiceProvider.GetRequiredService<DrChongClinic.Application.Booking.BookingService>().BookAsync(
                new(scene.Treatment.Code, scene.Doctor.Id, WaitlistScene.Tuesday, new TimeOnly(10, 0),
                    new PatientDetails { Name = "Phone Caller", Email = null, Phone = "+60129999999" }, "2026-11", Guid.NewGuid(), ChangedBy.Staff, "staff@example.test"),
                CancellationToken.None);
            Assert.True(phoned.Succeeded);
        }

        var claim = await claimer.SubmitAsync(claimPage, "form[data-claim-form]", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
        Assert.Equal("Sorry, this time has gone", WaitlistSteps.Heading(await claim.Content.ReadAsStringAsync()));
        Assert.Equal(1, await scene.BookingsAtAsync(ten));

        // The other holder is told by the next pass (the time is no longer free); both wait again.
        await Site.RunWaitlistPassAsync();
        Assert.Single(Smtp.To("phone2@example.com"), m => m.Subject.Contains("has gone", StringComparison.Ordinal));
        Assert.All(await scene.EntriesAsync(), e => Assert.Equal(WaitlistStatus.Waiting, e.Status));
        Assert.All(await scene.OffersAsync(), o => Assert.Equal(WaitlistOfferStatus.Gone, o.Status));
    }

    [Fact]
    public async Task One_address_holds_at_most_three_open_entries_however_it_is_written()
    {
        var scene = await WaitlistScene.NewAsync(Site);
        foreach (var (email, phone) in new[] { ("cap.wait@gmail.com", "016-111 0001"), ("Cap.Wait+2@GMAIL.com", "016-111 0002"), ("capwait@googlemail.com", "016-111 0003") })
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync(email, phone)).StatusCode);
        }

        var fourth = await scene.JoinAsync("c.a.p.w.a.i.t+4@gmail.com", "016-111 0004");
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Contains("already on the waitlist as often as we allow", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // One phone number likewise.
        var other = await WaitlistScene.NewAsync(Site);
        foreach (var i in Enumerable.Range(1, 3))
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await other.JoinAsync($"phonecap{i}@example.com", "017-222 3333")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await other.JoinAsync("phonecap4@example.com", "017-222 3333")).StatusCode);
        Assert.Equal(3, (await scene.EntriesAsync()).Count);
        Assert.Equal(3, (await other.EntriesAsync()).Count);
    }

    [Fact]
    public async Task The_booking_page_offers_the_waitlist_with_its_choices()
    {
        var page = await Site.Browser().GetPageAsync("/book?treatment=pico-laser&practitioner=any&date=2026-12-08");
        var link = page.QuerySelector(".waitlist-link a")!;
        Assert.Equal("Tell me when a time frees up", link.TextContent);
        Assert.Equal("/waitlist?treatment=pico-laser&practitioner=any", link.GetAttribute("href"));

        var form = await Site.Browser().GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("pico-laser", form.QuerySelector("#Treatment option[selected]")!.GetAttribute("value"));
        Assert.Equal(3, form.QuerySelectorAll("input[name=Times][checked]").Length);

        var malay = await Site.Browser().GetPageAsync("/ms/tempah?treatment=pico-laser&practitioner=any&date=2026-12-08");
        Assert.Equal("/ms/senarai-menunggu?treatment=pico-laser&practitioner=any", malay.QuerySelector(".waitlist-link a")!.GetAttribute("href"));
    }
}
