using System.Globalization;
using System.Text.Json;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// PDPA requests (Admins only): find one patient's bookings and waitlist requests by e-mail, export them as JSON, or
/// erase the personal data in them (bookings anonymised as by the retention job, waitlist requests deleted). Both are audited by booking reference, never by
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
    public async Task<IActionResult> Find([FromForm] string? email, CancellationToken cancellationToken)
    {
        var page = await SearchAsync(email, cancellationToken);
        if (page.Email.Length is > 0 and <= SendableEmail.MaxLength)
        {
            return View(nameof(Index), page);
        }

        // Nothing to look up: say why, rather than show an empty page.
        page.Problem = page.Email.Length == 0 ? t["Admin_Validation_EmailRequired"] : t["Admin_Validation_EmailInvalid"];
        var refused = View(nameof(Index), page);
        refused.StatusCode = StatusCodes.Status400BadRequest;
        return refused;
    }

    [HttpPost("export")]
    public async Task<IActionResult> Export([FromForm] string? email, CancellationToken cancellationToken)
    {
        var records = string.IsNullOrWhiteSpace(email) ? PatientRecords.None : await patients.ExportAsync(Actor, email, cancellationToken);
        if (records.IsEmpty)
        {
            return NotFound();
        }

        var export = new
        {
            Bookings = records.Bookings.Select(a => new
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
            }),
            Waitlist = records.Waitlist.Select(w => new
            {
                Treatment = w.Treatment.NameEn,
                w.Entry.Patient.Name,
                w.Entry.Patient.Email,
                w.Entry.Patient.Phone,
                w.Entry.Patient.Language,
                w.Entry.FirstDay,
                w.Entry.LastDay,
                Times = w.Entry.Times.ToString(),
                Status = w.Entry.Status.ToString(),
                w.Entry.JoinedAtUtc,
                w.Entry.ClosedAtUtc,
                w.Entry.PrivacyNoticeVersion,
                Offers = w.Offers.Select(o => new { o.StartUtc, o.CreatedAtUtc, o.ExpiresAtUtc, Status = o.Status.ToString(), o.ClosedAtUtc }),
                Emails = w.Emails.Select(m => new { Kind = m.Kind.ToString(), Status = m.Status.ToString(), m.CreatedAtUtc, m.SentAtUtc }),
            }),
        };
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
            if ((await patients.FindAsync(email, cancellationToken)).IsEmpty)
            {
                return NotFound();
            }

            // The same page again (not a redirect, which would put the e-mail in the address).
            Flash(t["Admin_PatientData_ConfirmNeeded"]);
            return View(nameof(Index), await SearchAsync(email, cancellationToken));
        }

        var (bookings, waitlist) = await patients.EraseAsync(Actor, email, cancellationToken);

        // Nothing held (erased a moment ago by a double click or a colleague, or already before): what was asked for is done.
        Flash(bookings + waitlist == 0
            ? t["Admin_PatientData_NothingToErase"]
            : string.Format(CultureInfo.CurrentCulture, t["Admin_PatientData_Erased"], bookings, waitlist));
        return Redirect("/admin/patients/data");
    }

    private async Task<PatientDataPage> SearchAsync(string? email, CancellationToken cancellationToken)
    {
        var page = new PatientDataPage { Email = email?.Trim() ?? "" };
        if (page.Email.Length is > 0 and <= SendableEmail.MaxLength)
        {
            var records = await patients.FindAsync(page.Email, cancellationToken);
            page.Bookings = records.Bookings
                .Select(a => new PatientBookingRow(ClinicText.Reference(a.Reference), ClinicText.StaffDateTime(time.ToLocal(a.StartUtc)), a.Status.ToString()))
                .ToList();
            var language = ClinicLanguage.Current.Code;
            page.Waitlist = records.Waitlist
                .Select(w => new PatientWaitlistRow(
                    ClinicText.StaffDateTime(time.ToLocal(w.Entry.JoinedAtUtc)),
                    w.Treatment.Name(language),
                    string.Format(CultureInfo.CurrentCulture, t["Waitlist_DatesRange"], ClinicText.StaffDay(w.Entry.FirstDay), ClinicText.StaffDay(w.Entry.LastDay)),
                    string.Join(", ", WaitlistAdminPage.TimeKeys(w.Entry.Times).Select(k => t[k].Value)),
                    t[$"Admin_Waitlist_Status_{w.Entry.Status}"]))
                .ToList();
            page.Searched = true;
        }

        return page;
    }
}
