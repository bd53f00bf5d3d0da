using System.Text.Json;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// PDPA requests (Admins only): find one patient's bookings by e-mail, export them as JSON, or erase the personal
/// data in them (the same anonymisation as the retention job). Both are audited by booking reference, never by
/// the patient's details.
/// </summary>
[Authorize(Policy = AdminPolicies.AdminOnly)]
[Route("admin/patients/data")]
public sealed class PatientDataController(ClinicDbContext db, AuditLog audit, ClinicClock time, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true };

    [HttpGet("")]
    public async Task<IActionResult> Index(string? email, CancellationToken cancellationToken)
    {
        var page = new PatientDataPage { Email = email?.Trim() ?? "" };
        if (page.Email.Length is > 0 and <= 254)
        {
            page.Bookings = (await FindAsync(page.Email, cancellationToken))
                .Select(a => new PatientBookingRow(ClinicText.Reference(a.Reference), ClinicText.StaffDateTime(time.ToLocal(a.StartUtc)), a.Status.ToString()))
                .ToList();
            page.Searched = true;
        }

        return View(page);
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? email, CancellationToken cancellationToken)
    {
        var bookings = string.IsNullOrWhiteSpace(email) ? [] : await FindAsync(email.Trim(), cancellationToken);
        if (bookings.Count == 0)
        {
            return NotFound();
        }

        audit.Record(Actor, "Exported patient data", string.Join(", ", bookings.Select(a => a.Reference)));
        await db.SaveChangesAsync(cancellationToken);
        var export = bookings.Select(a => new
        {
            a.Reference,
            a.Patient.Name,
            a.Patient.Email,
            a.Patient.Phone,
            a.Patient.Notes,
            a.Patient.Language,
            a.StartUtc,
            a.DurationMinutes,
            Status = a.Status.ToString(),
            a.CreatedAtUtc,
            a.ConsentedAtUtc,
            a.PrivacyNoticeVersion,
            a.CancellationReason,
            History = a.History.OrderBy(h => h.AtUtc).Select(h => new { h.AtUtc, By = h.By.ToString(), h.What }),
        });
        return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", "patient-data.json");
    }

    [HttpPost("erase")]
    public async Task<IActionResult> Erase([FromForm] string? email, [FromForm] bool confirm, CancellationToken cancellationToken)
    {
        var bookings = string.IsNullOrWhiteSpace(email) ? [] : await FindAsync(email.Trim(), cancellationToken);
        if (bookings.Count == 0)
        {
            return NotFound();
        }

        if (!confirm)
        {
            Flash(t["Admin_PatientData_ConfirmNeeded"]);
            return Redirect($"/admin/patients/data?email={Uri.EscapeDataString(email!.Trim())}");
        }

        foreach (var appointment in bookings)
        {
            appointment.Anonymize(ManageToken.Hash(ManageToken.New()));
        }

        audit.Record(Actor, "Erased patient data", string.Join(", ", bookings.Select(a => a.Reference)));
        await db.SaveChangesAsync(cancellationToken);
        Flash(string.Format(t["Admin_PatientData_Erased"], bookings.Count));
        return Redirect("/admin/patients/data");
    }

    /// <summary>Every booking with this e-mail, whatever its letter case (EF sends the address as a parameter).</summary>
    private Task<List<Appointment>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        return db.Appointments.Include(a => a.History)
            .Where(a => a.Patient.Email.ToLower() == lower)
            .OrderBy(a => a.StartUtc)
            .ToListAsync(cancellationToken);
    }
}
