using System.Globalization;
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

    [HttpGet("import")]
    public IActionResult Import() => View(new HolidayUploadPage());

    /// <summary>Reads an uploaded holiday calendar (.ics) and shows what importing it would do; nothing is saved yet.</summary>
    [HttpPost("import")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return UploadRefused(t["Admin_Holidays_ChooseFile"], StatusCodes.Status400BadRequest);
        }

        if (file.Length > HolidayCalendarFile.MaxBytes)
        {
            return UploadRefused(string.Format(CultureInfo.CurrentCulture, t["Admin_Holidays_FileTooLarge"], HolidayCalendarFile.MaxBytes / 1024), StatusCodes.Status413PayloadTooLarge);
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellationToken);
        var read = HolidayCalendarFile.Read(content.ToArray());
        if (read.Problem is { } problem)
        {
            return UploadRefused(problem == HolidayFileProblem.TooManyEvents
                ? string.Format(CultureInfo.CurrentCulture, t["Admin_Holidays_TooManyEvents"], HolidayCalendarFile.MaxEvents)
                : t["Admin_Holidays_NotACalendar"], StatusCodes.Status400BadRequest);
        }

        var input = new HolidayImportInput { Skipped = read.Skipped };
        input.Show(await closures.PreviewHolidaysAsync(read.Entries, cancellationToken));
        if (input.Holidays.Count > HolidayImportInput.MaxHolidays)
        {
            return UploadRefused(string.Format(CultureInfo.CurrentCulture, t["Admin_Holidays_TooMany"], HolidayImportInput.MaxHolidays), StatusCodes.Status400BadRequest);
        }

        return View(PreviewView, input);
    }

    /// <summary>Creates the previewed closures (whole clinic, audited); shows the preview again if a booking now clashes that staff have not seen.</summary>
    [HttpPost("import/confirm")]
    [RequestFormLimits(ValueCountLimit = HolidayImportInput.MaxFormValues)]
    public async Task<IActionResult> ImportConfirm(HolidayImportInput input, [FromServices] IValidator<HolidayImportInput> validator, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return UploadRefused(validation.Errors[0].ErrorMessage, StatusCodes.Status422UnprocessableEntity);
        }

        var (preview, saved) = await closures.ImportHolidaysAsync(Actor, input.Entries(), input.ConfirmedReferences, cancellationToken);
        if (!saved)
        {
            input.Show(preview);
            return View(PreviewView, input);
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Holidays_Imported"], preview.ToCreate));
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await closures.DeleteAsync(Actor, id, cancellationToken);
        if (result.Problem is ScheduleProblem.NotFound)
        {
            return NotFound();
        }

        Flash(t[result.Problem is ScheduleProblem.AlreadyDeleted ? "Admin_Closure_AlreadyDeleted" : "Admin_Closure_Deleted"]);
        return RedirectToAction(nameof(Index));
    }

    private const string PreviewView = "ImportPreview";

    /// <summary>
    /// What the server reads of an upload at most: four times the file limit, so that a file somewhat too large still
    /// reaches the action and gets this page's own "file too large" message; beyond this the general 413 page answers.
    /// </summary>
    private const int UploadLimit = 4 * HolidayCalendarFile.MaxBytes;

    private ViewResult UploadRefused(string message, int status)
    {
        var view = View(nameof(Import), new HolidayUploadPage { Problem = message });
        view.StatusCode = status;
        return view;
    }

    /// <summary>The closure form with the practitioner drop-down.</summary>
    private async Task<IActionResult> FormAsync(ClosureInput input, CancellationToken cancellationToken)
    {
        input.Practitioners = await closures.PractitionersAsync(cancellationToken);
        return View(input);
    }
}
