using System.Globalization;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Booking;
using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Controllers;

/// <summary>Friendly error pages; never a stack trace outside Development.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IStringLocalizer<SharedResource> t, IOptions<BookingPolicy> policy, IOptions<PrivacyOptions> privacy) : Controller
{
    /// <summary>
    /// Binds nothing: the page is often shown for a request whose form could not be read, and model binding would
    /// meet the same broken form, give up on every parameter and leave the status code unknown (a 400 shown as a 500).
    /// </summary>
    [Route("error/{code:int?}")]
    public async Task<IActionResult> Index()
    {
        int? code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
        // Only error statuses, and only for a request that met one: anyone can type /error, /error/500 or /error/200
        // into the address bar, and a bot doing so would otherwise fill the monitoring with 500s.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var status = (reExecuted, code) switch
        {
            (false, _) => StatusCodes.Status404NotFound,
            (true, null) => StatusCodes.Status500InternalServerError,
            (true, >= 400 and <= 599) => code.Value,
            _ => StatusCodes.Status404NotFound,
        };
        if (code is null && DatabaseUnavailable.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            // The database is busy or out of reach: "try again in a moment", not "something broke".
            status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        Response.StatusCode = status;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            // The limiter's true wait, never a guess; a refused booking form comes back with what was typed.
            var wait = TooManyBookingsPage.WaitText(TooManyBookingsPage.Wait(Response), t);
            if (TooManyBookingsPage.IsRefusedBookingPost(HttpContext))
            {
                var cutoff = (int)Math.Round(policy.Value.PatientChangeCutoff.TotalHours);
                return View("~/Views/Booking/TooMany.cshtml", await TooManyBookingsPage.BuildAsync(Request, wait, cutoff, privacy.Value.NoticeVersion));
            }

            ViewData["Wait"] = wait;
        }

        return View("Error", status);
    }
}
