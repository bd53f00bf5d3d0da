using DrChongClinic.Application.Clinic;
using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.ViewComponents;

/// <summary>The clinic's weekly opening hours, derived from the active doctors' working hours.</summary>
public sealed class OpeningHoursViewComponent(ClinicPublicData data) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        try
        {
            return View(await data.OpeningHoursAsync(HttpContext.RequestAborted));
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            // The footer without hours, so the "briefly unavailable" page itself still shows.
            return Content(string.Empty);
        }
    }
}
