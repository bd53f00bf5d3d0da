using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain;
using DrChongClinic.Web.Booking;
using DrChongClinic.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Waitlist;

/// <summary>
/// The public waitlist: join when no time suits, claim an offered time from its email, leave from any waitlist email.
/// Plain HTML forms (no JavaScript needed); each POST makes one call to <see cref="WaitlistService"/>.
/// </summary>
public sealed class WaitlistController(
    WaitlistService waitlist,
    WaitlistPageFactory pages,
    BookingPageFactory bookingPages,
    BookingRefusals refusals,
    IValidator<WaitlistForm> validator,
    IOptions<PrivacyOptions> privacy,
    ILogger<WaitlistController> logger) : Controller
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        // An offer or leave page is reached by its private link: never indexed, like a booking's manage page.
        if (context.ActionArguments.ContainsKey("token"))
        {
            Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        }

        base.OnActionExecuting(context);
    }

    [HttpGet(WaitlistPaths.JoinEn)]
    [HttpGet(WaitlistPaths.JoinMs)]
    [EnableRateLimiting(ClinicRateLimits.Slots)]
    public async Task<IActionResult> Join(string? treatment, string? practitioner, CancellationToken cancellationToken)
    {
        var page = await pages.LinkedJoinPageAsync(treatment, practitioner, cancellationToken);
        return Page("Join", page, page.Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    [HttpPost(WaitlistPaths.JoinEn)]
    [HttpPost(WaitlistPaths.JoinMs)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ClinicRateLimits.Booking)]
    public async Task<IActionResult> JoinPost([FromForm] WaitlistForm form, CancellationToken cancellationToken)
    {
        if (form.IsFromBot)
        {
            logger.LogInformation("Waitlist form with the honeypot filled in: nothing stored");
            return SeeOther(WaitlistPaths.Joined(ClinicLanguage.Current.Code));
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            var invalid = await pages.JoinPageAsync(form, cancellationToken);
            foreach (var error in validation.Errors)
            {
                invalid.Errors.TryAdd(error.PropertyName, error.ErrorMessage);
            }

            var forged = invalid.Errors.ContainsKey(nameof(WaitlistForm.SubmissionId));
            if (forged)
            {
                form.SubmissionId = Guid.NewGuid().ToString();
            }

            // A value no page offers (a forged id, a treatment or doctor not on the lists) is a 400, as when the service
            // finds it unknown; what a person can get wrong on the page (dates, times, details) is a 422.
            var unusableChoice = forged
                || invalid.Errors.ContainsKey(nameof(WaitlistForm.Practitioner))
                || (invalid.Errors.ContainsKey(nameof(WaitlistForm.Treatment)) && !string.IsNullOrEmpty(form.Treatment));
            return Page("Join", invalid, unusableChoice ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity);
        }

        var result = await waitlist.JoinAsync(form.ToRequest(privacy.Value.NoticeVersion), cancellationToken);
        if (result.Succeeded)
        {
            return SeeOther(WaitlistPaths.Joined(ClinicLanguage.Current.Code));
        }

        var refused = await pages.JoinPageAsync(form, cancellationToken);
        var problem = result.Problem!.Value;
        var field = problem switch
        {
            WaitlistProblem.UnknownTreatment => nameof(WaitlistForm.Treatment),
            WaitlistProblem.UnknownPractitioner => nameof(WaitlistForm.Practitioner),
            WaitlistProblem.TooManyEntries => nameof(WaitlistForm.Email),
            WaitlistProblem.SubmissionAlreadyUsed => nameof(WaitlistForm.SubmissionId),
            WaitlistProblem.BeyondHorizon => nameof(WaitlistForm.LastDay),
            _ => nameof(WaitlistForm.FirstDay),
        };
        if (problem == WaitlistProblem.SubmissionAlreadyUsed)
        {
            form.SubmissionId = Guid.NewGuid().ToString();
        }

        refused.Errors[field] = pages.Message(problem);
        return Page("Join", refused, WaitlistPageFactory.StatusCode(problem));
    }

    [HttpGet(WaitlistPaths.JoinedEn)]
    [HttpGet(WaitlistPaths.JoinedMs)]
    public IActionResult Joined() => View("Joined", ClinicLanguage.Current.Code);

    [HttpGet(WaitlistPaths.LeaveEn)]
    [HttpGet(WaitlistPaths.LeaveMs)]
    [EnableRateLimiting(ClinicRateLimits.ManageLink)]
    public async Task<IActionResult> Leave(string token, CancellationToken cancellationToken)
    {
        var details = await waitlist.FindByLeaveTokenAsync(token, cancellationToken);
        return details is null ? NotFoundPage() : View("Leave", pages.LeavePage(details, token, justLeft: false));
    }

    [HttpPost(WaitlistPaths.LeaveEn)]
    [HttpPost(WaitlistPaths.LeaveMs)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ClinicRateLimits.ManageLink)]
    [ActionName("Leave")]
    public async Task<IActionResult> LeavePost(string token, CancellationToken cancellationToken)
    {
        var result = await waitlist.LeaveAsync(token, cancellationToken);
        var details = result.Succeeded ? await waitlist.FindByLeaveTokenAsync(token, cancellationToken) : null;
        return details is null ? NotFoundPage() : View("Leave", pages.LeavePage(details, token, justLeft: true));
    }

    [HttpGet(WaitlistPaths.OfferEn)]
    [HttpGet(WaitlistPaths.OfferMs)]
    [EnableRateLimiting(ClinicRateLimits.ManageLink)]
    public async Task<IActionResult> Offer(string token, CancellationToken cancellationToken)
    {
        var details = await waitlist.FindOfferAsync(token, cancellationToken);
        if (details is null)
        {
            return NotFoundPage();
        }

        var page = pages.OfferPage(details, token);
        return Page("Offer", page, page.Claimable || (page.Claimed && !page.ClaimedThenCancelled) ? StatusCodes.Status200OK : StatusCodes.Status410Gone);
    }

    [HttpPost(WaitlistPaths.OfferEn)]
    [HttpPost(WaitlistPaths.OfferMs)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ClinicRateLimits.ManageLink)]
    [ActionName("Offer")]
    public async Task<IActionResult> Claim(string token, CancellationToken cancellationToken)
    {
        var result = await waitlist.ClaimAsync(token, cancellationToken);
        if (result is { Succeeded: true, ManageToken: { } manageToken })
        {
            return SeeOther($"{SitePaths.Manage(ClinicLanguage.Current.Code, manageToken)}?done=booked");
        }

        var details = await waitlist.FindOfferAsync(token, cancellationToken);
        if (details is null || result.Problem == WaitlistProblem.NotFound)
        {
            return NotFoundPage();
        }

        var problem = result.BookingProblem is { } booking ? refusals.Message(booking) : null;
        return Page("Offer", pages.OfferPage(details, token, problem), WaitlistPageFactory.StatusCode(result.Problem ?? WaitlistProblem.Gone));
    }

    private ViewResult NotFoundPage()
    {
        var result = View("~/Views/ManageBooking/LinkNotFound.cshtml", bookingPages.LinkNotFound(waitlist: true));
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }

    private ViewResult Page(string view, object model, int status)
    {
        var result = View(view, model);
        result.StatusCode = status;
        return result;
    }

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
