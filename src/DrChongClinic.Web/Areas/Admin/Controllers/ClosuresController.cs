using DrChongClinic.Application.Schedule;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Days without appointments: public holidays (whole clinic) and leave (one practitioner).</summary>
[Route("admin/schedule/closures")]
public sealed class ClosuresController(ClosureService closures, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ClosuresPage((await closures.UpcomingAsync(cancellationToken))
            .Select(c => new ClosureRow(c.Id, c.Dates, c.PractitionerName ?? t["Admin_Closure_WholeClinic"], c.Reason)).ToList()));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        await FormAsync(new ClosureInput(), cancellationToken);

    [HttpPost("new")]
    public async Task<IActionResult> Create(ClosureInput input, [FromServices] IValidator<ClosureInput> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return await FormAsync(input, cancellationToken);
        }

        var closure = new NewClosure(input.PractitionerId, input.FirstDay!.Value, input.LastDay!.Value, input.Reason);
        var result = await closures.CreateAsync(Actor, closure, input.ConfirmedReferences, cancellationToken);
        if (result.Problem is ScheduleProblem.UnknownPractitioner)
        {
            ModelState.AddModelError(nameof(input.PractitionerId), t["Admin_Closure_UnknownPractitioner"]);
            return await FormAsync(input, cancellationToken);
        }

        if (result.Problem is ScheduleProblem.UnconfirmedConflicts)
        {
            input.ShowConflicts(result.Conflicts);
            return await FormAsync(input, cancellationToken);
        }

        Flash(t["Admin_Closure_Saved"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if ((await closures.DeleteAsync(Actor, id, cancellationToken)).Problem is ScheduleProblem.NotFound)
        {
            return NotFound();
        }

        Flash(t["Admin_Closure_Deleted"]);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The closure form with the practitioner drop-down.</summary>
    private async Task<IActionResult> FormAsync(ClosureInput input, CancellationToken cancellationToken)
    {
        input.Practitioners = await closures.PractitionersAsync(cancellationToken);
        return View(input);
    }
}
