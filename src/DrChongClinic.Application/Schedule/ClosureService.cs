using System.Globalization;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Schedule;

/// <summary>A day or days without appointments; no practitioner closes the whole clinic.</summary>
public sealed record NewClosure(int? PractitionerId, DateOnly FirstDay, DateOnly LastDay, string Reason);

/// <summary>A closure on the staff list; <paramref name="PractitionerName"/> null for the whole clinic.</summary>
public sealed record ClosureSummary(int Id, string Dates, string? PractitionerName, string Reason);

/// <summary>A holiday from an imported calendar file as staff see it before saving: <paramref name="AlreadyClosed"/> when the
/// whole clinic is already closed on exactly these days (it is then left out), and the bookings it would strand.</summary>
public sealed record HolidayPreview(HolidayEntry Holiday, string Dates, bool AlreadyClosed, IReadOnlyList<ConflictingBooking> Conflicts);

/// <summary>What importing a calendar file would do: the coming holidays, and how many were left out as already over.</summary>
public sealed record HolidayImportPreview(IReadOnlyList<HolidayPreview> Holidays, int Past)
{
    public IReadOnlyList<ConflictingBooking> Conflicts => Holidays.SelectMany(h => h.Conflicts).DistinctBy(c => c.Reference).ToList();

    public int ToCreate => Holidays.Count(h => !h.AlreadyClosed);
}

/// <summary>Days without appointments: public holidays (whole clinic) and leave (one practitioner). Audited.</summary>
public sealed class ClosureService(IClinicDatabase db, AuditLog audit, BookingConflictFinder conflicts, ClinicClock clock)
{
    /// <summary>Adding closures is serialized (across instances too), so the check for the same closure cannot race its save.</summary>
    private const string ClosuresLock = "closures";

    /// <summary>How the audit log names a closure of the whole clinic.</summary>
    private static readonly string WholeClinic = "Whole clinic";

    private static readonly CultureInfo Display = ClinicLanguage.English.Culture;

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

