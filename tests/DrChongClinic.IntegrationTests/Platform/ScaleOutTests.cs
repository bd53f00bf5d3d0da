using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using DrChongClinic.Application.Background;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Application.Staff;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Articles;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.IntegrationTests.Waitlist;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// Two app instances on one SQLite file and one Data Protection key folder, as behind a load balancer or during a
/// rolling deploy: instance A is a normal test site, B points at A's database and keys. Both send to one SMTP server.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public BookingFactory A { get; private set; } = null!;

    public BookingFactory B { get; private set; } = null!;

    public IEnumerable<BookingFactory> Both => [A, B];

    /// <summary>Both instances' clocks (each site has its own, as two servers do), moved together.</summary>
    public DateTimeOffset Now
    {
        set
        {
            A.Clock.Now = value;
            B.Clock.Now = value;
        }
    }

    public Task InitializeAsync()
    {
        A = new BookingFactory();
        A.SendingTo(Smtp);
        _ = A.Services;
        B = new BookingFactory();
        B.SendingTo(Smtp)
            .With("Database:ConnectionString", $"Data Source={A.DatabasePath}")
            .With("DataProtection:KeysPath", Path.Combine(A.Folder, "keys"));
        _ = B.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A browser that keeps one cookie jar whichever instance it talks to (the load balancer may pick either).</summary>
    public static HttpClient Browser(BookingFactory site, CookieContainer cookies) =>
        site.CreateDefaultClient(new Uri("https://localhost"), new RedirectHandler(), new CookieContainerHandler(cookies));
}

public sealed class ScaleOutTests(TwoInstances sites) : IClassFixture<TwoInstances>
{
    private static readonly DateTimeOffset Monday = new(BookingFactory.MondayMorningUtc);

