using System.Globalization;
using DrChongClinic.Application.Doctors;
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

        var result = await practitioners.CreateAsync(Actor, input.ToProfile(), cancellationToken);
        if (result.Problem is ScheduleProblem.JustAdded)
        {
            ModelState.AddModelError(nameof(input.Name), t["Admin_Practitioner_JustAdded"]);
            return Refused(View("Edit", input), StatusCodes.Status409Conflict);
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Practitioner_CreatedSetHours"], result.Name));
        return RedirectToAction(nameof(Hours), new { id = result.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await practitioners.FindAsync(id, cancellationToken) is { } practitioner
            ? View(PractitionerInput.From(practitioner))
            : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, PractitionerInput input, [FromServices] IValidator<PractitionerInput> validator, CancellationToken cancellationToken)
    {
        input.Id = id;
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            return await practitioners.FindAsync(id, cancellationToken) is { } found ? View(WithPhoto(input, found)) : NotFound();
        }

        var result = await practitioners.UpdateAsync(Actor, id, input.Shown, input.ToProfile(), input.ConfirmedReferences, cancellationToken);
        if (result.Problem is ScheduleProblem.UnconfirmedConflicts && await practitioners.FindAsync(id, cancellationToken) is { } current)
        {
            WithPhoto(input, current);
        }

        return Answer(result, input, input, "Admin_Practitioner_Saved");
    }

    /// <summary>A new photo for the doctor's page: checked by content (JPEG, PNG or WebP), resized, stripped of metadata, re-encoded.</summary>
    [HttpPost("{id:int}/photo")]
    [RequestSizeLimit(IPhotoProcessor.MaxUploadBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = IPhotoProcessor.MaxUploadBytes + 64 * 1024)]
    public async Task<IActionResult> Photo(int id, IFormFile? photo, CancellationToken cancellationToken)
    {
        if (await practitioners.FindAsync(id, cancellationToken) is not { } practitioner)
        {
            return NotFound();
        }

        string? problem = null;
        if (photo is null || photo.Length == 0)
        {
            problem = t["Admin_Photo_Missing"];
        }
        else if (photo.Length > IPhotoProcessor.MaxUploadBytes)
        {
            problem = string.Format(CultureInfo.CurrentCulture, t["Admin_Photo_TooLarge"], IPhotoProcessor.MaxUploadBytes / 1024 / 1024);
        }
        else
        {
            using var buffer = new MemoryStream((int)photo.Length);
            await photo.CopyToAsync(buffer, cancellationToken);
            var result = await practitioners.SetPhotoAsync(Actor, id, buffer.ToArray(), cancellationToken);
            problem = result.Photo switch
            {
                null => null,
                PhotoProblem.TooLarge => string.Format(CultureInfo.CurrentCulture, t["Admin_Photo_TooLarge"], IPhotoProcessor.MaxUploadBytes / 1024 / 1024),
                _ => t["Admin_Photo_NotAnImage"],
            };
        }

        if (problem is not null)
        {
            ModelState.AddModelError("photo", problem);
            var form = PractitionerInput.From(practitioner);
            var view = View("Edit", form);
            view.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return view;
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Photo_Saved"], practitioner.Name));
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/photo/remove")]
    public async Task<IActionResult> RemovePhoto(int id, CancellationToken cancellationToken)
    {
        var result = await practitioners.RemovePhotoAsync(Actor, id, cancellationToken);
        if (result.Problem is ScheduleProblem.NotFound)
        {
            return NotFound();
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Photo_Removed"], result.Name));
        return RedirectToAction(nameof(Edit), new { id });
    }

    private static PractitionerInput WithPhoto(PractitionerInput input, Domain.Scheduling.Practitioner practitioner)
    {
        var stored = PractitionerInput.From(practitioner);
        input.PhotoUrl = stored.PhotoUrl;
        input.PageUrl = stored.PageUrl;
        input.DiaryFeedIssuedAtUtc = stored.DiaryFeedIssuedAtUtc;
        input.DiaryFeedFingerprint = stored.DiaryFeedFingerprint;
        return input;
    }

    [HttpGet("{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, CancellationToken cancellationToken) =>
        await practitioners.FindAsync(id, cancellationToken) is { } practitioner ? View(WeeklyHoursInput.From(practitioner)) : NotFound();

    [HttpPost("{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, WeeklyHoursInput input, [FromServices] IValidator<WeeklyHoursInput> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(input, ModelState, cancellationToken))
        {
            // The days are hidden fields: a week that is not each day once (a forged or damaged form) has no field to
            // show its message at, so it is said at the top.
            if (ModelState.Where(entry => entry.Key == "Days" || entry.Key.EndsWith(".Day", StringComparison.Ordinal)).Any(entry => entry.Value is { Errors.Count: > 0 }))
            {
                ModelState.AddModelError("", t["Admin_Hours_WholeWeek"]);
            }

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

        if (result.Problem is ScheduleProblem.ChangedMeanwhile)
        {
            ModelState.AddModelError("", t["Admin_Schedule_EditedMeanwhile"]);
            return Refused(View(form), StatusCodes.Status409Conflict);
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t[savedMessage], result.Name));
        return RedirectToAction(nameof(Index));
    }

    private static ViewResult Refused(ViewResult view, int status)
    {
        view.StatusCode = status;
        return view;
    }
}
