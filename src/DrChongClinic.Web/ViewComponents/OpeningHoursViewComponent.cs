using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Web.ViewComponents;

/// <summary>The clinic's weekly opening hours, derived from the active doctors' working hours.</summary>
public sealed class OpeningHoursViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var hours = await db.WorkingHours.AsNoTracking()
            .Where(h => db.Practitioners.Any(p => p.Id == h.PractitionerId && p.IsActive))
            .ToListAsync();
        return View(ClinicDayHours.FromWorkingHours(hours));
    }
}
