using System.Net;
using System.Text;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Doctors;

/// <summary>A doctor's diary on their phone: a private, revocable iCalendar subscription with no patient contact details.</summary>
public sealed class DiaryFeedTests(DiaryFeedTests.Site site) : IClassFixture<DiaryFeedTests.Site>
{
    [Fact]
    public async Task Staff_issue_a_diary_address_that_shows_the_doctors_bookings_with_initials_and_no_personal_data()
    {
        var chong = await site.PractitionerIdAsync(BookingSteps.DrChong);
        var nurul = await site.PractitionerIdAsync("Dr Sample Doctor B");
        var patient = site.Browser();
        var aisyah = await site.AppointmentAsync(BookingSteps.TokenFrom(await patient.BookAsync(BookingSteps.Patient("2026-12-08T10:00"), "pico-laser", chong.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var other = BookingSteps.Patient("2026-12-08T10:00", name: "Zainab Othman", email: "zainab@example.com");
        other["Notes"] = "Other doctor's patient.";
        var zainab = await site.AppointmentAsync(BookingSteps.TokenFrom(await patient.BookAsync(other, "pico-laser", nurul.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var treatment = await site.WithDbAsync(db => db.Treatments.SingleAsync(t => t.Code == "consultation"));
        var lastMonth = await TestBookings.BookAsync(site, chong, treatment.Id, TestBookings.ClinicTime(new DateOnly(2026, 11, 16), 9), patientName: "Lim Mei Ling");
        var tooOld = await TestBookings.BookAsync(site, chong, treatment.Id, TestBookings.ClinicTime(new DateOnly(2026, 10, 26), 9), patientName: "Old Patient");

        var (staff, account) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var edit = await staff.GetPageAsync($"/admin/schedule/practitioners/{chong}");
        Assert.Equal("This doctor has no diary address.", edit.QuerySelector("#diary-status")!.TextContent);
        var issued = await Html.ReadAsync(await staff.SubmitAsync(edit, "#diary-issue-form", new Dictionary<string, string?>()));
        var https = issued.QuerySelector("#https-en")!.GetAttribute("value")!;
        Assert.Matches($"^{ClinicFactory.PublicBaseUrl}/diary/[A-Za-z0-9_-]{{43}}\\.ics$", https);
        Assert.Equal("webcal" + https[https.IndexOf(':', StringComparison.Ordinal)..], issued.QuerySelector("#webcal-en")!.GetAttribute("value"));
        var token = https[(https.LastIndexOf('/') + 1)..^4];
        Assert.Equal($"{ClinicFactory.PublicBaseUrl}/ms/diari/{token}.ics", issued.QuerySelector("#https-ms")!.GetAttribute("value"));
        Assert.Contains(await site.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "diary-feed.issued").ToListAsync()),
            a => a.Actor == account.Email && a.Subject == $"Practitioner {chong}");
        Assert.False(await site.WithDbAsync(db => db.Practitioners.AnyAsync(p => p.DiaryFeedTokenHash == token))); // only the hash is stored
        Assert.StartsWith("A diary address was made on ", (await staff.GetPageAsync($"/admin/schedule/practitioners/{chong}")).QuerySelector("#diary-status")!.TextContent);

        var response = await site.Browser().GetAsync($"/diary/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.True(response.Headers.CacheControl.Private);
        var ics = await response.Content.ReadAsStringAsync();

        // RFC 5545 form: CRLF only, lines folded at 75 octets, one event per booking with a stable UID.
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("X-WR-CALNAME:Dr Sample Doctor A – diary (", ics);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Kuala_Lumpur", ics);
        var calendar = Calendar.Load(ics)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal([lastMonth.Reference, aisyah.Reference], calendar.Events.Select(e => e.Uid!.Split('@')[0]["diary-".Length..]));
        var booked = calendar.Events.Single(e => e.Uid == $"diary-{aisyah.Reference}@www.drchong-tests.my");
        Assert.Equal("Pico laser · N.A.R.", booked.Summary);
        Assert.Equal(new DateTime(2026, 12, 8, 10, 0, 0), booked.DtStart!.Value);
        Assert.Equal("Asia/Kuala_Lumpur", booked.DtStart.TzId);
        Assert.Contains($"Booking reference: {BookingReference.Display(aisyah.Reference)}", booked.Description);
        Assert.Equal(0, booked.Sequence);
        Assert.NotNull(booked.LastModified);
        Assert.Empty(booked.Attendees);
        Assert.Null(booked.Organizer);

        // Nothing that names or reaches the patient: not the name, email, phone or notes; not the other doctor's booking.
        foreach (var personal in new[] { "Aisyah", "Rahman", "aisyah@example.com", "patient@example.test", "+6012", "012-345", "rolling scars", "Zainab", "zainab", "Other doctor", "Lim Mei", "Old Patient", zainab.Reference, tooOld.Reference })
        {
            Assert.DoesNotContain(personal, ics, StringComparison.OrdinalIgnoreCase);
        }

        // The Malay address: Malay treatment names and words, the same events.
        var malay = Calendar.Load(await site.Browser().GetStringAsync($"/ms/diari/{token}.ics"))!;
        Assert.Contains(malay.Events, e => e.Summary == "Laser pico · N.A.R." && e.Description!.Contains("Nombor rujukan", StringComparison.Ordinal));

        // Staff confirm a requested booking: its entry keeps its UID and counts the change.
        var requested = await TestBookings.BookAsync(site, chong, treatment.Id, TestBookings.ClinicTime(new DateOnly(2026, 12, 9), 9), requested: true, patientName: "Tan Ah Kow");
        var entry = Calendar.Load(await site.Browser().GetStringAsync($"/diary/{token}.ics"))!.Events.Single(e => e.Uid == $"diary-{requested.Reference}@www.drchong-tests.my");
        Assert.Equal("TENTATIVE", entry.Status);
        Assert.Contains("Awaiting the clinic's confirmation", entry.Description);
        await site.WithDbAsync(async db =>
        {
            var stored = await db.Appointments.SingleAsync(a => a.Id == requested.Id);
            Assert.Null(stored.Confirm("staff@www.drchong-tests.my", site.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        entry = Calendar.Load(await site.Browser().GetStringAsync($"/diary/{token}.ics"))!.Events.Single(e => e.Uid == $"diary-{requested.Reference}@www.drchong-tests.my");
        Assert.Equal(("CONFIRMED", 1), (entry.Status, entry.Sequence));
        Assert.Equal("Scar consultation · T.A.K.", entry.Summary);

        // The token is never written to a log.
        var leak = site.Logs.Lines.FirstOrDefault(l => l.Everything.Contains(token, StringComparison.Ordinal));
        Assert.True(leak is null, $"token logged by {leak?.Category}: {leak?.Everything}");
        Assert.Contains(site.Logs.Lines, l => l.Everything.Contains("/diary/***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_address_replaces_the_old_one_revoking_ends_it_and_one_doctors_address_never_shows_anothers_bookings()
    {
        var practitioner = await TestBookings.PractitionerAsync(site);
        var colleague = await TestBookings.PractitionerAsync(site);
        var treatment = await TestBookings.TreatmentAsync(site);
        var own = await TestBookings.BookAsync(site, practitioner.Id, treatment.Id, TestBookings.ClinicTime(new DateOnly(2026, 12, 10), 9), patientName: "Own Patient");
        var theirs = await TestBookings.BookAsync(site, colleague.Id, treatment.Id, TestBookings.ClinicTime(new DateOnly(2026, 12, 10), 9), patientName: "Their Patient");
        var (staff, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);

        var first = await IssueAsync(staff, practitioner.Id);
        var colleagues = await IssueAsync(staff, colleague.Id);
        var feed = await site.Browser().GetStringAsync($"/diary/{first}.ics");
        Assert.Contains(own.Reference, feed);
        Assert.DoesNotContain(theirs.Reference, feed);
        var colleagueFeed = await site.Browser().GetStringAsync($"/diary/{colleagues}.ics");
        Assert.Contains(theirs.Reference, colleagueFeed);
        Assert.DoesNotContain(own.Reference, colleagueFeed);

        // A new address: the old one is a plain 404 at once, the new one works.
        var second = await IssueAsync(staff, practitioner.Id);
        Assert.NotEqual(first, second);
        var gone = await site.Browser().GetAsync($"/diary/{first}.ics");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var unknown = await site.Browser().GetAsync($"/diary/{new string('A', 43)}.ics");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await gone.Content.ReadAsStringAsync()); // no hint that it once existed
        Assert.Contains(own.Reference, await site.Browser().GetStringAsync($"/diary/{second}.ics"));
        Assert.Contains(await site.WithDbAsync(db => db.AuditEntries.Select(a => a.Action + " " + a.Subject).ToListAsync()), a => a == $"diary-feed.replaced Practitioner {practitioner.Id}");

        // Revoked: 404 in both languages; the colleague's address still works.
        var edit = await staff.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}");
        var revoked = await staff.SubmitAsync(edit, "#diary-revoke-form", new Dictionary<string, string?>());
        Assert.Equal($"/admin/schedule/practitioners/{practitioner.Id}", revoked.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("no longer works", (await Html.ReadAsync(revoked)).QuerySelector(".flash")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync($"/diary/{second}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync($"/ms/diari/{second}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync($"/diary/{colleagues}.ics")).StatusCode);
        Assert.Contains(await site.WithDbAsync(db => db.AuditEntries.Select(a => a.Action + " " + a.Subject).ToListAsync()), a => a == $"diary-feed.revoked Practitioner {practitioner.Id}");

        // Malformed addresses: the same 404, never a 500.
        foreach (var path in new[] { "/diary/short.ics", "/diary/%20.ics", $"/diary/{new string('A', 44)}.ics", "/diary/..%2f..%2fappsettings.json.ics", "/ms/diari/.ics" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync(path)).StatusCode);
        }

        // Only signed-in staff can issue, only with the form's anti-forgery token; an unknown doctor is a 404.
        var audited = await site.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await site.Browser().PostAsync($"/admin/schedule/practitioners/{practitioner.Id}/diary-feed", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/admin/schedule/practitioners/{practitioner.Id}/diary-feed", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(audited, await site.WithDbAsync(db => db.AuditEntries.CountAsync()));
        var antiForgery = edit.QuerySelector("#diary-issue-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync("/admin/schedule/practitioners/999999/diary-feed", new FormUrlEncodedContent([new("__RequestVerificationToken", antiForgery)]))).StatusCode);
    }

    [Fact]
    public async Task The_same_issue_form_sent_many_times_at_once_issues_one_address_and_the_one_shown_works()
    {
        var practitioner = await TestBookings.PractitionerAsync(site);
        var (staff, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var first = await IssueAsync(staff, practitioner.Id);
        var edit = await staff.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}");
        var audited = await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"Practitioner {practitioner.Id}"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => staff.SubmitAsync(edit, "#diary-issue-form", new Dictionary<string, string?>())));

        var issued = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != issued), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var refused = await Html.ReadAsync(answers.First(a => a != issued));
        Assert.Contains("no other address was made", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("#https-en"));
        var https = (await Html.ReadAsync(issued)).QuerySelector("#https-en")!.GetAttribute("value")!;
        var shown = https[(https.LastIndexOf('/') + 1)..^4];
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync($"/diary/{shown}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync($"/diary/{first}.ics")).StatusCode);
        Assert.Equal(audited + 1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"Practitioner {practitioner.Id}")));

        // The page read before that issue, sent again later, is refused too; a form without the field replaces nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.SubmitAsync(edit, "#diary-issue-form", new Dictionary<string, string?>())).StatusCode);
        var antiForgery = edit.QuerySelector("#diary-issue-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var bare = await staff.PostAsync($"/admin/schedule/practitioners/{practitioner.Id}/diary-feed", new FormUrlEncodedContent([new("__RequestVerificationToken", antiForgery)]));
        Assert.Equal(HttpStatusCode.Conflict, bare.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.SubmitAsync(edit, "#diary-issue-form", new Dictionary<string, string?> { ["replacing"] = "abc" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync($"/diary/{shown}.ics")).StatusCode);
    }

    private static async Task<string> IssueAsync(HttpClient staff, int practitionerId)
    {
        var edit = await staff.GetPageAsync($"/admin/schedule/practitioners/{practitionerId}");
        var issued = await Html.ReadAsync(await staff.SubmitAsync(edit, "#diary-issue-form", new Dictionary<string, string?>()));
        var https = issued.QuerySelector("#https-en")!.GetAttribute("value")!;
        return https[(https.LastIndexOf('/') + 1)..^4];
    }

    /// <summary>The booking site with every log line captured (Debug and up, ASP.NET Core's request logs included).</summary>
    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("Logging:LogLevel:Default", "Debug");
            With("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
            WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }

        public CapturedLogs Logs { get; } = new();
    }
}
