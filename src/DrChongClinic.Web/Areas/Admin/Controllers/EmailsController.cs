using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Emails the outbox and the waitlist pass gave up on (Status Failed) or held (too many to one address), with "try again" / "send anyway".</summary>
[Route("admin/emails")]
public sealed class EmailsController(FailedEmails emails, ClinicClock time, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("failed")]
    public async Task<IActionResult> Failed(CancellationToken cancellationToken)
    {
        var bookings = await emails.ListAsync(cancellationToken);
        var waitlist = await emails.ListWaitlistAsync(cancellationToken);
        return View(new FailedEmailsPage(
            bookings.Select(m => new FailedEmailRow(m.Id, t[$"Admin_EmailKind_{m.Kind}"], ClinicText.StaffDateTime(time.ToLocal(m.CreatedAtUtc)), m.Attempts, m.LastError, m.AppointmentId, ClinicText.Reference(m.Reference), m.Held)).ToList(),
            waitlist.Select(m => new FailedWaitlistEmailRow(m.Id, t[$"Admin_WaitlistEmailKind_{m.Kind}"], ClinicText.StaffDateTime(time.ToLocal(m.CreatedAtUtc)), m.Attempts, m.LastError, m.FirstDay, m.Held)).ToList()));
    }

    [HttpPost("{id:int}/retry")]
    public async Task<IActionResult> Retry(int id, CancellationToken cancellationToken) =>
        Retried(await emails.RetryAsync(id, Actor, cancellationToken));

    [HttpPost("waitlist/{id:int}/retry")]
    public async Task<IActionResult> RetryWaitlist(int id, CancellationToken cancellationToken) =>
        Retried(await emails.RetryWaitlistAsync(id, Actor, cancellationToken));

    private IActionResult Retried(EmailRetryOutcome outcome)
    {
        if (outcome == EmailRetryOutcome.NotFound)
        {
            return NotFound();
        }

        Flash(t[outcome == EmailRetryOutcome.Retried ? "Admin_Emails_Retried" : "Admin_Emails_NotFailed"]);
        return RedirectToAction(nameof(Failed));
    }
}
