using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Web.ViewComponents;

public static class ClinicHoursQuery
{
    /// <summary>The clinic's weekly opening hours, derived from the active doctors' working hours.</summary>
    public static async Task<IReadOnlyList<ClinicDayHours>> LoadClinicHoursAsync(this ClinicDbContext db, CancellationToken cancellationToken)
    {
        var hours = await db.WorkingHours.AsNoTracking()
            .Where(h => db.Practitioners.Any(p => p.Id == h.PractitionerId && p.IsActive))
            .ToListAsync(cancellationToken);
        return ClinicDayHours.FromWorkingHours(hours);
    }
}
