using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Courses;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Booking;
using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace DrChongClinic.Web.Courses;

/// <summary>
/// A treatment course from a session's private manage link: after the first session, see the proposed times for the
/// others, change any within its window and book them all at once; once booked, see the course, move a session within
/// its interval, or cancel the sessions still to come. Plain forms: everything works without JavaScript.
/// </summary>
[EnableRateLimiting(ClinicRateLimits.ManageLink)]
public sealed class CourseController(
    BookingService bookings,
    CourseService courses,
    CoursePageFactory pages,
    CourseRefusals refusals,
    BookingPageFactory bookingPages,
    SlotFinder slots) : Controller
{
    private static string Language => ClinicLanguage.Current.Code;

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        base.OnActionExecuting(context);
    }

    [HttpGet("book/manage/{token}/course")]
    [HttpGet("ms/tempah/urus/{token}/kursus")]
    public async Task<IActionResult> Index(string token, string? done, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        return details is null ? LinkNotFound() : await PageAsync(details, token, null, done, cancellationToken);
    }

    [HttpPost("book/manage/{token}/course")]
    [HttpPost("ms/tempah/urus/{token}/kursus")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Book(string token, [FromForm] CourseForm form, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null)
        {
            return LinkNotFound();
        }

        var chosen = form.Chosen();
        if (form.Replan is not null)
        {
            var offered = await courses.OfferAsync(details.Appointment.Id, chosen, cancellationToken);
            return offered.Offer is { } offer
                ? Page(pages.Proposal(offer, SitePaths.Course(Language, token), SitePaths.Manage(Language, token), isStaff: false, chosen), StatusCodes.Status200OK)
                : await RefusedAsync(details, token, offered, cancellationToken);
        }

        var result = await courses.BookAsync(details.Appointment.Id, chosen, ChangedBy.Patient, null, cancellationToken);
        if (result.Succeeded)
        {
            return SeeOther($"{SitePaths.Manage(Language, token)}?done=course");
        }

        if (result.Offer is { } again)
        {
            var page = pages.Proposal(again, SitePaths.Course(Language, token), SitePaths.Manage(Language, token), isStaff: false, chosen);
            page.Problem = refusals.Message(result);
            return Page(page, CourseRefusals.StatusCode(result.Problem!.Value));
        }

        return await RefusedAsync(details, token, result, cancellationToken);
    }

    [HttpPost("book/manage/{token}/course/move")]
    [HttpPost("ms/tempah/urus/{token}/kursus/pindah")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Move(string token, [FromForm] CourseMoveForm form, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null)
        {
            return LinkNotFound();
        }

        var course = await courses.CourseOfAsync(details.Appointment, cancellationToken);
        var session = course?.Sessions.FirstOrDefault(s => s.Appointment.CourseSession == form.Session);
        if (course is null)
        {
            return await RefusedAsync(details, token, CourseResult.Refused(CourseProblem.NotFound), cancellationToken);
        }

        if (session is null)
        {
            return await RefusedAsync(details, token, CourseResult.Refused(CourseProblem.NotFound), cancellationToken);
        }

        if (CourseForm.Parse(form.Slot) is not { } local)
        {
            return await RefusedAsync(details, token, CourseResult.Refused(CourseProblem.MoveTimeUnreadable), cancellationToken);
        }

        var result = await courses.MoveAsync(session.Appointment.Id, local, ChangedBy.Patient, null, null, cancellationToken);
        return result.Succeeded
            ? SeeOther($"{SitePaths.Course(Language, token)}?done=moved")
            : await RefusedAsync(details, token, result, cancellationToken);
    }

    [HttpPost("book/manage/{token}/course/cancel")]
    [HttpPost("ms/tempah/urus/{token}/kursus/batal")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken)
    {
        var details = await bookings.FindByManageTokenAsync(token, cancellationToken);
        if (details is null)
        {
            return LinkNotFound();
        }

        var result = await courses.CancelAsync(details.Appointment.Id, ChangedBy.Patient, null, null, cancellationToken);
        return result.Succeeded
            ? SeeOther($"{SitePaths.Manage(Language, token)}?done=course-cancelled")
            : await RefusedAsync(details, token, result, cancellationToken);
    }

    /// <summary>The course page as it is now: the proposal (not booked yet) or the booked course with its move choices.</summary>
    private async Task<IActionResult> PageAsync(AppointmentDetails details, string token, CourseResult? refused, string? done, CancellationToken cancellationToken)
    {
        var status = refused?.Problem is { } problem ? CourseRefusals.StatusCode(problem) : StatusCodes.Status200OK;
        var appointment = details.Appointment;
        CoursePage page;
        if (appointment.CourseId is null)
        {
            var offered = await courses.OfferAsync(appointment.Id, null, cancellationToken);
            if (offered.Offer is not { } offer)
            {
                page = new CoursePage
                {
                    TreatmentName = details.Treatment.Name(Language),
                    PractitionerName = details.PractitionerName,
                    PlanText = details.Treatment.Course is { } plan ? pages.PlanText(plan) : "",
                    BackUrl = SitePaths.Manage(Language, token),
                    Problem = refusals.Message(refused ?? offered),
                };
                return Page(page, refused is null ? CourseRefusals.StatusCode(offered.Problem!.Value) : status);
            }

            page = pages.Proposal(offer, SitePaths.Course(Language, token), SitePaths.Manage(Language, token), isStaff: false, null);
        }
        else
        {
            var course = (await courses.CourseOfAsync(appointment, cancellationToken))!;
            var moves = new Dictionary<int, SessionMoveChoices>();
            foreach (var session in course.Sessions.Where(s => s.Appointment.PatientMayChange(slots.NowUtc, slots.Policy)))
            {
                moves[session.Appointment.Id] = await courses.MoveChoicesAsync(session.Appointment, cancellationToken);
            }

            page = pages.Booked(
                course,
                appointment,
                moves,
                s => s.ManageToken is { } other ? SitePaths.Manage(Language, other) : null,
                SitePaths.CourseMove(Language, token),
                SitePaths.CourseCancel(Language, token),
                SitePaths.Manage(Language, token),
                isStaff: false,
                done);
        }

        if (refused is not null)
        {
            page.Problem = refusals.Message(refused);
        }

        return Page(page, status);
    }

    private Task<IActionResult> RefusedAsync(AppointmentDetails details, string token, CourseResult result, CancellationToken cancellationToken) =>
        PageAsyncFresh(details, token, result, cancellationToken);

    /// <summary>Reads the booking again (the refused action may have found it changed) and shows the page with the refusal.</summary>
    private async Task<IActionResult> PageAsyncFresh(AppointmentDetails details, string token, CourseResult result, CancellationToken cancellationToken)
    {
        var current = await bookings.FindByManageTokenAsync(token, cancellationToken) ?? details;
        return await PageAsync(current, token, result, null, cancellationToken);
    }

    private ViewResult Page(CoursePage page, int status)
    {
        var result = View("~/Views/Course/Index.cshtml", page);
        result.StatusCode = status;
        return result;
    }

    private ViewResult LinkNotFound()
    {
        var result = View("~/Views/ManageBooking/LinkNotFound.cshtml", bookingPages.LinkNotFound());
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
