using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>Puts bookings and schedule rows straight into the database, built through the domain.</summary>
public static class TestBookings
{
    public static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");

    /// <summary>The UTC instant of a clinic wall-clock time.</summary>
    public static DateTime ClinicTime(DateOnly day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), ClinicZone);

    /// <summary>The next given weekday at least a week from today (clinic time), so it is safely in the future.</summary>
    public static DateOnly NextWeek(DayOfWeek day)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ClinicZone)).AddDays(7);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public static async Task<Appointment> BookAsync(
        WebApplicationFactory<Program> factory, int practitionerId, int treatmentId, DateTime startUtc, int minutes = 30, bool requested = false, string patientName = "Test Patient",
        string patientEmail = "patient@example.test")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var appointment = Appointment.Book(
            new NewAppointment(
                BookingReference.New(), treatmentId, practitionerId, startUtc, minutes, 0,
                new PatientDetails { Name = patientName, Email = patientEmail, Phone = "+60123456789" },
                "2026-01", ManageToken.Hash(ManageToken.New()), "protected", Guid.NewGuid(), ChangedBy.Patient, null),
            new BookingPolicy { OnlineBookingsNeedConfirmation = requested },
            BookedAt(startUtc));
        appointment.ClearEvents(); // straight into the database: no emails
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment;
    }

    /// <summary>An email of the booking that the outbox gave up on (ten tries, last refused by the server); its id.</summary>
    public static Task<int> FailedEmailAsync(ClinicFactory factory, Appointment booking) =>
        factory.WithDbAsync(async db =>
        {
            var message = new OutboxMessage
            {
                AppointmentId = booking.Id,
                Kind = EmailKind.BookingReceived,
                Status = OutboxStatus.Failed,
                Attempts = 10,
                LastError = "550 mailbox unavailable",
                CreatedAtUtc = DateTime.UtcNow,
                DueAtUtc = DateTime.UtcNow,
                AppointmentStartUtc = booking.StartUtc,
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    /// <summary>When a test booking was made: now, or an hour before it starts when it starts earlier (a booking cannot start in the past).</summary>
    private static DateTime BookedAt(DateTime startUtc) =>
        startUtc.AddHours(-1) < DateTime.UtcNow ? startUtc.AddHours(-1) : DateTime.UtcNow;

    /// <summary>A practitioner of the test's own (so tests sharing a database do not see each other's bookings), working Mon–Sat 09:00–13:00 and 14:00–18:00.</summary>
    public static async Task<Practitioner> PractitionerAsync(WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var practitioner = new Practitioner { Name = $"Dr Test {Guid.NewGuid().ToString("N")[..6]}" };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday })
        {
            practitioner.WorkingHours.Add(new WorkingHours { Day = day, Start = new(9, 0), End = new(13, 0) });
            practitioner.WorkingHours.Add(new WorkingHours { Day = day, Start = new(14, 0), End = new(18, 0) });
        }

        db.Practitioners.Add(practitioner);
        await db.SaveChangesAsync();
        return practitioner;
    }

    public static async Task<Treatment> TreatmentAsync(WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var code = $"test-{Guid.NewGuid().ToString("N")[..8]}";
        var treatment = new Treatment { Code = code, NameEn = $"Treatment {code}", NameMs = $"Rawatan {code}", DurationMinutes = 30, SortOrder = 50 };
        db.Treatments.Add(treatment);
        await db.SaveChangesAsync();
        return treatment;
    }
}