    [Fact]
    public async Task Emails_are_delivered_once_when_both_instances_run_the_outbox_pass_together_many_times()
    {
        var addresses = Enumerable.Range(0, 12).Select(i => $"once{i}@patients.test").ToList();
        foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
        {
            await BookAsync(sites.A, Patient(address), KualaLumpur(2031, 3, 3, 9, 0).AddDays(i), needsConfirmation: false, EmailKind.BookingConfirmed);
        }

        var results = new List<OutboxPassResult>();
        for (var round = 0; round < 5; round++)
        {
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? sites.A : sites.B).RunOutboxPassAsync())));
        }

        Assert.Equal(addresses.Count, results.Sum(r => r.Sent));
        Assert.All(addresses, address => Assert.Single(sites.Smtp.To(address)));
        var rows = await sites.A.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => addresses.Contains(m.Appointment!.Patient.Email!)).Select(m => new { m.Status, m.Attempts }).ToListAsync());
        Assert.All(rows, row => Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts)));
    }

    [Fact]
    public async Task Reminders_are_queued_and_sent_once_when_both_instances_pass_together()
    {
        var addresses = Enumerable.Range(0, 6).Select(i => $"remind{i}@patients.test").ToList();
        var start = KualaLumpur(2026, 12, 9, 8, 0);
        var ids = new List<int>();
        foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
        {
            ids.Add((await BookAsync(sites.A, Patient(address), start.AddHours(2 * i), needsConfirmation: false)).Id);
        }

        try
        {
            sites.Now = new DateTimeOffset(start.AddHours(-12), TimeSpan.Zero); // every one inside the 24-hour window
            var results = new List<OutboxPassResult>();
            for (var round = 0; round < 4; round++)
            {
                results.AddRange(await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? sites.A : sites.B).RunOutboxPassAsync())));
            }

            Assert.Equal(addresses.Count, results.Sum(r => r.RemindersQueued));
            Assert.All(addresses, address => Assert.StartsWith("Reminder", Assert.Single(sites.Smtp.To(address)).Subject, StringComparison.Ordinal));
            var reminders = await sites.A.WithDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.AppointmentId) && m.Kind == EmailKind.Reminder));
            Assert.Equal(addresses.Count, reminders);
        }
        finally
        {
            sites.Now = Monday;
        }
    }

    [Fact]
    public async Task An_instance_that_dies_holding_the_outbox_lease_delays_email_only_until_the_lease_runs_out()
    {
        const string address = "crashed@patients.test";
        try
        {
            // A takes the lease and never gives it back (the process died mid-pass).
            using (var scope = sites.A.Services.CreateScope())
            {
                Assert.NotNull(await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync(OutboxPass.LeaseName, TimeSpan.FromMinutes(2), CancellationToken.None));
            }

            await BookAsync(sites.A, Patient(address), KualaLumpur(2031, 6, 2, 9, 0), needsConfirmation: false, EmailKind.BookingConfirmed);
            Assert.Equal(0, (await sites.B.RunOutboxPassAsync()).Sent);
            Assert.Empty(sites.Smtp.To(address));

            sites.Now = Monday.AddMinutes(2).AddSeconds(1);
            Assert.Equal(1, (await sites.B.RunOutboxPassAsync()).Sent);
            Assert.Single(sites.Smtp.To(address));
        }
        finally
        {
            sites.Now = Monday;
        }
    }

    [Fact]
    public async Task The_retention_pass_anonymises_each_old_booking_once_when_both_instances_run_it_together()
    {
        var practitioner = await Infrastructure.TestBookings.PractitionerAsync(sites.A);
        var treatment = await Infrastructure.TestBookings.TreatmentAsync(sites.A);
        for (var i = 0; i < 5; i++)
        {
            await Infrastructure.TestBookings.BookAsync(sites.A, practitioner.Id, treatment.Id, new DateTime(2023, 1, 9, 2, 0, 0, DateTimeKind.Utc).AddDays(i), patientName: "Old Patient");
        }

        // While A's pass holds the lease, B's pass leaves the work alone.
        using (var scope = sites.A.Services.CreateScope())
        {
            await using var held = await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync(PatientDataRetentionPass.LeaseName, TimeSpan.FromMinutes(10), CancellationToken.None);
            Assert.NotNull(held);
            Assert.Equal(0, (await sites.B.RunPassAsync<PatientDataRetentionPass, RetentionPassResult>()).Anonymized);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? sites.A : sites.B).RunPassAsync<PatientDataRetentionPass, RetentionPassResult>()));

        Assert.Equal(5, results.Sum(r => r.Anonymized));
        Assert.False(await sites.A.WithDbAsync(db => db.Appointments.AnyAsync(a => a.PractitionerId == practitioner.Id && a.Patient.Name != Appointment.AnonymizedName)));
    }

    [Fact]
    public async Task The_waitlist_offers_a_freed_time_once_when_both_instances_run_its_pass_together_many_times()
    {
        var scene = await WaitlistScene.NewAsync(sites.A);
        var held = await scene.OneMorningTimeHeldAsync();
        var patients = Enumerable.Range(0, 5).Select(i => $"waiting{i}@patients.test").ToList();
        foreach (var (address, i) in patients.Select((a, i) => (a, i)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync(address, phone: $"012-345 80{i:00}")).StatusCode);
        }

        await sites.B.RunWaitlistPassAsync(); // the "you are on the waitlist" emails
        await scene.CancelAsync(held); // Tuesday 10:00 is free again
        await sites.A.SendDueEmailsAsync(); // the cancellation's emails, so the class's outbox tests count only their own

        // While A's pass holds the waitlist lease, B's pass offers nothing.
        using (var scope = sites.A.Services.CreateScope())
        {
            await using var lease = await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync(WaitlistPass.LeaseName, TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.NotNull(lease);
            Assert.Equal(0, (await sites.B.RunWaitlistPassAsync()).OffersMade);
        }

        // Then both instances run the pass at once, again and again: no pass fails, and the time goes out once to each of three.
        var results = new List<WaitlistPassResult>();
        for (var round = 0; round < 4; round++)
        {
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? sites.A : sites.B).RunWaitlistPassAsync())));
        }

        Assert.Equal(3, results.Sum(r => r.OffersMade));
        var offers = await scene.OffersAsync();
        Assert.Equal(3, offers.Count);
        Assert.Equal(3, offers.Select(o => o.EntryId).Distinct().Count());
        Assert.All(patients.Take(3), address => Assert.Single(sites.Smtp.To(address), m => m.Subject.Contains("freed up", StringComparison.Ordinal)));
        Assert.All(patients.Skip(3), address => Assert.Single(sites.Smtp.To(address)));
    }

    [Fact]
    public async Task Staff_signed_in_on_one_instance_post_a_closure_on_the_other_and_it_refuses_bookings_there()
    {
        var account = await StaffAccounts.CreateAsync(sites.A, StaffRoles.Staff);
        var cookies = new CookieContainer();
        var onA = TwoInstances.Browser(sites.A, cookies);
        var onB = TwoInstances.Browser(sites.B, cookies);
        await StaffAccounts.SignInAsync(onA, account);
        var practitioner = await sites.A.PractitionerIdAsync(BookingSteps.DrChong);
        const string day = "2026-12-10";
        var slots = $"/book/slots?treatment=consultation&practitioner={practitioner}&date={day}";
        var freeBefore = await FreeTimesAsync(sites.B, slots);
        Assert.NotEmpty(freeBefore);
        Assert.Equal(freeBefore, await FreeTimesAsync(sites.A, slots)); // A's booking rules now hold their copy of the schedule

        // The form (and its anti-forgery token) comes from A; the post, with A's sign-in cookie, goes to B.
        var form = await onA.GetPageAsync("/admin/schedule/closures/new");
        var response = await onB.SubmitAsync(form, "#closure-form", new Dictionary<string, string?>
        {
            ["PractitionerId"] = practitioner.ToString(CultureInfo.InvariantCulture),
            ["FirstDay"] = day,
            ["LastDay"] = day,
            ["Reason"] = "Conference (scale-out test)",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin/schedule/closures", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(await sites.B.WithDbAsync(db => db.Closures.AnyAsync(c => c.PractitionerId == practitioner && c.Reason == "Conference (scale-out test)")));

        // Back on A, the same session carries on.
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/admin/schedule/closures")).StatusCode);

        // Patients can no longer book that day with that doctor: on B at once, on A once its stamp watcher has read the
        // schedule stamp B's save renewed (every 2 s; the promise is 5).
        Assert.Empty(await FreeTimesAsync(sites.B, slots));
        var clock = Stopwatch.StartNew();
        while ((await FreeTimesAsync(sites.A, slots)).Count > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "instance A still offered times on the closed day after 5 seconds");
            await Task.Delay(100);
        }

        var patient = sites.B.Browser();
        var booking = await patient.SubmitAsync(
            await patient.DetailsPageAsync(day, "consultation", practitioner.ToString(CultureInfo.InvariantCulture)), "form[data-booking-form]",
            BookingSteps.Patient(freeBefore[0], email: "closed-day@example.com"));
        Assert.True(booking.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"booking a closed day answered {booking.StatusCode}");
        Assert.False(await sites.A.WithDbAsync(db => db.Appointments.AnyAsync(a => a.Patient.Email == "closed-day@example.com")));
    }

    [Fact]
    public async Task A_doctor_renamed_on_one_instance_shows_on_the_other_instances_cached_pages_within_five_seconds()
    {
        var practitioner = await Infrastructure.TestBookings.PractitionerAsync(sites.A);
        var client = sites.B.Browser();
        Assert.Contains(practitioner.Name, await client.GetStringAsync("/doctors")); // now cached on B

        var renamed = "Dr Renamed " + Guid.NewGuid().ToString("N")[..6];
        await sites.A.WithDbAsync(async db =>
        {
            (await db.Practitioners.SingleAsync(p => p.Id == practitioner.Id)).Name = renamed;
            return await db.SaveChangesAsync();
        });

        var clock = Stopwatch.StartNew();
        while (!(await client.GetStringAsync("/doctors")).Contains(renamed, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "instance B still showed the old name after 5 seconds");
            await Task.Delay(100);
        }
    }

    private static async Task<List<string>> FreeTimesAsync(BookingFactory site, string url)
    {
        using var json = JsonDocument.Parse(await site.Browser().GetStringAsync(url));
        return json.RootElement.GetProperty("times").EnumerateArray().Select(t => t.GetProperty("value").GetString()!).ToList();
    }
}

