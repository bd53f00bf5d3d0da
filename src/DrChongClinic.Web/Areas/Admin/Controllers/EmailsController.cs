using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Emails the outbox gave up on (Status Failed) or held (too many to one address), with "try again" / "send anyway".</summary>
[Route("admin/emails")]
public sealed class EmailsController(FailedEmails emails, ClinicClock time, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("failed")]
    public async Task<IActionResult> Failed(CancellationToken cancellationToken)
    {
        var rows = await emails.ListAsync(cancellationToken);
        return View(rows.Select(m => new FailedEmailRow(m.Id, t[$"Admin_EmailKind_{m.Kind}"], ClinicText.StaffDateTime(time.ToLocal(m.CreatedAtUtc)), m.Attempts, m.LastError, m.AppointmentId, ClinicText.Reference(m.Reference), m.Held)).ToList());
    }

    [HttpPost("{id:int}/retry")]
    public async Task<IActionResult> Retry(int id, CancellationToken cancellationToken)
    {
        var outcome = await emails.RetryAsync(id, Actor, cancellationToken);
        if (outcome == EmailRetryOutcome.NotFound)
        {
            return NotFound();
        }

        Flash(t[outcome == EmailRetryOutcome.Retried ? "Admin_Emails_Retried" : "Admin_Emails_NotFailed"]);
        return RedirectToAction(nameof(Failed));
    }
}