        return await db.SerializedAsync(ClosuresLock, async () =>
        {
            // The same closure sent twice (a double click, two staff at once): the second finds the first and adds nothing.
            var same = await db.Closures.AsNoTracking()
                .Where(c => c.PractitionerId == closure.PractitionerId && c.FirstDay == closure.FirstDay && c.LastDay == closure.LastDay && c.Reason == closure.Reason)
                .Select(c => (int?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (same is { } id)
            {
                return ScheduleChangeResult.Saved(id);
            }

            db.Closures.Add(closure);
            await audit.SaveNewAsync(actor, "closure.created", () => $"Closure {closure.Id}",
                () => $"{Dates(closure)}, {Who(closure, names) ?? WholeClinic}: {closure.Reason}{ConflictConfirmation.Note(stranded)}", cancellationToken);
            return ScheduleChangeResult.Saved(closure.Id);
        }, cancellationToken);
    }

    /// <summary>
    /// What importing these holidays (from <see cref="HolidayCalendarFile"/>) would do: those already over are left out,
    /// as are repeats of the same days in the file; each remaining one with the bookings it would strand.
    /// </summary>
    public async Task<HolidayImportPreview> PreviewHolidaysAsync(IReadOnlyList<HolidayEntry> holidays, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var coming = holidays.Where(h => h.LastDay >= today).DistinctBy(h => (h.FirstDay, h.LastDay)).OrderBy(h => h.FirstDay).ToList();
        var wholeClinic = (await db.Closures.AsNoTracking().Where(c => c.PractitionerId == null && c.LastDay >= today)
                .Select(c => new { c.FirstDay, c.LastDay }).ToListAsync(cancellationToken))
            .Select(c => (c.FirstDay, c.LastDay)).ToHashSet();
        var previews = new List<HolidayPreview>();
        foreach (var holiday in coming)
        {
            var closure = new Closure { FirstDay = holiday.FirstDay, LastDay = holiday.LastDay, Reason = holiday.Name };
            var closed = wholeClinic.Contains((holiday.FirstDay, holiday.LastDay));
            previews.Add(new HolidayPreview(holiday, Dates(closure), closed, closed ? [] : await conflicts.ForClosureAsync(closure, cancellationToken)));
        }

        return new HolidayImportPreview(previews, holidays.Count - coming.Count);
    }

    /// <summary>
    /// Closes the whole clinic on each coming holiday not already closed, one audited closure each, all in one transaction;
    /// refused (with the preview) while any stranded booking is one staff have not seen.
    /// </summary>
    public Task<(HolidayImportPreview Preview, bool Saved)> ImportHolidaysAsync(
        string actor, IReadOnlyList<HolidayEntry> holidays, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken) =>
        // One import at a time: a second confirm of the same file (a double click) then finds every holiday already closed.
        db.SerializedAsync(ClosuresLock, () => ImportAsync(actor, holidays, confirmedConflicts, cancellationToken), cancellationToken);

    private async Task<(HolidayImportPreview Preview, bool Saved)> ImportAsync(
        string actor, IReadOnlyList<HolidayEntry> holidays, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken)
    {
        var preview = await PreviewHolidaysAsync(holidays, cancellationToken);
        if (!ConflictConfirmation.AllSeen(preview.Conflicts, confirmedConflicts))
        {
            return (preview, false);
        }

        var created = preview.Holidays.Where(h => !h.AlreadyClosed)
            .Select(h => (Preview: h, Closure: new Closure { FirstDay = h.Holiday.FirstDay, LastDay = h.Holiday.LastDay, Reason = h.Holiday.Name.Trim() }))
            .ToList();
        if (created.Count == 0)
        {
            return (preview, true);
        }

        db.Closures.AddRange(created.Select(c => c.Closure));
        await audit.SaveNewAsync(actor, "closure.created", () => created.Select(c => (
            $"Closure {c.Closure.Id}",
            $"{Dates(c.Closure)}, {WholeClinic}: {c.Closure.Reason} (imported from a calendar file){ConflictConfirmation.Note(c.Preview.Conflicts)}")), cancellationToken);
        return (preview, true);
    }

    public async Task<ScheduleChangeResult> DeleteAsync(string actor, int id, CancellationToken cancellationToken)
    {
        var closure = await db.Closures.FindAsync([id], cancellationToken);
        if (closure is null)
        {
            // Deleting is idempotent: a closure someone already deleted (its audit entry says so) is "done", not "not found".
            return ScheduleChangeResult.Refused(await WasDeletedAsync(id, cancellationToken) ? ScheduleProblem.AlreadyDeleted : ScheduleProblem.NotFound);
        }

        var names = await PractitionerNamesAsync(cancellationToken);
        db.Closures.Remove(closure);
        audit.Record(actor, "closure.deleted", $"Closure {id}", $"{Dates(closure)}, {Who(closure, names) ?? WholeClinic}: {closure.Reason}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by another request between the look-up and this save (a double click): done all the same.
            return ScheduleChangeResult.Refused(ScheduleProblem.AlreadyDeleted);
        }

        return ScheduleChangeResult.Saved(id);
    }

    private Task<bool> WasDeletedAsync(int id, CancellationToken cancellationToken) =>
        db.AuditEntries.AnyAsync(a => a.Action == "closure.deleted" && a.Subject == $"Closure {id}", cancellationToken);

    private Task<Dictionary<int, string>> PractitionerNamesAsync(CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    private static string Dates(Closure c) =>
        c.FirstDay == c.LastDay ? Day(c.FirstDay) : $"{Day(c.FirstDay)} – {Day(c.LastDay)}";

    private static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", Display);

    private static string? Who(Closure c, Dictionary<int, string> names) =>
        c.PractitionerId is int id ? names.GetValueOrDefault(id, "?") : null;
}
