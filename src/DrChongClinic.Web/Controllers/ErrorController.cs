using System.Globalization;
using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Controllers;

/// <summary>Friendly error pages; never a stack trace outside Development.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("error/{code:int?}")]
    public IActionResult Index([FromRoute] int? code)
    {
        // Only error statuses: anyone can type /error/-1 or /error/200 into the address bar.
        var status = code switch
        {
            null => StatusCodes.Status500InternalServerError,
            >= 400 and <= 599 => code.Value,
            _ => StatusCodes.Status404NotFound,
        };
        if (code is null && DatabaseUnavailable.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            // The database is busy or out of reach: "try again in a moment", not "something broke".
            status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        Response.StatusCode = status;
        return View("Error", status);
    }
}
