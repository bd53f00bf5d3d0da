using System.Net;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Staff-area sweep finding 1: two staff (or a double click) saving the same thing at once got 500s from unique-index
/// refusals and concurrency conflicts. Each race now ends in one saved change and, for every other post, a clear
/// answer (the form with a message, 409, or "already done"), never a 500; stored data stays whole.
/// </summary>
public sealed class StaffRaceTests(StaffRaceTests.Site site) : IClassFixture<StaffRaceTests.Site>
{
    private const int Posts = 20;

    [Fact]
    public async Task Twenty_posts_of_one_new_treatment_code_save_it_once_and_the_rest_hear_the_code_is_taken()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var page = await client.GetPageAsync("/admin/schedule/treatments/new");

        var answers = await RaceAsync(() => client.SubmitAsync(page, "#treatment-form", new Dictionary<string, string?>
        {
            ["Code"] = "race-code",
            ["NameEn"] = "Race",
            ["NameMs"] = "Perlumbaan",
        }));

        Assert.Equal(1, await site.WithDbAsync(db => db.Treatments.CountAsync(t => t.Code == "race-code")));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains("Another treatment already uses this code", a.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Twenty_posts_of_one_new_doctor_add_them_once_and_each_refusal_says_the_doctor_is_already_on_the_list()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var page = await client.GetPageAsync("/admin/schedule/practitioners/new");

        var answers = await RaceAsync(() => client.SubmitAsync(page, "#practitioner-form", new Dictionary<string, string?> { ["Name"] = "Dr Race" }));

        Assert.Equal(1, await site.WithDbAsync(db => db.Practitioners.CountAsync(p => p.Name.StartsWith("Dr Race"))));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains("is already on the list", a.Text, StringComparison.Ordinal);
        });

        // The same name a minute later, in other letter case: still the same doctor.
        var again = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/practitioners/new"), "#practitioner-form", new Dictionary<string, string?> { ["Name"] = " dr RACE " });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, (await site.WithDbAsync(db => db.Practitioners.Select(p => p.Name).ToListAsync())).Count(n => n.Trim().Equals("dr race", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Twenty_posts_of_one_doctors_hours_save_one_week_and_the_rest_hear_someone_else_saved()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var practitioner = await TestBookings.PractitionerAsync(site);
        var page = await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}/hours");

        var answers = await RaceAsync(() => client.SubmitAsync(page, "#hours-form", new Dictionary<string, string?>
        {
            ["Days[0].Periods[0].Start"] = "08:00",
            ["Days[0].Periods[0].End"] = "12:00",
        }));

        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains("Someone else saved a change here after you opened this page", a.Text, StringComparison.Ordinal);
        });
        var monday = await site.WithDbAsync(db => db.WorkingHours.Where(h => h.PractitionerId == practitioner.Id && h.Day == DayOfWeek.Monday).ToListAsync());
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(12, 0)), (monday[0].Start, monday[0].End));
        Assert.Equal(12, await site.WithDbAsync(db => db.WorkingHours.CountAsync(h => h.PractitionerId == practitioner.Id)));
    }

    [Fact]
    public async Task Deleting_one_closure_twenty_times_at_once_deletes_it_and_every_answer_says_it_is_done()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var closure = await site.WithDbAsync(async db =>
        {
            var added = db.Closures.Add(new Closure { FirstDay = day, LastDay = day, Reason = "Race day" }).Entity;
            await db.SaveChangesAsync();
            return added;
        });
        var list = await client.GetPageAsync("/admin/schedule/closures");
        var form = $"form[action='/admin/schedule/closures/{closure.Id}/delete']";

        var answers = await RaceAsync(() => client.SubmitAsync(list, form, new Dictionary<string, string?>()));
        var again = await client.SubmitAsync(list, form, new Dictionary<string, string?>());

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This closure had already been deleted.", (await Html.ReadAsync(again)).Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.Closures.AnyAsync(c => c.Id == closure.Id)));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "closure.deleted" && a.Subject == $"Closure {closure.Id}")));
    }

    [Fact]
    public async Task Twenty_posts_of_one_new_closure_save_it_once_and_every_answer_says_it_is_saved()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await client.GetPageAsync("/admin/schedule/closures/new");

        var answers = await RaceAsync(() => client.SubmitAsync(page, "#closure-form", new Dictionary<string, string?>
        {
            ["FirstDay"] = day,
            ["LastDay"] = day,
            ["Reason"] = "Double-click day",
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status)); // each followed to the list with "saved"
        Assert.Equal(1, await site.WithDbAsync(db => db.Closures.CountAsync(c => c.Reason == "Double-click day")));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "closure.created" && a.Details!.Contains("Double-click day"))));
    }

    [Fact]
    public async Task Erasing_one_patients_data_fifteen_times_at_once_erases_it_once_and_every_answer_says_it_is_done()
    {
        var practitioner = await TestBookings.PractitionerAsync(site);
        var treatment = await TestBookings.TreatmentAsync(site);
        var booking = await TestBookings.BookAsync(site, practitioner.Id, treatment.Id, DateTime.UtcNow.AddDays(20), patientEmail: "erase.race@example.test");
        var (admin, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Admin);
        var found = await Html.ReadAsync(await admin.SubmitAsync(
            await admin.GetPageAsync("/admin/patients/data"), "#patient-search-form", new Dictionary<string, string?> { ["email"] = "erase.race@example.test" }));

        var answers = await RaceAsync(() => admin.SubmitAsync(found, "#patient-erase-form", new Dictionary<string, string?> { ["confirm"] = "true" }), 15);

        // One browser with fifteen requests at once shares one cookie jar, so a page may read the flash message cookie
        // after another request of the same jar has used it: the message can be missing, but never wrong.
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.InRange(answers.Count(a => a.Text.Contains("Personal data erased from 1 booking(s)", StringComparison.Ordinal)), 0, 1);
        Assert.DoesNotContain(answers, a => a.Text.Contains("Personal data erased from 0", StringComparison.Ordinal));
        Assert.True(answers.Count(a => a.Text.Contains("nothing left to erase", StringComparison.Ordinal)) >= 10, "most answers say there was nothing left");
        Assert.Equal(Appointment.AnonymizedName, (await site.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == booking.Id))).Patient.Name);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Erased patient data" && a.Subject == booking.Reference)));
    }

    [Fact]
    public async Task A_save_conflict_no_use_case_explains_answers_409_with_the_friendly_page_in_the_pages_language()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var practitioner = await TestBookings.PractitionerAsync(site);
        var edit = await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(edit.QuerySelector("#photo-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent([1, 2, 3]), "photo", ConflictingPhotos.FileName },
        };

        var response = await client.PostAsync($"/admin/schedule/practitioners/{practitioner.Id}/photo", upload);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = (await Html.ReadAsync(response)).QuerySelector("main")!.TextContent;
        Assert.Contains("Someone else saved a change at the same time", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_edits_of_one_treatment_from_pages_opened_at_once_save_one_and_a_stale_page_never_undoes_it()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var id = await site.WithDbAsync(db => db.Treatments.Where(t => t.Code == "chemical-peel").Select(t => t.Id).SingleAsync());
        var page = await client.GetPageAsync($"/admin/schedule/treatments/{id}");

        var answers = await RaceAsync(() => client.SubmitAsync(page, "#treatment-form", new Dictionary<string, string?> { ["NameEn"] = $"Peel {Guid.NewGuid():N}" }), 10);

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains("after you opened this page", a.Text, StringComparison.Ordinal);
        });
        var saved = await site.WithDbAsync(db => db.Treatments.Where(t => t.Id == id).Select(t => t.NameEn).SingleAsync());

        // The same stale page again, and a post without the stamp: nothing changes.
        Assert.Equal(HttpStatusCode.Conflict, (await client.SubmitAsync(page, "#treatment-form", new Dictionary<string, string?> { ["NameEn"] = "Stale peel" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.SubmitAsync(page, "#treatment-form", new Dictionary<string, string?> { ["NameEn"] = "Forged peel", ["Shown"] = null })).StatusCode);
        Assert.Equal(saved, await site.WithDbAsync(db => db.Treatments.Where(t => t.Id == id).Select(t => t.NameEn).SingleAsync()));

        // A fresh page saves.
        var fresh = await client.SubmitAsync(await client.GetPageAsync($"/admin/schedule/treatments/{id}"), "#treatment-form", new Dictionary<string, string?> { ["NameEn"] = "Chemical peel" });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("Chemical peel", await site.WithDbAsync(db => db.Treatments.Where(t => t.Id == id).Select(t => t.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task A_doctors_details_page_opened_before_a_colleague_saved_does_not_undo_their_change()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        var practitioner = await TestBookings.PractitionerAsync(site);
        var mine = await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}");
        var theirs = await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}");

        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(theirs, "#practitioner-form", new Dictionary<string, string?> { ["MmcNumber"] = "MMC-12345" })).StatusCode);
        var stale = await client.SubmitAsync(mine, "#practitioner-form", new Dictionary<string, string?> { ["BioEn"] = "A bio typed on an old page." });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("after you opened this page", (await Html.ReadAsync(stale)).Body!.TextContent, StringComparison.Ordinal);
        var stored = await site.WithDbAsync(db => db.Practitioners.SingleAsync(p => p.Id == practitioner.Id));
        Assert.Equal(("MMC-12345", (string?)null), (stored.MmcNumber, stored.BioEn));
    }

    private static Task<(HttpStatusCode Status, string Text)[]> RaceAsync(Func<Task<HttpResponseMessage>> post, int count = Posts) =>
        Races.RunAsync(post, count);

    /// <summary>The site, with a photo step that fails the way a lost race fails inside a save (nothing handles it on the way up).</summary>
    public sealed class Site : ClinicFactory
    {
        public Site() => WithServices(services => services.AddSingleton<IPhotoProcessor, ConflictingPhotos>());
    }

    private sealed class ConflictingPhotos : IPhotoProcessor
    {
        public const string FileName = "conflict.png";

        public (ProcessedPhoto? Photo, PhotoProblem? Problem) Process(byte[] upload) =>
            throw new DbUpdateConcurrencyException("The database operation was expected to affect 1 row(s), but actually affected 0 row(s).");
    }
}
