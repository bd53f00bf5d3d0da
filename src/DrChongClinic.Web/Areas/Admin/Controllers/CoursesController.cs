using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Courses;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Courses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff book the rest of a treatment course for a patient on the phone (from the booking detail page), see the course
/// and cancel its future sessions. Moving one session is the booking's own reschedule, which keeps the intervals.
/// </summary>
[Route("admin/bookings/{id:int}/course")]
public sealed class CoursesController(
    BookingService bookings,
    CourseService courses,
    CoursePageFactory pages,
    CourseRefusals refusals,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) => await PageAsync(id, null, cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Book(int id, [FromForm] CourseForm form, CancellationToken cancellationToken)
    {
        var chosen = form.Chosen();
        if (form.Replan is not null)
        {
            var offered = await courses.OfferAsync(id, chosen, cancellationToken);
            return offered.Offer is { } offer ? Page(pages.Proposal(offer, Self(id), Back(id), isStaff: true, chosen), StatusCodes.Status200OK)
                : await PageAsync(id, offered, cancellationToken);
        }

        var result = await courses.BookAsync(id, chosen, ChangedBy.Staff, Actor, cancellationToken);
        if (result.Succeeded)
        {
            Flash(string.Format(CultureInfo.CurrentCulture, t["Course_Staff_Booked"], result.Changed));
            return Redirect(Back(id));
        }

        if (result.Offer is { } again)
        {
            var page = pages.Proposal(again, Self(id), Back(id), isStaff: true, chosen);
            page.Problem = refusals.Message(result);
            return Page(page, CourseRefusals.StatusCode(result.Problem!.Value));
        }

        return await PageAsync(id, result, cancellationToken);
    }

    [HttpPost("cancel")]
    public async Task<IActionResult> Cancel(int id, [FromForm] CourseCancelForm form, CancellationToken cancellationToken)
    {
        var result = await courses.CancelAsync(id, ChangedBy.Staff, Actor, form.Reason, cancellationToken);
        if (result.Succeeded)
        {
            Flash(string.Format(CultureInfo.CurrentCulture, t["Course_Staff_Cancelled"], result.Changed));
            return Redirect(Back(id));
        }

        return await PageAsync(id, result, cancellationToken);
    }

    private async Task<IActionResult> PageAsync(int id, CourseResult? refused, CancellationToken cancellationToken)
    {
        var appointment = await courses.FindAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        var status = refused?.Problem is { } problem ? CourseRefusals.StatusCode(problem) : StatusCodes.Status200OK;
        CoursePage page;
        if (appointment.CourseId is null)
        {
            var offered = await courses.OfferAsync(id, null, cancellationToken);
            if (offered.Offer is not { } offer)
            {
                var details = await bookings.DetailsAsync(appointment, cancellationToken);
                page = new CoursePage
                {
                    TreatmentName = details.Treatment.Name(ClinicLanguage.Current.Code),
                    PractitionerName = details.PractitionerName,
                    PlanText = "",
                    BackUrl = Back(id),
                    IsStaff = true,
                    Problem = refusals.Message(refused ?? offered),
                };
                return Page(page, refused is null ? CourseRefusals.StatusCode(offered.Problem!.Value) : status);
            }

            page = pages.Proposal(offer, Self(id), Back(id), isStaff: true, null);
        }
        else
        {
            var course = (await courses.CourseOfAsync(appointment, cancellationToken))!;
            page = pages.Booked(course, appointment, new Dictionary<int, SessionMoveChoices>(), s => $"/admin/bookings/{s.Appointment.Id}", null, $"{Self(id)}/cancel", Back(id), isStaff: true, null);
        }

        if (refused is not null)
        {
            page.Problem = refusals.Message(refused);
        }

        return Page(page, status);
    }

    private static string Self(int id) => $"/admin/bookings/{id}/course";

    private static string Back(int id) => $"/admin/bookings/{id}";

    private ViewResult Page(CoursePage page, int status)
    {
        var result = View("Index", page);
        result.StatusCode = status;
        return result;
    }
}
