using System.Globalization;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Infrastructure.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Email;

public sealed record TestBooking(int Id, string Reference, string ManageToken, DateTime StartUtc)
{
    /// <summary>The reference as emails and pages write it: "XJ4R-DAPK".</summary>
    public string GroupedReference => BookingReference.Display(Reference);
}

/// <summary>
/// Books appointments the way the booking service does (domain + EmailOutbox + one SaveChanges), so the
/// email tests do not depend on the booking pages.
/// </summary>
public static class TestBookings
{
    public const string ClinicInbox = "frontdesk@drchong.test";
    public const string Sender = "bookings@drchong.test";
    public const string PublicBaseUrl = "https://www.drchong.test";

    /// <summary>Points the site's Email settings at the in-process SMTP server, with short retry backoffs.</summary>
    public static ClinicFactory SendingTo(this ClinicFactory factory, TestSmtpServer smtp) => factory
        .With("Email:Host", "127.0.0.1")
        .With("Email:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
        .With("Email:Security", "None")
        .With("Email:From", Sender)
        .With("Email:ClinicInbox", ClinicInbox)
        .With("Email:RetryBackoff", "00:00:00.200")
        // Generous: a try that times out on a busy machine is only retried when the test moves the clock.
        .With("Email:TimeoutSeconds", "30")
        .With("Clinic:PublicBaseUrl", PublicBaseUrl);

    public static PatientDetails Patient(string email, string language = "en", string name = "Aisyah Rahman", string? notes = null) =>
        new() { Name = name, Email = email, Phone = "+60123456789", Language = language, Notes = notes };

    /// <summary>A wall-clock time in Kuala Lumpur (UTC+8, no daylight saving), as UTC.</summary>
    public static DateTime KualaLumpur(int year, int month, int day, int hour, int minute) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    public static Task<TestBooking> BookAsync(
        ClinicFactory site, PatientDetails patient, DateTime startUtc, bool needsConfirmation, params EmailKind[] emails) =>
        BookTreatmentAsync(site, "pico-laser", patient, startUtc, needsConfirmation, emails);

    public static async Task<TestBooking> BookTreatmentAsync(
        ClinicFactory site, string treatmentCode, PatientDetails patient, DateTime startUtc, bool needsConfirmation, params EmailKind[] emails)
    {
        using var scope = site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ClinicDbContext>();
        var outbox = services.GetRequiredService<EmailOutbox>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var token = ManageToken.New();
        var treatment = await db.Treatments.SingleAsync(t => t.Code == treatmentCode);
        var practitioner = await db.Practitioners.OrderBy(p => p.Id).FirstAsync();
        var appointment = Appointment.Book(
            new NewAppointment(
                BookingReference.New(), treatment.Id, practitioner.Id, startUtc, treatment.DurationMinutes, treatment.BufferMinutes,
                patient, "2026-11", ManageToken.Hash(token),
                services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ManageLink.ProtectorPurpose).Protect(token),
                Guid.NewGuid(), ChangedBy.Patient, null),
            new BookingPolicy { OnlineBookingsNeedConfirmation = needsConfirmation },
            now);
        appointment.ClearEvents(); // the test chooses which emails are queued
        db.Appointments.Add(appointment);
        foreach (var kind in emails)
        {
            outbox.Enqueue(appointment, kind);
        }

        await db.SaveChangesAsync();
        return new TestBooking(appointment.Id, appointment.Reference, token, startUtc);
    }

    /// <summary>Changes an appointment through its guarded methods and saves: its events queue the email in the same SaveChanges.</summary>
    public static async Task ChangeAsync(ClinicFactory site, int appointmentId, Action<Appointment, DateTime> change)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var appointment = await db.Appointments.Include(a => a.Slots).SingleAsync(a => a.Id == appointmentId);
        change(appointment, now);
        await db.SaveChangesAsync();
    }

    public static Task<List<OutboxMessage>> OutboxAsync(ClinicFactory site, int appointmentId) =>
        site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.AppointmentId == appointmentId).OrderBy(m => m.Id).ToListAsync());
}
