using System.Globalization;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Schedule;

/// <summary>A day or days without appointments; no practitioner closes the whole clinic.</summary>
public sealed record NewClosure(int? PractitionerId, DateOnly FirstDay, DateOnly LastDay, string Reason);

/// <summary>A closure on the staff list; <paramref name="PractitionerName"/> null for the whole clinic.</summary>
public sealed record ClosureSummary(int Id, string Dates, string? PractitionerName, string Reason);

/// <summary>Days without appointments: public holidays (whole clinic) and leave (one practitioner). Audited.</summary>
public sealed class ClosureService(IClinicDatabase db, AuditLog audit, BookingConflictFinder conflicts, ClinicClock clock)
{
    /// <summary>How the audit log names a closure of the whole clinic.</summary>
    private static readonly string WholeClinic = "Whole clinic";

    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-MY");

    /// <summary>Closures that have not ended yet, soonest first.</summary>
    public async Task<IReadOnlyList<ClosureSummary>> UpcomingAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var names = await PractitionerNamesAsync(cancellationToken);
        var closures = await db.Closures.AsNoTracking().Where(c => c.LastDay >= today).OrderBy(c => c.FirstDay).ToListAsync(cancellationToken);
        return closures.Select(c => new ClosureSummary(c.Id, Dates(c), Who(c, names), c.Reason)).ToList();
    }

    /// <summary>For the practitioner drop-down, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> PractitionersAsync(CancellationToken cancellationToken) =>
        (await db.Practitioners.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name)).ToList();

    public async Task<ScheduleChangeResult> CreateAsync(string actor, NewClosure input, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken)
    {
        var names = await PractitionerNamesAsync(cancellationToken);
        if (input.PractitionerId is int practitionerId && !names.ContainsKey(practitionerId))
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.UnknownPractitioner);
        }

        var closure = new Closure { PractitionerId = input.PractitionerId, FirstDay = input.FirstDay, LastDay = input.LastDay, Reason = input.Reason.Trim() };
        var stranded = await conflicts.ForClosureAsync(closure, cancellationToken);
        if (!ConflictConfirmation.AllSeen(stranded, confirmedConflicts))
        {
            return ScheduleChangeResult.Unconfirmed(stranded);
        }

        db.Closures.Add(closure);
        await audit.SaveNewAsync(actor, "closure.created", () => $"Closure {closure.Id}",
            () => $"{Dates(closure)}, {Who(closure, names) ?? WholeClinic}: {closure.Reason}{ConflictConfirmation.Note(stranded)}", cancellationToken);
        return ScheduleChangeResult.Saved(closure.Id);
    }

    public async Task<ScheduleChangeResult> DeleteAsync(string actor, int id, CancellationToken cancellationToken)
    {
        var closure = await db.Closures.FindAsync([id], cancellationToken);
        if (closure is null)
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.NotFound);
        }

        var names = await PractitionerNamesAsync(cancellationToken);
        db.Closures.Remove(closure);
        audit.Record(actor, "closure.deleted", $"Closure {id}", $"{Dates(closure)}, {Who(closure, names) ?? WholeClinic}: {closure.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        return ScheduleChangeResult.Saved(id);
    }

    private Task<Dictionary<int, string>> PractitionerNamesAsync(CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    private static string Dates(Closure c) =>
        c.FirstDay == c.LastDay ? Day(c.FirstDay) : $"{Day(c.FirstDay)} – {Day(c.LastDay)}";

    private static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", Display);

    private static string? Who(Closure c, Dictionary<int, string> names) =>
        c.PractitionerId is int id ? names.GetValueOrDefault(id, "?") : null;
}
