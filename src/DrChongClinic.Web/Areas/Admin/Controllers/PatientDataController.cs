using System.Globalization;
using System.Text.Json;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// PDPA requests (Admins only): find one patient's bookings by e-mail, export them as JSON, or erase the personal
/// data in them (the same anonymisation as the retention job). Both are audited by booking reference, never by
/// the patient's details. Every step is a POST with an anti-forgery token: the e-mail never appears in an address
/// (history, logs, Referer), and no other site can make an Admin's browser export or erase anything.
/// </summary>
[Authorize(Policy = AdminPolicies.AdminOnly)]
[Route("admin/patients/data")]
public sealed class PatientDataController(PatientDataService patients, ClinicClock time, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true };

    [HttpGet("")]
    public IActionResult Index() => View(new PatientDataPage());

    [HttpPost("")]
    public async Task<IActionResult> Find([FromForm] string? email, CancellationToken cancellationToken) =>
        View(nameof(Index), await SearchAsync(email, cancellationToken));

    [HttpPost("export")]
    public async Task<IActionResult> Export([FromForm] string? email, CancellationToken cancellationToken)
    {
        var bookings = string.IsNullOrWhiteSpace(email) ? [] : await patients.ExportAsync(Actor, email, cancellationToken);
        if (bookings.Count == 0)
        {
            return NotFound();
        }

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
        if (string.IsNullOrWhiteSpace(email))
        {
            return NotFound();
        }

        if (!confirm)
        {
            if ((await patients.FindAsync(email, cancellationToken)).Count == 0)
            {
                return NotFound();
            }

            // The same page again (not a redirect, which would put the e-mail in the address).
            Flash(t["Admin_PatientData_ConfirmNeeded"]);
            return View(nameof(Index), await SearchAsync(email, cancellationToken));
        }

        var erased = await patients.EraseAsync(Actor, email, cancellationToken);
        if (erased == 0)
        {
            return NotFound();
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_PatientData_Erased"], erased));
        return Redirect("/admin/patients/data");
    }

    private async Task<PatientDataPage> SearchAsync(string? email, CancellationToken cancellationToken)
    {
        var page = new PatientDataPage { Email = email?.Trim() ?? "" };
        if (page.Email.Length is > 0 and <= 254)
        {
            page.Bookings = (await patients.FindAsync(page.Email, cancellationToken))
                .Select(a => new PatientBookingRow(ClinicText.Reference(a.Reference), ClinicText.StaffDateTime(time.ToLocal(a.StartUtc)), a.Status.ToString()))
                .ToList();
            page.Searched = true;
        }

        return page;
    }
}
