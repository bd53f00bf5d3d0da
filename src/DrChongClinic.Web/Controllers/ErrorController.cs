using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Controllers;

/// <summary>Friendly error pages; never a stack trace outside Development.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("error/{code:int?}")]
    public IActionResult Index(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View("Error", status);
    }
}
