using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Clinic;

/// <summary>What the public pages show from the database besides treatments: the doctors and the opening hours.</summary>
public sealed class ClinicPublicData(IClinicDatabase db)
{
    /// <summary>The active doctors' names, longest-serving first.</summary>
    public Task<List<string>> DoctorNamesAsync(CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Id)
            .Select(p => p.Name)
            .ToListAsync(cancellationToken);

    /// <summary>The clinic's weekly opening hours, derived from the active doctors' working hours.</summary>
    public async Task<IReadOnlyList<ClinicDayHours>> OpeningHoursAsync(CancellationToken cancellationToken)
    {
        var hours = await db.WorkingHours.AsNoTracking()
            .Where(h => db.Practitioners.Any(p => p.Id == h.PractitionerId && p.IsActive))
            .ToListAsync(cancellationToken);
        return ClinicDayHours.FromWorkingHours(hours);
    }
}
