using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Schedule;

/// <summary>A treatment as staff edit it (the code is set once, at creation).</summary>
public sealed record TreatmentDetails(
    string NameEn,
    string NameMs,
    int DurationMinutes,
    int BufferMinutes,
    bool IsActive,
    int SortOrder,
    decimal? Price = null,
    bool PriceIsFrom = false,
    string? IncludedEn = null,
    string? IncludedMs = null,
    int? CourseSessions = null,
    int? CourseMinWeeks = null,
    int? CourseMaxWeeks = null)
{
    public static TreatmentDetails From(Treatment t) =>
        new(t.NameEn, t.NameMs, t.DurationMinutes, t.BufferMinutes, t.IsActive, t.SortOrder, t.Price, t.PriceIsFrom, t.IncludedEn, t.IncludedMs,
            t.CourseSessions, t.CourseMinWeeks, t.CourseMaxWeeks);

    public void ApplyTo(Treatment t)
    {
        t.NameEn = NameEn.Trim();
        t.NameMs = NameMs.Trim();
        t.DurationMinutes = DurationMinutes;
        t.BufferMinutes = BufferMinutes;
        t.IsActive = IsActive;
        t.SortOrder = SortOrder;
        if (Price is < 0 or > Treatment.MaxPrice)
        {
            throw new InvalidOperationException($"A price is between 0 and {Treatment.MaxPrice} ringgit (the form validator checks this first).");
        }

        t.Price = Price is { } price ? decimal.Round(price, 2) : null;
        t.PriceIsFrom = Price is not null && PriceIsFrom;
        t.IncludedEn = string.IsNullOrWhiteSpace(IncludedEn) ? null : IncludedEn.Trim();
        t.IncludedMs = string.IsNullOrWhiteSpace(IncludedMs) ? null : IncludedMs.Trim();
        if (Domain.Courses.CoursePlan.Problem(CourseSessions, CourseMinWeeks, CourseMaxWeeks) is { } courseProblem)
        {
            throw new InvalidOperationException($"The course settings are not valid ({courseProblem}); the form validator checks this first.");
        }

        t.CourseSessions = CourseSessions;
        t.CourseMinWeeks = CourseMinWeeks;
        t.CourseMaxWeeks = CourseMaxWeeks;
    }

    public string Describe() =>
        $"{NameEn.Trim()} / {NameMs.Trim()}, {DurationMinutes} min + {BufferMinutes} min buffer, {(IsActive ? "active" : "inactive")}, order {SortOrder}, " +
        $"price {(Price is { } price ? $"{(PriceIsFrom ? "from " : "")}RM {price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}" : "not published")}, " +
        $"course {(CourseSessions is { } n ? $"{n} sessions, {CourseMinWeeks}-{CourseMaxWeeks} weeks apart" : "none")}";
}

/// <summary>The treatments patients can book: create, edit, deactivate (warning about the bookings it strands). Audited.</summary>
public sealed class TreatmentService(IClinicDatabase db, AuditLog audit, BookingConflictFinder conflicts)
{
    public Task<List<Treatment>> AllAsync(CancellationToken cancellationToken) =>
        db.Treatments.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.NameEn).ToListAsync(cancellationToken);

    public async Task<int> NextSortOrderAsync(CancellationToken cancellationToken) =>
        await db.Treatments.MaxAsync(x => (int?)x.SortOrder, cancellationToken) + 1 ?? 1;

    public async Task<Treatment?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Treatments.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<ScheduleChangeResult> CreateAsync(string actor, string code, TreatmentDetails details, CancellationToken cancellationToken)
    {
        if (await db.Treatments.AnyAsync(x => x.Code == code, cancellationToken))
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.CodeTaken);
        }

        var treatment = new Treatment { Code = code, NameEn = "", NameMs = "" };
        details.ApplyTo(treatment);
        db.Treatments.Add(treatment);
        try
        {
            await audit.SaveNewAsync(actor, "treatment.created", () => $"Treatment {treatment.Id}", () => $"{treatment.Code}: {details.Describe()}", cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsDuplicate(e))
        {
            // Another request saved the same code between the check above and this save (a double click, or a colleague).
            return ScheduleChangeResult.Refused(ScheduleProblem.CodeTaken);
        }

        return ScheduleChangeResult.Saved(treatment.Id, treatment.NameEn);
    }

    /// <summary>Edits of treatments run one at a time (<see cref="IClinicDatabase.SerializedAsync{T}"/>).</summary>
    private const string TreatmentsLock = "treatments";

    /// <summary>The stamp an edit page carries for this treatment (<see cref="EditStamp"/>).</summary>
    public static string Stamp(Treatment treatment) => EditStamp.Of(TreatmentDetails.From(treatment));

    /// <summary>
    /// Saves the edit if the treatment still holds what the page showed (<paramref name="shown"/>, its <see cref="Stamp"/>);
    /// otherwise <see cref="ScheduleProblem.ChangedMeanwhile"/>. Edits of treatments run one at a time.
    /// </summary>
    public Task<ScheduleChangeResult> UpdateAsync(
        string actor, int id, string? shown, TreatmentDetails details, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken) =>
        db.SerializedAsync(TreatmentsLock, () => UpdateCheckedAsync(actor, id, shown, details, confirmedConflicts, cancellationToken), cancellationToken);

    private async Task<ScheduleChangeResult> UpdateCheckedAsync(
        string actor, int id, string? shown, TreatmentDetails details, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken)
    {
        var treatment = await db.Treatments.FindAsync([id], cancellationToken);
        if (treatment is null)
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.NotFound);
        }

        if (!EditStamp.Matches(shown, TreatmentDetails.From(treatment)))
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.ChangedMeanwhile);
        }

        IReadOnlyList<ConflictingBooking> stranded = treatment.IsActive && !details.IsActive ? await conflicts.ForTreatmentAsync(id, cancellationToken) : [];
        if (!ConflictConfirmation.AllSeen(stranded, confirmedConflicts))
        {
            return ScheduleChangeResult.Unconfirmed(stranded);
        }

        var before = TreatmentDetails.From(treatment).Describe();
        details.ApplyTo(treatment);
        audit.Record(actor, "treatment.updated", $"Treatment {id}", $"{before} → {details.Describe()}{ConflictConfirmation.Note(stranded)}");
        await db.SaveChangesAsync(cancellationToken);
        return ScheduleChangeResult.Saved(id, treatment.NameEn);
    }
}
