using System.Globalization;
using DrChongClinic.Application.Schedule;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>The doctors who see patients, and each one's weekly working hours.</summary>
[Route("admin/schedule/practitioners")]
public sealed class PractitionersController(PractitionerService practitioners, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await practitioners.ListAsync(cancellationToken));

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

        var result = await practitioners.CreateAsync(Actor, input.Name, input.IsActive, cancellationToken);
        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Practitioner_CreatedSetHours"], result.Name));
        return RedirectToAction(nameof(Hours), new { id = result.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await practitioners.FindAsync(id, cancellationToken) is { } practitioner
            ? View(new PractitionerInput { Id = id, Name = practitioner.Name, IsActive = practitioner.IsActive })
            : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, PractitionerInput input, [FromServices] IValidator<PractitionerInput> validator, CancellationToken cancellationToken)
    {
        input.Id = id;
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return await practitioners.FindAsync(id, cancellationToken) is null ? NotFound() : View(input);
        }

        var result = await practitioners.UpdateAsync(Actor, id, input.Name, input.IsActive, input.ConfirmedReferences, cancellationToken);
        return Answer(result, input, input, "Admin_Practitioner_Saved");
    }

    [HttpGet("{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, CancellationToken cancellationToken) =>
        await practitioners.FindAsync(id, cancellationToken) is { } practitioner ? View(WeeklyHoursInput.From(practitioner)) : NotFound();

    [HttpPost("{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, WeeklyHoursInput input, [FromServices] IValidator<WeeklyHoursInput> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            var practitioner = await practitioners.FindAsync(id, cancellationToken);
            input.PractitionerName = practitioner?.Name ?? "";
            return practitioner is null ? NotFound() : View(input.Padded());
        }

        var result = await practitioners.SetHoursAsync(Actor, id, input.ToPeriods(), input.ConfirmedReferences, cancellationToken);
        input.PractitionerName = result.Name;
        return Answer(result, input, input.Padded(), "Admin_Hours_Saved");
    }

    /// <summary>Saved: back to the list. Bookings in the way: the form again with the warning. Unknown practitioner: 404.</summary>
    private IActionResult Answer(ScheduleChangeResult result, ScheduleChangeInput input, object form, string savedMessage)
    {
        if (result.Problem is ScheduleProblem.NotFound)
        {
            return NotFound();
        }

        if (result.Problem is ScheduleProblem.UnconfirmedConflicts)
        {
            input.ShowConflicts(result.Conflicts);
            return View(form);
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t[savedMessage], result.Name));
        return RedirectToAction(nameof(Index));
    }
}
