using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Emails the outbox gave up on (Status Failed), with "try again".</summary>
[Route("admin/emails")]
public sealed class EmailsController(ClinicDbContext db, EmailOutbox outbox, AuditLog audit, ClinicClock time, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("failed")]
    public async Task<IActionResult> Failed(CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.CreatedAtUtc, m.Attempts, m.LastError, m.AppointmentId, m.Appointment!.Reference })
            .ToListAsync(cancellationToken);
        return View(rows.Select(m => new FailedEmailRow(m.Id, t[$"Admin_EmailKind_{m.Kind}"], ClinicText.StaffDateTime(time.ToLocal(m.CreatedAtUtc)), m.Attempts, m.LastError, m.AppointmentId, ClinicText.Reference(m.Reference))).ToList());
    }

    [HttpPost("{id:int}/retry")]
    public async Task<IActionResult> Retry(int id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.Include(m => m.Appointment).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        if (message.Status != OutboxStatus.Failed)
        {
            Flash(t["Admin_Emails_NotFailed"]);
            return RedirectToAction(nameof(Failed));
        }

        outbox.Retry(message);
        audit.Record(Actor, "email.retried", $"Email {id}", $"{message.Kind} for booking {message.Appointment!.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        Flash(t["Admin_Emails_Retried"]);
        return RedirectToAction(nameof(Failed));
    }
}
