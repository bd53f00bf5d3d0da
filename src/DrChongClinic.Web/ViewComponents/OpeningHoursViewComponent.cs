using DrChongClinic.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.ViewComponents;

/// <summary>The clinic's weekly opening hours, derived from the active doctors' working hours.</summary>
public sealed class OpeningHoursViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        return View(await db.LoadClinicHoursAsync(HttpContext.RequestAborted));
    }
}
