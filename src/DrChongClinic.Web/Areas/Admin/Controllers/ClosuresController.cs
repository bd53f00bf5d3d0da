using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Days without appointments: public holidays (whole clinic) and leave (one practitioner).</summary>
[Route("admin/schedule/closures")]
public sealed class ClosuresController(
    ClinicDbContext db,
    AuditLog audit,
    BookingConflictFinder conflicts,
    ClinicClock time,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var names = await PractitionerNamesAsync(cancellationToken);
        var closures = await db.Closures.AsNoTracking().Where(c => c.LastDay >= today)
            .OrderBy(c => c.FirstDay).ToListAsync(cancellationToken);
        return View(new ClosuresPage(closures.Select(c => new ClosureRow(c.Id, Dates(c), Who(c, names), c.Reason)).ToList()));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(await WithPractitionersAsync(new ClosureInput(), cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(ClosureInput input, [FromServices] IValidator<ClosureInput> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return View(await WithPractitionersAsync(input, cancellationToken));
        }

        var names = await PractitionerNamesAsync(cancellationToken);
        if (input.PractitionerId is int practitionerId && !names.ContainsKey(practitionerId))
        {
            ModelState.AddModelError(nameof(input.PractitionerId), t["Admin_Closure_UnknownPractitioner"]);
            return View(await WithPractitionersAsync(input, cancellationToken));
        }

        var closure = new Closure
        {
            PractitionerId = input.PractitionerId,
            FirstDay = input.FirstDay!.Value,
            LastDay = input.LastDay!.Value,
            Reason = input.Reason.Trim(),
        };
        if (input.NeedsConfirmation(await conflicts.ForClosureAsync(closure, cancellationToken)))
        {
            return View(await WithPractitionersAsync(input, cancellationToken));
        }

        db.Closures.Add(closure);
        await audit.SaveNewAsync(Actor, "closure.created", () => $"Closure {closure.Id}",
            () => $"{Dates(closure)}, {Who(closure, names)}: {closure.Reason}{input.ConflictNote}", cancellationToken);
        Flash(t["Admin_Closure_Saved"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var closure = await db.Closures.FindAsync([id], cancellationToken);
        if (closure is null)
        {
            return NotFound();
        }

        var names = await PractitionerNamesAsync(cancellationToken);
        db.Closures.Remove(closure);
        audit.Record(Actor, "closure.deleted", $"Closure {id}", $"{Dates(closure)}, {Who(closure, names)}: {closure.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        Flash(t["Admin_Closure_Deleted"]);
        return RedirectToAction(nameof(Index));
    }

    private async Task<ClosureInput> WithPractitionersAsync(ClosureInput input, CancellationToken cancellationToken)
    {
        input.Practitioners = (await db.Practitioners.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name)).ToList();
        return input;
    }

    private Task<Dictionary<int, string>> PractitionerNamesAsync(CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    private static string Dates(Closure c) =>
        c.FirstDay == c.LastDay ? ClinicText.StaffDay(c.FirstDay) : $"{ClinicText.StaffDay(c.FirstDay)} – {ClinicText.StaffDay(c.LastDay)}";

    private string Who(Closure c, Dictionary<int, string> names) =>
        c.PractitionerId is int id ? names.GetValueOrDefault(id, "?") : t["Admin_Closure_WholeClinic"];
}
