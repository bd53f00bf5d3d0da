using System.Net;
using System.Text.Json;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;
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

        var found = await admin.GetPageAsync("/admin/patients/data?email=mei.ling%40example.com");
        Assert.Contains(BookingReference.Display(reference), found.QuerySelector("#patient-bookings")!.TextContent, StringComparison.Ordinal);

        var export = await admin.GetAsync(found.QuerySelector("#patient-export")!.GetAttribute("href"));
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync()))
        {
            var booking = Assert.Single(json.RootElement.EnumerateArray());
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
    public async Task Staff_without_the_admin_role_cannot_see_or_export_patient_data()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/patients/data?email=a%40example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/patients/data/export?email=a%40example.com")).StatusCode);
    }
}
