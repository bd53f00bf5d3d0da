using System.Globalization;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Schedule;

/// <summary>One working period in a practitioner's week, e.g. Monday 09:00–13:00.</summary>
public sealed record WorkingPeriod(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>A practitioner on the staff list, with their week summed up.</summary>
public sealed record PractitionerRow(int Id, string Name, bool IsActive, IReadOnlyList<string> Hours);

/// <summary>The doctors who see patients, and each one's weekly working hours. Changes are audited and warn about stranded bookings.</summary>
public sealed class PractitionerService(IClinicDatabase db, AuditLog audit, BookingConflictFinder conflicts)
{
    /// <summary>Monday first, as the clinic's week is shown.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<IReadOnlyList<PractitionerRow>> ListAsync(CancellationToken cancellationToken)
    {
        var practitioners = await db.Practitioners.AsNoTracking().Include(p => p.WorkingHours)
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return practitioners.Select(p => new PractitionerRow(p.Id, p.Name, p.IsActive, Summary(p.WorkingHours))).ToList();
    }

    /// <summary>The practitioner with their working hours, or null.</summary>
    public Task<Practitioner?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking().Include(p => p.WorkingHours).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<ScheduleChangeResult> CreateAsync(string actor, string name, bool isActive, CancellationToken cancellationToken)
    {
        var practitioner = new Practitioner { Name = name.Trim(), IsActive = isActive };
        db.Practitioners.Add(practitioner);
        await audit.SaveNewAsync(actor, "practitioner.created", () => $"Practitioner {practitioner.Id}", () => Describe(practitioner), cancellationToken);
        return ScheduleChangeResult.Saved(practitioner.Id, practitioner.Name);
    }

    public async Task<ScheduleChangeResult> UpdateAsync(
        string actor, int id, string name, bool isActive, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.FindAsync([id], cancellationToken);
        if (practitioner is null)
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.NotFound);
        }

        IReadOnlyList<ConflictingBooking> stranded = practitioner.IsActive && !isActive ? await conflicts.ForPractitionerAsync(id, cancellationToken) : [];
        if (!ConflictConfirmation.AllSeen(stranded, confirmedConflicts))
        {
            return ScheduleChangeResult.Unconfirmed(stranded);
        }

        var before = Describe(practitioner);
        practitioner.Name = name.Trim();
        practitioner.IsActive = isActive;
        audit.Record(actor, "practitioner.updated", $"Practitioner {id}", $"{before} → {Describe(practitioner)}{ConflictConfirmation.Note(stranded)}");
        await db.SaveChangesAsync(cancellationToken);
        return ScheduleChangeResult.Saved(id, practitioner.Name);
    }

    /// <summary>Replaces the practitioner's week with these periods.</summary>
    public async Task<ScheduleChangeResult> SetHoursAsync(
        string actor, int id, IReadOnlyList<WorkingPeriod> periods, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.Include(p => p.WorkingHours).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practitioner is null)
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.NotFound);
        }

        var newHours = periods.Select(p => new WorkingHours { PractitionerId = id, Day = p.Day, Start = p.Start, End = p.End })
            .OrderBy(h => Array.IndexOf(Week, h.Day)).ThenBy(h => h.Start)
            .ToList();
        var stranded = await conflicts.ForWorkingHoursAsync(id, newHours, cancellationToken);
        if (!ConflictConfirmation.AllSeen(stranded, confirmedConflicts))
        {
            return ScheduleChangeResult.Unconfirmed(stranded, practitioner.Name);
        }

        var before = string.Join("; ", Summary(practitioner.WorkingHours));
        db.WorkingHours.RemoveRange(practitioner.WorkingHours);
        db.WorkingHours.AddRange(newHours);
        var after = string.Join("; ", Summary(newHours));
        audit.Record(actor, "working-hours.updated", $"Practitioner {id}", $"{before} → {(after.Length == 0 ? "no hours" : after)}{ConflictConfirmation.Note(stranded)}");
        await db.SaveChangesAsync(cancellationToken);
        return ScheduleChangeResult.Saved(id, practitioner.Name);
    }

    /// <summary>"Mon 09:00–13:00, 14:00–18:00" lines, for the list page and the audit entry.</summary>
    public static IReadOnlyList<string> Summary(IEnumerable<WorkingHours> hours) =>
        hours.GroupBy(h => h.Day)
            .OrderBy(g => Array.IndexOf(Week, g.Key))
            .Select(g => $"{CultureInfo.GetCultureInfo("en-MY").DateTimeFormat.GetAbbreviatedDayName(g.Key)} " +
                         string.Join(", ", g.OrderBy(h => h.Start).Select(h => $"{h.Start:HH\\:mm}–{h.End:HH\\:mm}")))
            .ToList();

    private static string Describe(Practitioner p) => $"{p.Name}, {(p.IsActive ? "active" : "inactive")}";
}
