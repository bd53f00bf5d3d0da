using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Staff;

/// <summary>One appointment in the dashboard's day list.</summary>
public sealed record DiaryEntry(int Id, DateTime StartUtc, string Reference, string Patient, string Treatment, string Practitioner, bool AwaitingConfirmation, Guid Version);

/// <summary>A clinic date's requested and confirmed appointments, in time order.</summary>
public sealed record DiaryDate(DateOnly Day, IReadOnlyList<DiaryEntry> Appointments);

public sealed record DashboardFigures(DiaryDate Today, DiaryDate Tomorrow, int RequestsWaiting, int FailedEmails);

/// <summary>The staff home page's figures: today's and tomorrow's diary, requests waiting, emails that failed.</summary>
public sealed class StaffDashboard(IClinicDatabase db, ClinicClock clock)
{
    public async Task<DashboardFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var nowUtc = clock.UtcNow;
        return new DashboardFigures(
            await DiaryAsync(today, cancellationToken),
            await DiaryAsync(today.AddDays(1), cancellationToken),
            await db.Appointments.CountAsync(a => a.Status == AppointmentStatus.Requested && a.StartUtc >= nowUtc, cancellationToken),
            await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Held, cancellationToken)
                + await db.WaitlistMessages.CountAsync(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Held, cancellationToken));
    }

    private async Task<DiaryDate> DiaryAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = clock.UtcRange(day);
        var malay = ClinicLanguage.Current.IsMalay; // treatment names in the staff area's language
        var rows = await (
                from a in db.Appointments.AsNoTracking()
                where a.StartUtc >= fromUtc && a.StartUtc < toUtc
                      && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed)
                join t in db.Treatments on a.TreatmentId equals t.Id
                join p in db.Practitioners on a.PractitionerId equals p.Id
                orderby a.StartUtc
                select new DiaryEntry(a.Id, a.StartUtc, a.Reference, a.Patient.Name, malay ? t.NameMs : t.NameEn, p.Name, a.Status == AppointmentStatus.Requested, a.Version))
            .ToListAsync(cancellationToken);
        return new DiaryDate(day, rows);
    }
}