/// <summary>Two instances on one shared content folder ("Content:Watch" = Polling): an article change reaches both.</summary>
public sealed class SharedContentTests
{
    [Fact]
    public async Task A_new_article_on_a_shared_content_folder_is_served_by_both_instances_within_five_seconds()
    {
        using var a = new ContentSiteFactory();
        a.With("Content:Watch", "Polling");
        using var b = new ContentSiteFactory();
        b.With("Content:Watch", "Polling").With("Content:Path", a.ContentPath);
        var clients = new[] { a.CreateClient(), b.CreateClient() };
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/shared-new")).StatusCode);
            Assert.DoesNotContain("Shared new article", await client.GetStringAsync("/articles"), StringComparison.Ordinal); // cached
        }

        a.WriteContent("en/shared-new.md", ContentSiteFactory.ArticleText("shared-new", "shared-new", "en", "Shared new article"));
        a.WriteContent("ms/artikel-kongsi.md", ContentSiteFactory.ArticleText("shared-new", "artikel-kongsi", "ms", "Artikel kongsi baharu"));

        var clock = Stopwatch.StartNew();
        foreach (var client in clients)
        {
            while ((await client.GetAsync("/articles/shared-new")).StatusCode != HttpStatusCode.OK
                || !(await client.GetStringAsync("/articles")).Contains("Shared new article", StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "an instance did not serve the new article within 5 seconds");
                await Task.Delay(100);
            }
        }
    }
}
