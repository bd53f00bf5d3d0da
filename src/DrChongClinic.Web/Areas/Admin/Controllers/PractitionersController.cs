using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>The doctors who see patients, and each one's weekly working hours.</summary>
[Route("admin/schedule/practitioners")]
public sealed class PractitionersController(
    ClinicDbContext db,
    AuditLog audit,
    BookingConflictFinder conflicts,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var practitioners = await db.Practitioners.AsNoTracking().Include(p => p.WorkingHours)
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return View(practitioners.Select(p => new PractitionerRow(p.Id, p.Name, p.IsActive, WeeklyHoursInput.Summary(p.WorkingHours))).ToList());
    }

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new PractitionerInput());

    [HttpPost("new")]
    public async Task<IActionResult> Create(PractitionerInput input, [FromServices] IValidator<PractitionerInput> validator, CancellationToken cancellationToken)
    {
        input.Id = null;
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return View("Edit", input);
        }

        var practitioner = new Practitioner { Name = input.Name.Trim(), IsActive = input.IsActive };
        db.Practitioners.Add(practitioner);
        await audit.SaveNewAsync(Actor, "practitioner.created", () => $"Practitioner {practitioner.Id}",
            () => $"{practitioner.Name}, {(practitioner.IsActive ? "active" : "inactive")}", cancellationToken);
        Flash(string.Format(t["Admin_Practitioner_CreatedSetHours"], practitioner.Name));
        return RedirectToAction(nameof(Hours), new { id = practitioner.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.FindAsync([id], cancellationToken);
        return practitioner is null ? NotFound() : View(new PractitionerInput { Id = id, Name = practitioner.Name, IsActive = practitioner.IsActive });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, PractitionerInput input, [FromServices] IValidator<PractitionerInput> validator, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.FindAsync([id], cancellationToken);
        if (practitioner is null)
        {
            return NotFound();
        }

        input.Id = id;
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return View(input);
        }

        var deactivating = practitioner.IsActive && !input.IsActive;
        if (deactivating && input.NeedsConfirmation(await conflicts.ForPractitionerAsync(id, cancellationToken)))
        {
            return View(input);
        }

        var before = $"{practitioner.Name}, {(practitioner.IsActive ? "active" : "inactive")}";
        practitioner.Name = input.Name.Trim();
        practitioner.IsActive = input.IsActive;
        audit.Record(Actor, "practitioner.updated", $"Practitioner {id}",
            $"{before} → {practitioner.Name}, {(practitioner.IsActive ? "active" : "inactive")}{input.ConflictNote}");
        await db.SaveChangesAsync(cancellationToken);
        Flash(string.Format(t["Admin_Practitioner_Saved"], practitioner.Name));
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.Include(p => p.WorkingHours).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return practitioner is null ? NotFound() : View(WeeklyHoursInput.From(practitioner));
    }

    [HttpPost("{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, WeeklyHoursInput input, [FromServices] IValidator<WeeklyHoursInput> validator, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.Include(p => p.WorkingHours).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practitioner is null)
        {
            return NotFound();
        }

        input.PractitionerName = practitioner.Name;
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return View(input.Padded());
        }

        var newHours = input.ToWorkingHours(id);
        if (input.NeedsConfirmation(await conflicts.ForWorkingHoursAsync(id, newHours, cancellationToken)))
        {
            return View(input.Padded());
        }

        var before = string.Join("; ", WeeklyHoursInput.Summary(practitioner.WorkingHours));
        db.WorkingHours.RemoveRange(practitioner.WorkingHours);
        db.WorkingHours.AddRange(newHours);
        var after = string.Join("; ", WeeklyHoursInput.Summary(newHours));
        audit.Record(Actor, "working-hours.updated", $"Practitioner {id}", $"{before} → {(after.Length == 0 ? "no hours" : after)}{input.ConflictNote}");
        await db.SaveChangesAsync(cancellationToken);
        Flash(string.Format(t["Admin_Hours_Saved"], practitioner.Name));
        return RedirectToAction(nameof(Index));
    }
}
