using System.Globalization;
using DrChongClinic.Application.Schedule;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>The treatments patients can book: names in both languages, length, buffer, active, order.</summary>
[Route("admin/schedule/treatments")]
public sealed class TreatmentsController(
    TreatmentService treatments,
    IValidator<TreatmentInput> validator,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await treatments.AllAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", new TreatmentInput { SortOrder = await treatments.NextSortOrderAsync(cancellationToken) });

    [HttpPost("new")]
    public async Task<IActionResult> Create(TreatmentInput input, CancellationToken cancellationToken)
    {
        input.Id = null;
        input.Code = input.Code.Trim().ToLowerInvariant();
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return View("Edit", input);
        }

        var result = await treatments.CreateAsync(Actor, input.Code, input.ToDetails(), cancellationToken);
        if (result.Problem is ScheduleProblem.CodeTaken)
        {
            // A conflict with what is stored (or with a save that won the race a moment ago): 409, like a doctor just added.
            ModelState.AddModelError(nameof(input.Code), t["Admin_Treatment_CodeTaken"]);
            var form = View("Edit", input);
            form.StatusCode = StatusCodes.Status409Conflict;
            return form;
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Treatment_Saved"], result.Name));
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await treatments.FindAsync(id, cancellationToken) is { } treatment ? View(TreatmentInput.From(treatment)) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, TreatmentInput input, CancellationToken cancellationToken)
    {
        input.Id = id;
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return await FormAsync(id, input, cancellationToken);
        }

        var result = await treatments.UpdateAsync(Actor, id, input.Shown, input.ToDetails(), input.ConfirmedReferences, cancellationToken);
        if (result.Problem is ScheduleProblem.UnconfirmedConflicts)
        {
            input.ShowConflicts(result.Conflicts);
            return await FormAsync(id, input, cancellationToken);
        }

        if (result.Problem is ScheduleProblem.NotFound)
        {
            return NotFound();
        }

        if (result.Problem is ScheduleProblem.ChangedMeanwhile)
        {
            // Saved by someone else since this page was opened: what staff typed stays on the form, nothing is saved.
            ModelState.AddModelError("", t["Admin_Schedule_EditedMeanwhile"]);
            var form = await FormAsync(id, input, cancellationToken);
            if (form is ViewResult view)
            {
                view.StatusCode = StatusCodes.Status409Conflict;
            }

            return form;
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Treatment_Saved"], result.Name));
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The edit form again, with the treatment's code (which the form does not post).</summary>
    private async Task<IActionResult> FormAsync(int id, TreatmentInput input, CancellationToken cancellationToken)
    {
        if (await treatments.FindAsync(id, cancellationToken) is not { } treatment)
        {
            return NotFound();
        }

        input.Code = treatment.Code;
        return View(input);
    }
}
