using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Areas.Admin.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Emails the outbox gave up on (Status Failed), with "try again".</summary>
[Route("admin/emails")]
public sealed class EmailsController(FailedEmails emails, AdminTime time, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("failed")]
    public async Task<IActionResult> Failed(CancellationToken cancellationToken)
    {
        var rows = await emails.ListAsync(cancellationToken);
        return View(rows.Select(m => new FailedEmailRow(m.Id, t[$"Admin_EmailKind_{m.Kind}"], time.Format(m.CreatedAtUtc), m.Attempts, m.LastError, m.AppointmentId, BookingReference.Display(m.Reference))).ToList());
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
