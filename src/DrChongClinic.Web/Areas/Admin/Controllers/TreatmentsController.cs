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

/// <summary>The treatments patients can book: names in both languages, length, buffer, active, order.</summary>
[Route("admin/schedule/treatments")]
public sealed class TreatmentsController(
    ClinicDbContext db,
    AuditLog audit,
    BookingConflictFinder conflicts,
    IValidator<TreatmentInput> validator,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Treatments.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.NameEn).ToListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", new TreatmentInput { SortOrder = await db.Treatments.MaxAsync(x => (int?)x.SortOrder, cancellationToken) + 1 ?? 1 });

    [HttpPost("new")]
    public async Task<IActionResult> Create(TreatmentInput input, CancellationToken cancellationToken)
    {
        input.Id = null;
        input.Code = input.Code.Trim().ToLowerInvariant();
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return View("Edit", input);
        }

        if (await db.Treatments.AnyAsync(x => x.Code == input.Code, cancellationToken))
        {
            ModelState.AddModelError(nameof(input.Code), t["Admin_Treatment_CodeTaken"]);
            return View("Edit", input);
        }

        var treatment = new Treatment { Code = input.Code, NameEn = "", NameMs = "" };
        input.ApplyTo(treatment);
        db.Treatments.Add(treatment);
        await audit.SaveNewAsync(Actor, "treatment.created", () => $"Treatment {treatment.Id}", () => $"{treatment.Code}: {input.Describe()}", cancellationToken);
        Flash(string.Format(t["Admin_Treatment_Saved"], treatment.NameEn));
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var treatment = await db.Treatments.FindAsync([id], cancellationToken);
        return treatment is null ? NotFound() : View(TreatmentInput.From(treatment));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, TreatmentInput input, CancellationToken cancellationToken)
    {
        var treatment = await db.Treatments.FindAsync([id], cancellationToken);
        if (treatment is null)
        {
            return NotFound();
        }

        input.Id = id;
        input.Code = treatment.Code;
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return View(input);
        }

        var deactivating = treatment.IsActive && !input.IsActive;
        if (deactivating && input.NeedsConfirmation(await conflicts.ForTreatmentAsync(id, cancellationToken)))
        {
            return View(input);
        }

        var before = TreatmentInput.From(treatment).Describe();
        input.ApplyTo(treatment);
        audit.Record(Actor, "treatment.updated", $"Treatment {id}", $"{before} → {input.Describe()}{input.ConflictNote}");
        await db.SaveChangesAsync(cancellationToken);
        Flash(string.Format(t["Admin_Treatment_Saved"], treatment.NameEn));
        return RedirectToAction(nameof(Index));
    }
}
