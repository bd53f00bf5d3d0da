using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>The staff home page: today's and tomorrow's diary, requests waiting, emails that failed.</summary>
[Route("admin")]
public sealed class DashboardController(ClinicDbContext db, ClinicClock time) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var page = new DashboardPage(
            await DayAsync(today, cancellationToken),
            await DayAsync(today.AddDays(1), cancellationToken),
            await db.Appointments.CountAsync(a => a.Status == AppointmentStatus.Requested && a.StartUtc >= time.UtcNow, cancellationToken),
            await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken));
        return View(page);
    }

    private async Task<DiaryDay> DayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = time.UtcRange(day);
        var rows = await (
                from a in db.Appointments.AsNoTracking()
                where a.StartUtc >= fromUtc && a.StartUtc < toUtc
                      && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed)
                join t in db.Treatments on a.TreatmentId equals t.Id
                join p in db.Practitioners on a.PractitionerId equals p.Id
                orderby a.StartUtc
                select new { a.Id, a.Reference, a.StartUtc, a.Status, a.Patient.Name, Treatment = t.NameEn, Practitioner = p.Name })
            .ToListAsync(cancellationToken);
        return new DiaryDay(
            day,
            ClinicText.StaffDay(day),
            rows.Select(r => new DiaryRow(r.Id, ClinicText.StaffTime(time.ToLocal(r.StartUtc)), ClinicText.Reference(r.Reference), r.Name, r.Treatment, r.Practitioner, r.Status == AppointmentStatus.Requested)).ToList());
    }
}
