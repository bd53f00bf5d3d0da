using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Staff;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>The staff home page: today's and tomorrow's diary, requests waiting, emails that failed.</summary>
[Route("admin")]
public sealed class DashboardController(StaffDashboard dashboard, ClinicClock time) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var figures = await dashboard.FiguresAsync(cancellationToken);
        return View(new DashboardPage(Day(figures.Today), Day(figures.Tomorrow), figures.RequestsWaiting, figures.FailedEmails));
    }

    private DiaryDay Day(DiaryDate date) => new(
        date.Day,
        ClinicText.StaffDay(date.Day),
        date.Appointments.Select(r => new DiaryRow(r.Id, ClinicText.StaffTime(time.ToLocal(r.StartUtc)), ClinicText.Reference(r.Reference), r.Patient, r.Treatment, r.Practitioner, r.AwaitingConfirmation, r.Version)).ToList());
}
