using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain;
using DrChongClinic.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Booking;

/// <summary>
/// The public booking flow. Works without JavaScript: each step is a GET with the choices in the address, the
/// booking a POST answered with a redirect (POST, redirect, GET) to the patient's private manage page.
/// </summary>
public sealed class BookingController(
    BookingPageFactory pages,
    BookingRefusals refusals,
    IOptions<PrivacyOptions> privacy,
    SlotFinder slots,
    BookingService bookings,
    IValidator<BookingForm> validator,
    IStringLocalizer<SharedResource> t,
    ILogger<BookingController> logger) : Controller
{
    /// <summary>Fields the patient does not type: when these are wrong the form was forged or is stale (400).</summary>
    private static readonly string[] HiddenFields = [nameof(BookingForm.SubmissionId), nameof(BookingForm.Treatment), nameof(BookingForm.Practitioner)];

    [HttpGet("book")]
    [HttpGet("ms/tempah")]
    [EnableRateLimiting(ClinicRateLimits.Slots)]
    public async Task<IActionResult> Index(string? treatment, string? practitioner, string? date, CancellationToken cancellationToken)
    {
        var form = new BookingForm
        {
            SubmissionId = Guid.NewGuid().ToString(),
            Treatment = treatment,
            Practitioner = practitioner,
            Language = ClinicLanguage.Current.Code,
        };
        var page = await pages.BookingPageAsync(form, date, cancellationToken);
        form.Practitioner = page.Practitioner;
        return Page("Index", page, page.StatusCode);
    }

    /// <summary>Free times of one date as JSON, so booking.js can show them without reloading the page.</summary>
    [Produces("application/json")]
    [HttpGet("book/slots")]
    [HttpGet("ms/tempah/slot")]
    [EnableRateLimiting(ClinicRateLimits.Slots)]
    public async Task<IActionResult> Slots(string? treatment, string? practitioner, string? date, CancellationToken cancellationToken)
    {
        var found = await slots.FindTreatmentAsync(treatment, cancellationToken);
        if (found is null)
        {
            return BadRequest(new { error = t["Booking_Error_TreatmentUnknown"].Value });
        }

        if (!BookingInput.TryParsePractitioner(practitioner, out var practitionerId) ||
            (practitionerId is { } id && !await slots.IsActivePractitionerAsync(id, cancellationToken)))
        {
            return BadRequest(new { error = t["Booking_Error_PractitionerUnknown"].Value });
        }

        if (pages.DateProblem(date, out var day) is { } dateProblem)
        {
            return BadRequest(new { error = dateProblem });
        }

        var free = await slots.FreeSlotsAsync(SlotSearch.For(found, practitionerId, BookingInput.Gender(practitioner)), day, cancellationToken);
        return Json(pages.SlotsJson(day, free));
    }

    [HttpPost("book")]
    [HttpPost("ms/tempah")]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ClinicRateLimits.Booking)]
    public async Task<IActionResult> Create([FromForm] BookingForm form, CancellationToken cancellationToken)
    {
        if (form.IsFromBot)
        {
            // Stores nothing, and answers with a neutral page that does not tell the bot it was caught.
            logger.LogInformation("Booking form with the honeypot filled in: nothing stored");
            return View("Received");
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            var invalid = await pages.BookingPageAsync(form, null, cancellationToken);
            foreach (var error in validation.Errors)
            {
                invalid.Errors.TryAdd(error.PropertyName, error.ErrorMessage);
            }

            var forged = validation.Errors.Any(e => HiddenFields.Contains(e.PropertyName));
            if (forged)
            {
                invalid.ChoiceProblem ??= validation.Errors.First(e => HiddenFields.Contains(e.PropertyName)).ErrorMessage;
                form.SubmissionId = Guid.NewGuid().ToString();
            }

            return Page("Index", invalid, forged ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity);
        }

        var result = await bookings.BookAsync(
            form.ToRequest(privacy.Value.NoticeVersion),
            cancellationToken);

        if (result.Succeeded)
        {
            return SeeOther($"{SitePaths.Manage(ClinicLanguage.Current.Code, result.ManageToken!)}?done=booked");
        }

        if (result.Problem == BookingProblem.SlotTaken)
        {
            var taken = await pages.TakenPageAsync(form, result.NearestFreeSlots, cancellationToken);
            return Page("Taken", taken, BookingRefusals.StatusCode(BookingProblem.SlotTaken));
        }

        var refused = await pages.BookingPageAsync(form, null, cancellationToken);
        var message = refusals.Message(result.Problem!.Value);
        switch (result.Problem)
        {
            case BookingProblem.UnknownTreatment or BookingProblem.UnknownPractitioner:
                refused.ChoiceProblem = message;
                break;
            case BookingProblem.SubmissionAlreadyUsed:
                form.SubmissionId = Guid.NewGuid().ToString();
                refused.Errors[nameof(BookingForm.SubmissionId)] = message;
                break;
            default:
                refused.Errors[nameof(BookingForm.Slot)] = message;
                break;
        }

        return Page("Index", refused, BookingRefusals.StatusCode(result.Problem.Value));
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
