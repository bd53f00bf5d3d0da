using System.Net;
using System.Text.Json;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.IntegrationTests.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

public sealed class PatientDataTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task An_admin_finds_exports_and_erases_one_patients_data_and_both_are_audited()
    {
        var token = await factory.Browser().BookAndGetTokenAsync("2026-12-15T09:00", email: "Mei.Ling@Example.com");
        var reference = (await factory.AppointmentAsync(token)).Reference;
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);

        var found = await Html.ReadAsync(await admin.SubmitAsync(
            await admin.GetPageAsync("/admin/patients/data"), "#patient-search-form", new Dictionary<string, string?> { ["email"] = "mei.ling@example.com" }));
        Assert.Contains(BookingReference.Display(reference), found.QuerySelector("#patient-bookings")!.TextContent, StringComparison.Ordinal);

        var export = await admin.SubmitAsync(found, "#patient-export-form", new Dictionary<string, string?>());
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync()))
        {
            var booking = Assert.Single(json.RootElement.GetProperty("Bookings").EnumerateArray());
            Assert.Empty(json.RootElement.GetProperty("Waitlist").EnumerateArray());
            Assert.Equal("Nur Aisyah binti Rahman", booking.GetProperty("Name").GetString());
            Assert.Equal("2026-11", booking.GetProperty("PrivacyNoticeVersion").GetString());
        }

        var unconfirmed = await admin.SubmitAsync(found, "#patient-erase-form", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal("Mei.Ling@Example.com", (await factory.AppointmentAsync(token)).Patient.Email);

        var erased = await admin.SubmitAsync(found, "#patient-erase-form", new Dictionary<string, string?> { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var after = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Reference == reference));
        Assert.Equal(Appointment.AnonymizedName, after.Patient.Name);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync($"/book/manage/{token}")).StatusCode);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject != null && e.Subject.Contains(reference)).ToListAsync());
        Assert.Equal(["Erased patient data", "Exported patient data"], audit.Select(e => e.Action).Order());
        Assert.All(audit, e => Assert.DoesNotContain("example.com", e.Subject + e.Details, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_admin_finds_exports_and_erases_a_patients_waitlist_requests_with_their_offers_and_emails()
    {
        const string email = "Wait.Data@Example.com";
        var scene = await WaitlistScene.NewAsync(factory);
        var held = await scene.OneMorningTimeHeldAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync(email, phone: "012-345 9101")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await scene.JoinAsync("someone.else.waiting@example.com", phone: "012-345 9102")).StatusCode);
        await scene.CancelAsync(held);
        Assert.True((await factory.RunWaitlistPassAsync()).OffersMade >= 1); // an offer, and the joined and offer emails sent
        var entries = await scene.EntriesAsync();
        var (mine, other) = (entries.Single(e => e.Patient.Email == email).Id, entries.Single(e => e.Patient.Email != email).Id);
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);

        var found = await Html.ReadAsync(await admin.SubmitAsync(
            await admin.GetPageAsync("/admin/patients/data"), "#patient-search-form", new Dictionary<string, string?> { ["email"] = "wait.data@example.com" }));
        Assert.Null(found.QuerySelector("#patient-bookings"));
        var row = Assert.Single(found.QuerySelectorAll("#patient-waitlist tbody tr"));
        Assert.Contains(scene.Treatment.NameEn, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Morning", row.TextContent, StringComparison.Ordinal);

        // In the staff area's Malay: the treatment's Malay name and Malay words.
        var malay = await Html.ReadAsync(await admin.SubmitAsync(found, "#admin-language-form", new Dictionary<string, string?>()));
        Assert.Equal("ms", malay.DocumentElement.GetAttribute("lang"));
        var malayFound = await Html.ReadAsync(await admin.SubmitAsync(
            await admin.GetPageAsync("/admin/patients/data"), "#patient-search-form", new Dictionary<string, string?> { ["email"] = email }));
        var malayRow = Assert.Single(malayFound.QuerySelectorAll("#patient-waitlist tbody tr")).TextContent;
        Assert.Contains(scene.Treatment.NameMs, malayRow, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Treatment.NameEn, malayRow, StringComparison.Ordinal);
        await admin.SubmitAsync(malayFound, "#admin-language-form", new Dictionary<string, string?>()); // back to English

        var export = await admin.SubmitAsync(found, "#patient-export-form", new Dictionary<string, string?>());
        using (var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync()))
        {
            Assert.Empty(json.RootElement.GetProperty("Bookings").EnumerateArray());
            var entry = Assert.Single(json.RootElement.GetProperty("Waitlist").EnumerateArray());
            Assert.Equal(email, entry.GetProperty("Email").GetString());
            Assert.Equal("+60123459101", entry.GetProperty("Phone").GetString());
            Assert.Equal(scene.Treatment.NameEn, entry.GetProperty("Treatment").GetString());
            Assert.Equal("Open", Assert.Single(entry.GetProperty("Offers").EnumerateArray()).GetProperty("Status").GetString());
            Assert.Equal(["Joined", "Offer"], entry.GetProperty("Emails").EnumerateArray().Select(m => m.GetProperty("Kind").GetString()).Order());
        }

        var erased = await Html.ReadAsync(await admin.SubmitAsync(found, "#patient-erase-form", new Dictionary<string, string?> { ["confirm"] = "true" }));

        Assert.Contains("0 booking(s); 1 waitlist request(s) deleted", erased.QuerySelector("main")?.TextContent ?? erased.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.WaitlistEntries.AnyAsync(e => e.Id == mine)));
        Assert.False(await factory.WithDbAsync(db => db.WaitlistOffers.AnyAsync(o => o.EntryId == mine)));
        Assert.False(await factory.WithDbAsync(db => db.WaitlistMessages.AnyAsync(m => m.EntryId == mine)));
        Assert.True(await factory.WithDbAsync(db => db.WaitlistEntries.AnyAsync(e => e.Id == other))); // another patient's request stays
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"Waitlist entry {mine}").ToListAsync());
        Assert.Equal(["Erased patient data", "Exported patient data"], audit.Select(e => e.Action).Order());
        Assert.All(audit, e => Assert.DoesNotContain("example.com", e.Subject + e.Details, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitAsync(found, "#patient-export-form", new Dictionary<string, string?>())).StatusCode);
    }

    [Theory]
    [InlineData(0, "Enter an email address")]
    [InlineData(3, "Enter an email address")] // only spaces
    [InlineData(263, "Enter a valid email address")] // longer than any address can be
    public async Task A_look_up_with_no_address_or_one_too_long_says_why_with_a_400(int length, string message)
    {
        var email = length < 10 ? new string(' ', length) : new string('a', length - 12) + "@example.com";
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);

        var response = await admin.SubmitAsync(await admin.GetPageAsync("/admin/patients/data"), "#patient-search-form", new Dictionary<string, string?> { ["email"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ReadAsync(response)).QuerySelector("#patient-problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_the_admin_role_cannot_see_or_export_patient_data()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/patients/data")).StatusCode);
        var token = (await staff.GetPageAsync("/admin")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var export = await staff.PostAsync("/admin/patients/data/export", new FormUrlEncodedContent([new("email", "a@example.com"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Fact]
    public async Task Looking_up_and_exporting_patient_data_are_posts_with_anti_forgery_and_never_put_the_email_in_an_address()
    {
        var token = await factory.Browser().BookAndGetTokenAsync("2026-12-15T10:00", email: "siti.address@example.com");
        var reference = (await factory.AppointmentAsync(token)).Reference;
        var (admin, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var auditCount = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        // A link (or a page on another site) with the e-mail in the address neither searches nor exports.
        var linked = await admin.GetAsync("/admin/patients/data?email=siti.address%40example.com");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Null((await Html.ReadAsync(linked)).QuerySelector("#patient-bookings"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.GetAsync("/admin/patients/data/export?email=siti.address%40example.com")).StatusCode);
        var forged = await admin.PostAsync("/admin/patients/data/export", new FormUrlEncodedContent([new("email", "siti.address@example.com")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(auditCount, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));

        var page = await admin.GetPageAsync("/admin/patients/data");
        Assert.Equal("post", page.QuerySelector("#patient-search-form")!.GetAttribute("method"));
        var found = await admin.SubmitAsync(page, "#patient-search-form", new Dictionary<string, string?> { ["email"] = "siti.address@example.com" });
        Assert.Equal("/admin/patients/data", found.RequestMessage!.RequestUri!.PathAndQuery);
        var foundPage = await Html.ReadAsync(found);
        Assert.Contains(BookingReference.Display(reference), foundPage.QuerySelector("#patient-bookings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("post", foundPage.QuerySelector("#patient-export-form")!.GetAttribute("method"));
        var unconfirmed = await admin.SubmitAsync(foundPage, "#patient-erase-form", new Dictionary<string, string?>());
        Assert.DoesNotContain("siti", unconfirmed.RequestMessage!.RequestUri!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(BookingReference.Display(reference), (await Html.ReadAsync(unconfirmed)).QuerySelector("#patient-bookings")!.TextContent, StringComparison.Ordinal);
    }
}
