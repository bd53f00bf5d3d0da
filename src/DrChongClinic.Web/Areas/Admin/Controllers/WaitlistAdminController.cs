using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Booking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Staff's waitlist by day (/admin/waitlist): who waits for what, the offers out, and offering a free time by hand.</summary>
[Route("admin/waitlist")]
public sealed class WaitlistAdminController(WaitlistService waitlist, ClinicClock clock, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? date, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(date))
        {
            return View("~/Areas/Admin/Views/Waitlist/Index.cshtml", await PageAsync(clock.Today, null, cancellationToken));
        }

        if (!BookingInput.TryParseDate(date, out var day))
        {
            var page = await PageAsync(clock.Today, t["Admin_Waitlist_DateInvalid"], cancellationToken);
            return Page(page, StatusCodes.Status400BadRequest);
        }

        return View("~/Areas/Admin/Views/Waitlist/Index.cshtml", await PageAsync(day, null, cancellationToken));
    }

    [HttpPost("{entryId:int}/offer")]
    public async Task<IActionResult> Offer(int entryId, string? date, string? time, string? practitioner, CancellationToken cancellationToken)
    {
        var readable = BookingInput.TryParseDate(date, out var day);
        if (!readable || !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || !int.TryParse(practitioner, NumberStyles.None, CultureInfo.InvariantCulture, out var practitionerId))
        {
            return Page(await PageAsync(readable ? day : clock.Today, t["Admin_Waitlist_OfferUnreadable"], cancellationToken), StatusCodes.Status400BadRequest);
        }

        var result = await waitlist.OfferByHandAsync(entryId, day, at, practitionerId, Actor, cancellationToken);
        if (result.Succeeded)
        {
            Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Waitlist_Offered"], ClinicText.StaffDay(day), time));
            Response.Headers.Location = $"/admin/waitlist?date={BookingInput.Date(day)}";
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        var problem = result.Problem!.Value;
        var message = problem switch
        {
            WaitlistProblem.NotFound => t["Admin_Waitlist_EntryNotFound"],
            WaitlistProblem.UnknownPractitioner => t["Booking_Error_PractitionerUnknown"],
            WaitlistProblem.NotFree => t["Admin_Waitlist_NotFree"],
            WaitlistProblem.AlreadyOffered => t["Admin_Waitlist_AlreadyOffered"],
            _ => t["Admin_Waitlist_Closed"],
        };
        var status = problem switch
        {
            WaitlistProblem.NotFound => StatusCodes.Status404NotFound,
            WaitlistProblem.UnknownPractitioner => StatusCodes.Status400BadRequest,
            WaitlistProblem.NotFree => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        };
        return Page(await PageAsync(day, message, cancellationToken), status);
    }

    private async Task<WaitlistAdminPage> PageAsync(DateOnly day, string? problem, CancellationToken cancellationToken) =>
        new(await waitlist.DayAsync(day, ClinicLanguage.Current.Code, cancellationToken), BookingInput.Date(day), ClinicText.StaffDay(day), problem);

    private ViewResult Page(WaitlistAdminPage page, int status)
    {
        var view = View("~/Areas/Admin/Views/Waitlist/Index.cshtml", page);
        view.StatusCode = status;
        return view;
    }
}
