using System.Globalization;
using System.Net;
using DrChongClinic.Application.Email;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Security review finding 2, "mail cannon and phishing relay": anyone could book with a stranger's address, move the
/// booking 8 times and cancel with a reason holding a link; the stranger got 10 clinic-signed emails in 2 minutes, the
/// last carrying the attacker's text, and one address and phone held 16 future bookings. Real caps here (ClinicFactory
/// raises them for the other tests).
/// </summary>
public sealed class MailCannonTests : IAsyncLifetime
{
    private const string Victim = "victim@example.com";
    private readonly TestSmtpServer _smtp = new();
    private readonly BookingFactory _site = new();

    public MailCannonTests()
    {
        _site.SendingTo(_smtp);
        _site.With("Booking:MaxActiveBookingsPerEmail", "3").With("Booking:MaxActiveBookingsPerPhone", "3")
            .With("Booking:MaxPatientReschedules", "3").With("Email:MaxPerRecipientPerDay", "10");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task No_text_typed_on_the_public_pages_reaches_an_email_to_the_patient_but_staff_still_see_it()
    {
        var client = _site.Browser();
        var fields = BookingSteps.Patient("2026-12-08T10:00", name: "Win a prize at evil-name.test now", email: Victim);
        fields["Notes"] = "Visit https://evil-notes.test";
        var token = BookingSteps.TokenFrom(await client.BookAsync(fields));
        var page = await client.GetPageAsync($"/book/manage/{token}");
        var cancel = await client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?> { ["Reason"] = "Your refund: https://evil-reason.test/claim" });
        Assert.Equal(HttpStatusCode.SeeOther, cancel.StatusCode);

        var emails = await _site.SendEmailsAsync(_smtp, Victim);

        Assert.Equal(2, emails.Count); // received or confirmed, then cancelled
        foreach (var email in emails)
        {
            var everything = $"{email.Subject}\n{email.Message.To}\n{email.Text}\n{email.Html}\n{(email.Calendar is null ? "" : email.CalendarText())}";
            Assert.DoesNotContain("evil", everything, StringComparison.OrdinalIgnoreCase);
        }

        // Staff still have all of it: the clinic's notices carry name and notes (new booking) and the reason (cancellation),
        // and the booking keeps the reason.
        var notices = _smtp.To(DrChongClinic.IntegrationTests.Email.TestBookings.ClinicInbox);
        Assert.Equal(2, notices.Count);
        var booked = Assert.Single(notices, m => m.Subject.StartsWith("New booking", StringComparison.Ordinal));
        Assert.Contains("evil-name.test", booked.Text, StringComparison.Ordinal);
        Assert.Contains("evil-notes.test", booked.Text, StringComparison.Ordinal);
        Assert.Contains(notices, m => m != booked && m.Text.Contains("evil-reason.test", StringComparison.Ordinal));
        Assert.Equal("Your refund: https://evil-reason.test/claim", (await _site.AppointmentAsync(token)).CancellationReason);
    }

