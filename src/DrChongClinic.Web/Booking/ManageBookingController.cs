using System.Text;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Email;
using DrChongClinic.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Booking;

/// <summary>
/// The patient's private manage link: see the booking, cancel it or move it, until the cut-off before the
/// appointment. The token in the address is the only key; unknown, malformed or expired tokens get a friendly 404.
/// The page's language follows the address.
/// </summary>
[EnableRateLimiting(ClinicRateLimits.ManageLink)]
public sealed class ManageBookingController(
    BookingService bookings,
    BookingPageFactory pages,
    BookingRefusals refusals,
    SlotFinder slots,
    IValidator<CancelForm> cancelValidator,
    IValidator<RescheduleForm> rescheduleValidator,
    IStringLocalizer<SharedResource> t) : Controller
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        // Private pages: never indexed. (Security headers keep them out of caches and the Referer of other sites.)
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        base.OnActionExecuting(context);
    }

    [HttpGet("book/manage/{token}")]
    [HttpGet("ms/tempah/urus/{token}")]
    public async Task<IActionResult> Index(string token, string? date, string? done, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null)
        {
            return LinkNotFound();
        }

        var page = await pages.ManagePageAsync(details, token, date, done, cancellationToken);
        return Page(page, page.StatusCode);
    }

    [Produces("application/json")]
    [HttpGet("book/manage/{token}/slots")]
    [HttpGet("ms/tempah/urus/{token}/slot")]
    public async Task<IActionResult> Slots(string token, string? date, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null)
        {
            return NotFound(new { error = t["Booking_LinkNotFound_Title"].Value });
        }

        if (!details.Appointment.PatientMayChange(slots.NowUtc, slots.Policy))
        {
            var refused = details.Appointment.IsActive ? BookingProblem.TooLateToChange : BookingProblem.NotAllowedInCurrentStatus;
            return StatusCode(BookingRefusals.StatusCode(refused), new { error = refusals.Message(refused) });
        }

        if (BookingPageFactory.IsCourseSession(details))
        {
            return UnprocessableEntity(new { error = t["Booking_Reschedule_CourseText"].Value });
        }

        if (pages.DateProblem(date, out var day) is { } dateProblem)
        {
            return BadRequest(new { error = dateProblem });
        }

        var free = await slots.FreeSlotsAsync(SlotSearch.ToMove(details.Appointment), day, cancellationToken);
        return Json(pages.SlotsJson(day, free));
    }

    /// <summary>"Add to calendar": the booking as an .ics file, while it is still on (requested or confirmed).</summary>
    [HttpGet("book/manage/{token}/calendar.ics")]
    [HttpGet("ms/tempah/urus/{token}/kalendar.ics")]
    public async Task<IActionResult> CalendarFile(string token, [FromServices] AppointmentCalendarFile calendar, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null || details.Appointment.Status is not (AppointmentStatus.Requested or AppointmentStatus.Confirmed))
        {
            return LinkNotFound();
        }

        var ics = Encoding.UTF8.GetBytes(calendar.Build(details, ClinicLanguage.Current.Code));
        return File(ics, "text/calendar; charset=utf-8", AppointmentCalendarFile.FileName);
    }

    [HttpPost("book/manage/{token}/cancel")]
    [HttpPost("ms/tempah/urus/{token}/batal")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Cancel(string token, [FromForm] CancelForm form, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null)
        {
            return LinkNotFound();
        }

        var validation = await cancelValidator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            var invalid = await pages.ManagePageAsync(details, token, null, null, cancellationToken);
            invalid.CancelReason = form.Reason;
            invalid.CancelError = validation.Errors[0].ErrorMessage;
            return Page(invalid, StatusCodes.Status422UnprocessableEntity);
        }

        var result = await bookings.CancelAsync(details.Appointment.Id, ChangedBy.Patient, null, form.Reason, null, cancellationToken);
        if (result.Succeeded)
        {
            return SeeOther(token, "cancelled");
        }

        return await RefusedAsync(token, result, cancellationToken);
    }

    [HttpPost("book/manage/{token}/reschedule")]
    [HttpPost("ms/tempah/urus/{token}/tukar")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Reschedule(string token, [FromForm] RescheduleForm form, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null)
        {
            return LinkNotFound();
        }

        var validation = await rescheduleValidator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            var invalid = await pages.ManagePageAsync(details, token, null, null, cancellationToken);
            invalid.SlotError = validation.Errors[0].ErrorMessage;
            return Page(invalid, StatusCodes.Status422UnprocessableEntity);
        }

        _ = BookingInput.TryParseSlot(form.Slot, out var date, out var time); // checked by the validator
        var result = await bookings.RescheduleAsync(details.Appointment.Id, date, time, null, ChangedBy.Patient, null, null, cancellationToken);
        if (result.Succeeded)
        {
            return SeeOther(token, "rescheduled");
        }

        if (result.Problem is BookingProblem.TooLateToChange or BookingProblem.NotAllowedInCurrentStatus or BookingProblem.ChangedMeanwhile)
        {
            return await RefusedAsync(token, result, cancellationToken);
        }

        var page = await pages.ManagePageAsync(details, token, BookingInput.Date(date), null, cancellationToken);
        page.SelectedSlot = form.Slot;
        if (result.Problem == BookingProblem.SlotTaken)
        {
            page.Problem = refusals.Message(BookingProblem.SlotTaken);
            page.Date = null;
            page.Times = result.NearestFreeSlots
                .Select(s => new TimeOption(BookingInput.Slot(s.LocalStart), BookingPageFactory.TimeLabel(s.Time), pages.LongDate(s.Date)))
                .ToList();
        }
        else
        {
            page.SlotError = refusals.Message(result.Problem!.Value);
        }

        return Page(page, BookingRefusals.StatusCode(result.Problem!.Value));
    }

    /// <summary>The booking can no longer be changed (too late, cancelled, changed meanwhile): show it as it is now.</summary>
    private async Task<IActionResult> RefusedAsync(string token, BookingResult result, CancellationToken cancellationToken)
    {
        var current = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (current is null)
        {
            return LinkNotFound();
        }

        var page = await pages.ManagePageAsync(current, token, null, null, cancellationToken);
        page.Problem = refusals.Message(result.Problem!.Value);
        return Page(page, BookingRefusals.StatusCode(result.Problem.Value));
    }

    private ViewResult LinkNotFound()
    {
        var result = View("LinkNotFound", pages.LinkNotFound());
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }

    private ViewResult Page(ManagePage page, int status)
    {
        var result = View("Manage", page);
        result.StatusCode = status;
        return result;
    }

    private StatusCodeResult SeeOther(string token, string done)
    {
        Response.Headers.Location = $"{SitePaths.Manage(ClinicLanguage.Current.Code, token)}?done={done}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
