#if CLINIC_BOOKING
using System.Diagnostics;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Auditing;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// Five years of a busy clinic, made through the application's own model and rules: every booking is made with
/// <see cref="Appointment.Book"/> and then confirmed, completed, marked no-show or cancelled by its guarded methods
/// (so diary cells are held and released as in the site, and the history rows are the domain's), its e-mails are
/// outbox rows marked sent, staff work leaves audit rows, and bookings past the retention period are anonymised with
/// <see cref="Appointment.Anonymize"/> as the retention pass does. About 40 bookings a day, 6 days a week, spread over
/// the clinic's own doctors; the next 60 days are part booked (mornings), so the free-time queries have a diary to read.
/// Written with the site's EF model in batches of 2,000 bookings inside one transaction, with the site stopped.
/// </summary>
public static class HistoryFill
{
    public const int Years = 5;
    public const int PerDay = 40;
    public const int FuturePerDay = 10;
    public const int RetentionMonths = 24;
    private const int Minutes = 30;
    private const string Staff = "staff@bench.example";

    public sealed record Filled(int Appointments, int Anonymised, int Outbox, int Audit, TimeSpan Took);

    /// <param name="tokens">
    /// The site's own manage-link protector (its key ring, read from the work folder): the site's reminder pass puts
    /// the manage link of the coming days' appointments in their reminders, and a placeholder token there made each
    /// reminder fail to build and log an error in the middle of the measurement.
    /// </param>
    public static async Task<Filled> FillAsync(ClinicDbContext db, IReadOnlyList<int> doctors, ManageTokenProtector tokens)
    {
        var clock = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var treatments = await db.Treatments.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");
        var nowUtc = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var cutoffUtc = nowUtc.AddMonths(-RetentionMonths);
        var policy = new BookingPolicy();
        var random = new Random(19);
        int appointments = 0, anonymised = 0, outbox = 0, audit = 0;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var pending = 0;
        for (var date = today.AddYears(-Years); date <= today.AddDays(60); date = date.AddDays(1))
        {
            if (date.DayOfWeek == DayOfWeek.Sunday || date == today)
            {
                continue;
            }

            var future = date > today;
            var count = future ? FuturePerDay : PerDay;
            for (var k = 0; k < count; k++)
            {
                var doctor = doctors[k % doctors.Count];
                var local = date.ToDateTime(new TimeOnly(9, 0)).AddMinutes(Minutes * (k / doctors.Count));
                var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                var bookedUtc = startUtc.AddDays(-random.Next(3, 30));
                if (future && bookedUtc > nowUtc)
                {
                    bookedUtc = nowUtc.AddDays(-1);
                }

                var token = ManageToken.New();
                var appointment = Appointment.Book(
                    new NewAppointment(
                        BookingReference.New(), treatments[random.Next(treatments.Count)], doctor, startUtc, Minutes, 0,
                        new PatientDetails { Name = $"History Patient {appointments}", Email = $"history{appointments}@bench.example", Phone = BenchPhones.E164(appointments) },
                        "2026-01", ManageToken.Hash(token), tokens.Protect(token), Guid.NewGuid(), ChangedBy.Patient, null),
                    policy,
                    bookedUtc);
                db.OutboxMessages.Add(Sent(OutboxMessage.About(appointment, EmailKind.BookingReceived, bookedUtc), future ? nowUtc : bookedUtc));
                outbox++;
                var roll = random.Next(100);
                if (roll < 10)
                {
                    appointment.Cancel(ChangedBy.Patient, null, null, bookedUtc.AddHours(2), policy);
                    db.OutboxMessages.Add(Sent(OutboxMessage.About(appointment, EmailKind.BookingCancelled, bookedUtc.AddHours(2)), bookedUtc.AddHours(2)));
                    outbox++;
                }
                else
                {
                    appointment.Confirm(Staff, bookedUtc.AddHours(1));
                    db.OutboxMessages.Add(Sent(OutboxMessage.About(appointment, EmailKind.BookingConfirmed, bookedUtc.AddHours(1)), bookedUtc.AddHours(1)));
                    db.AuditEntries.Add(new AuditEntry { AtUtc = bookedUtc.AddHours(1), Actor = Staff, Action = "booking.confirmed", Subject = appointment.Reference });
                    outbox++;
                    audit++;
                    if (!future)
                    {
                        db.OutboxMessages.Add(Sent(OutboxMessage.About(appointment, EmailKind.Reminder, startUtc.AddDays(-1), startUtc.AddDays(-1)), startUtc.AddDays(-1)));
                        outbox++;
                        _ = roll < 15 ? appointment.MarkNoShow(Staff, startUtc.AddHours(1)) : appointment.MarkCompleted(Staff, startUtc.AddHours(1));
                    }
                }

                if (startUtc < cutoffUtc)
                {
                    appointment.Anonymize(ManageToken.Hash(ManageToken.New()));
                    anonymised++;
                }

                appointment.ClearEvents();
                db.Appointments.Add(appointment);
                appointments++;
                pending++;
            }

            if (pending >= 2000)
            {
                await SaveAsync(db);
                pending = 0;
            }
        }

        await SaveAsync(db);
        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        return new Filled(appointments, anonymised, outbox, audit, clock.Elapsed);
    }

    private static OutboxMessage Sent(OutboxMessage message, DateTime sentUtc)
    {
        message.Status = OutboxStatus.Sent;
        message.Attempts = 1;
        message.SentAtUtc = sentUtc;
        return message;
    }

    private static async Task SaveAsync(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
#endif