    [Fact]
    public async Task One_address_holds_at_most_three_future_bookings_however_it_is_written_and_one_phone_likewise()
    {
        var client = _site.Browser();
        foreach (var (slot, email) in new[] { ("2026-12-09T09:00", "cap.one@gmail.com"), ("2026-12-09T10:00", "Cap.One+2@GMAIL.com"), ("2026-12-09T11:00", "capone@googlemail.com") })
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await client.BookAsync(BookingSteps.Patient(slot, email: email))).StatusCode);
        }

        var before = await _site.AppointmentCountAsync();
        var fourth = await client.BookAsync(BookingSteps.Patient("2026-12-09T14:00", email: "c.a.p.o.n.e+4@gmail.com"));

        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        var page = Html.Parse(await fourth.Content.ReadAsStringAsync());
        Assert.Contains("already has 3 upcoming bookings", page.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await _site.AppointmentCountAsync());

        // The same phone with a fresh address: the phone has its own cap (the three above share one number).
        var samePhone = BookingSteps.Patient("2026-12-09T15:00", email: "someone.else@example.com");
        samePhone["Phone"] = "+60 12-345 6789";
        Assert.Equal(HttpStatusCode.Conflict, (await client.BookAsync(samePhone)).StatusCode);

        // In Malay too.
        var malay = await client.BookAsync(BookingSteps.Patient("2026-12-09T16:00", email: "capone@gmail.com"), language: "ms");
        Assert.Equal(HttpStatusCode.Conflict, malay.StatusCode);
        Assert.Contains("sudah mempunyai 3 tempahan akan datang", Html.Parse(await malay.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookings_stored_before_the_mailbox_column_get_their_mailbox_at_start_up_and_count_for_the_cap()
    {
        var client = _site.Browser();
        foreach (var (slot, email) in new[] { ("2026-12-10T09:00", "old.one+a@gmail.com"), ("2026-12-10T10:00", "OldOne@GoogleMail.com"), ("2026-12-10T11:00", "o.l.d.o.n.e@gmail.com") })
        {
            var booking = BookingSteps.Patient(slot, email: email);
            booking["Phone"] = "+60 12-300 00" + slot[11..13]; // a phone each: only the address is capped here
            Assert.Equal(HttpStatusCode.SeeOther, (await client.BookAsync(booking)).StatusCode);
        }

        // As a database from before the Perf_PatientMailbox migration: the column is empty.
        await _site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Appointments SET PatientMailbox = NULL"));
        await DrChongClinic.Infrastructure.Data.DatabaseInitializer.InitializeAsync(_site.Services);

        var mailboxes = await _site.WithDbAsync(db => db.Appointments.Select(a => a.Patient.Mailbox).Distinct().ToListAsync());
        Assert.Equal(["oldone@gmail.com"], mailboxes);
        var fourth = BookingSteps.Patient("2026-12-10T14:00", email: "oldone@gmail.com");
        fourth["Phone"] = "+60 12-300 0014";
        Assert.Equal(HttpStatusCode.Conflict, (await client.BookAsync(fourth)).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_again_after_its_booking_filled_the_cap_shows_that_booking_not_the_cap()
    {
        var client = _site.Browser();
        foreach (var slot in new[] { "2026-12-11T09:00", "2026-12-11T10:00" })
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await client.BookAsync(BookingSteps.Patient(slot, email: "again@example.com"))).StatusCode);
        }

        // Any doctor: at 11:00 the second doctor is still free, so the repeat passes the free-time check and reaches the
        // cap count, where the address now holds three bookings, the third made by this very form.
        var page = await client.DetailsPageAsync("2026-12-11");
        var fields = BookingSteps.Patient("2026-12-11T11:00", email: "again@example.com");
        var first = await client.SubmitAsync(page, "form[data-booking-form]", fields);
        var again = await client.SubmitAsync(page, "form[data-booking-form]", fields);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(3, await _site.WithDbAsync(db => db.Appointments.CountAsync(a => a.Patient.Email == "again@example.com")));

        // A new form from the same address is at the cap.
        var fourth = await client.BookAsync(BookingSteps.Patient("2026-12-11T14:00", email: "again@example.com"));
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
    }

    [Fact]
    public async Task Simultaneous_posts_for_one_address_cannot_pass_the_cap_together()
    {
        var drChong = (await _site.PractitionerIdAsync(BookingSteps.DrChong)).ToString(CultureInfo.InvariantCulture);
        var clients = Enumerable.Range(0, 8).Select(_ => _site.Browser()).ToList();
        var pages = await Task.WhenAll(clients.Select(c => c.DetailsPageAsync("2026-12-10", practitioner: drChong)));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = clients.Select((client, i) => Task.Run(async () =>
        {
            await go.Task;
            var fields = BookingSteps.Patient($"2026-12-10T{9 + i:00}:00", email: "racer@example.com");
            fields["Phone"] = $"012-345 67{i:00}";
            return (await client.SubmitAsync(pages[i], "form[data-booking-form]", fields)).StatusCode;
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.Equal(3, answers.Count(a => a == HttpStatusCode.SeeOther));
        Assert.All(answers.Where(a => a != HttpStatusCode.SeeOther), a => Assert.True(a is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, a.ToString()));
        Assert.Equal(3, await _site.WithDbAsync(db => db.Appointments.CountAsync(a => a.Patient.Email == "racer@example.com")));
    }

    [Fact]
    public async Task A_booking_moves_three_times_by_its_link_then_the_patient_is_asked_to_call()
    {
        var client = _site.Browser();
        var token = await client.BookAndGetTokenAsync("2026-12-11T09:00", email: "mover@example.com");
        foreach (var slot in new[] { "2026-12-11T10:00", "2026-12-11T11:00", "2026-12-11T14:00" })
        {
            var page = await client.GetPageAsync($"/book/manage/{token}");
            Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = slot })).StatusCode);
        }

        var last = await client.GetPageAsync($"/book/manage/{token}");
        var refused = await client.SubmitAsync(last, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = "2026-12-11T15:00" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("already been moved 3 times", Html.Parse(await refused.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        var appointment = await _site.AppointmentAsync(token);
        Assert.Equal(new DateTime(2026, 12, 11, 6, 0, 0, DateTimeKind.Utc), appointment.StartUtc); // still 14:00 in Kuala Lumpur
    }

    [Fact]
    public async Task Beyond_ten_emails_a_day_to_one_address_messages_are_held_for_staff_who_can_send_them()
    {
        _site.With("Booking:MaxActiveBookingsPerEmail", "100"); // this test is about the emails, not the bookings cap
        var client = _site.Browser();
        var address = "flooded@example.com";
        await BookTwelveAsync(client, firstDay: 14, i => address, i => $"012-345 60{i:00}");

        var result = await _site.RunOutboxPassAsync();

        Assert.Equal(10, _smtp.To(address).Count);
        Assert.Equal(2, result.Held);
        var held = await _site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Held).Select(m => m.Id).ToListAsync());
        Assert.Equal(2, held.Count);

        var (staff, _) = await StaffAccounts.SignedInAsync(_site, "Staff");
        Assert.Contains("2", (await staff.GetPageAsync("/admin")).QuerySelector("#stat-failed-emails")!.TextContent, StringComparison.Ordinal);
        var page = await staff.GetPageAsync("/admin/emails/failed");
        Assert.Equal(2, page.QuerySelectorAll("#failed-emails tbody tr").Count(r => r.TextContent.Contains("Held", StringComparison.Ordinal)));
        await staff.SubmitAsync(page, $"form[action='/admin/emails/{held[0]}/retry']", new Dictionary<string, string?>());

        await _site.SendDueEmailsAsync();
        Assert.Equal(11, _smtp.To(address).Count);
        Assert.Equal(OutboxStatus.Sent, await _site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == held[0]).Select(m => m.Status).SingleAsync()));
        Assert.Equal(OutboxStatus.Held, await _site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == held[1]).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_daily_email_cap_counts_one_mailbox_however_it_is_written_and_never_its_neighbours_at_the_same_domain()
    {
        _site.With("Booking:MaxActiveBookingsPerEmail", "100"); // this test is about the emails, not the bookings cap
        var client = _site.Browser();
        string[] oneMailbox = ["sy.patient@gmail.com", "SyPatient+clinic@GoogleMail.com", "s.y.p.a.t.i.e.n.t@gmail.com"];
        await BookTwelveAsync(client, firstDay: 14, i => oneMailbox[i % 3], i => $"012-345 61{i:00}");

        // Twelve other patients at the same domain, one booking each, two days later.
        await BookTwelveAsync(client, firstDay: 16, i => $"neighbour{i}@gmail.com", i => $"012-345 62{i:00}");

        var result = await _site.RunOutboxPassAsync();

        var toOneMailbox = oneMailbox.Sum(address => _smtp.To(address).Count);
        Assert.Equal(10, toOneMailbox);
        Assert.Equal(2, result.Held);
        Assert.All(Enumerable.Range(0, 12), i => Assert.Single(_smtp.To($"neighbour{i}@gmail.com")));
    }

    /// <summary>Twelve bookings, six a day from December <paramref name="firstDay"/>, each with the email and phone its index gives.</summary>
    private static async Task BookTwelveAsync(HttpClient client, int firstDay, Func<int, string> email, Func<int, string> phone)
    {
        int[] hours = [9, 10, 11, 14, 15, 16];
        for (var i = 0; i < 12; i++)
        {
            var fields = BookingSteps.Patient($"2026-12-{firstDay + (i / 6):00}T{hours[i % 6]:00}:00", email: email(i));
            fields["Phone"] = phone(i);
            Assert.Equal(HttpStatusCode.SeeOther, (await client.BookAsync(fields)).StatusCode);
        }
    }
}
