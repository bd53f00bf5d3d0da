using System.Globalization;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Staff;

public enum BookingSort
{
    /// <summary>By appointment time, earliest first.</summary>
    Time,
    TimeDescending,
    Patient,

    /// <summary>Newest booking first.</summary>
    BookedDescending,
}

/// <summary>The staff list's filters (all optional): clinic dates, status, treatment, practitioner, and a name, phone, email or reference.</summary>
public sealed record BookingCriteria(
    DateOnly? From = null,
    DateOnly? To = null,
    AppointmentStatus? Status = null,
    int? TreatmentId = null,
    int? PractitionerId = null,
    string? Search = null,
    BookingSort Sort = BookingSort.Time)
{
    /// <summary>The filters, for the audit entry: the search text itself may be a patient's name, so only its presence is noted.</summary>
    public string Describe() => string.Join(", ", new[]
    {
        From is { } from ? $"from {from:yyyy-MM-dd}" : null,
        To is { } to ? $"to {to:yyyy-MM-dd}" : null,
        Status is { } s ? $"status {s}" : null,
        TreatmentId is { } tr ? $"treatment {tr}" : null,
        PractitionerId is { } p ? $"practitioner {p}" : null,
        string.IsNullOrWhiteSpace(Search) ? null : "search text",
    }.Where(x => x is not null).DefaultIfEmpty("none"));
}

/// <summary>One booking in the list (and in the CSV export), times already in clinic time.</summary>
public sealed record BookingRow(
    int Id,
    string Reference,
    DateTime LocalStart,
    AppointmentStatus Status,
    string Patient,
    string Email,
    string Phone,
    string Language,
    string Treatment,
    string Practitioner,
    string? PatientNotes,
    DateTime LocalBookedAt);

/// <summary>One page of the staff list, with the filters' drop-downs.</summary>
public sealed record BookingList(IReadOnlyList<BookingRow> Rows, int Total, int PageCount, IReadOnlyList<Choice> Treatments, IReadOnlyList<Choice> Practitioners);

/// <summary>The export's cells, a header line first; <paramref name="Day"/> is the clinic date it was made on (for the file name).</summary>
public sealed record BookingExport(IReadOnlyList<IReadOnlyList<string?>> Lines, DateOnly Day);

/// <summary>Finds bookings for the staff list and the CSV export: one query for both, so the export is exactly the filtered list.</summary>
public sealed class BookingSearch(IClinicDatabase db, AuditLog audit, ClinicClock clock)
{
    public const int PageSize = 25;

    /// <summary>Most rows one export holds.</summary>
    public const int ExportLimit = 10_000;

    /// <summary>One page (from 1; a page before the first is the first) of the filtered list.</summary>
    public async Task<BookingList> ListAsync(BookingCriteria criteria, int page, CancellationToken cancellationToken)
    {
        var (rows, total) = await FindAsync(criteria, (Math.Max(1, page) - 1) * PageSize, PageSize, cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        return new BookingList(rows, total, pages, await db.TreatmentChoicesAsync(cancellationToken), await db.PractitionerChoicesAsync(cancellationToken));
    }

    /// <summary>The filtered list for a spreadsheet. Personal data leaves the site: the export is audited.</summary>
    public async Task<BookingExport> ExportAsync(string actor, BookingCriteria criteria, CancellationToken cancellationToken)
    {
        var (rows, total) = await FindAsync(criteria, 0, ExportLimit, cancellationToken);
        IReadOnlyList<string?> header = ["Reference", "Date", "Time", "Status", "Treatment", "Doctor", "Patient", "Email", "Phone", "Language", "Patient notes", "Booked at"];
        var lines = rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Reference,
            r.LocalStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture),
            r.Status.ToString(),
            r.Treatment,
            r.Practitioner,
            r.Patient,
            r.Email,
            r.Phone,
            r.Language,
            r.PatientNotes,
            r.LocalBookedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ]);
        audit.Record(actor, "bookings.exported", "Bookings", $"{rows.Count} of {total} bookings exported; filters: {criteria.Describe()}");
        await db.SaveChangesAsync(cancellationToken);
        return new BookingExport(lines.Prepend(header).ToList(), clock.Today);
    }

    private async Task<(IReadOnlyList<BookingRow> Rows, int Total)> FindAsync(BookingCriteria criteria, int skip, int take, CancellationToken cancellationToken)
    {
        var query = Filtered(criteria);
        var total = await query.CountAsync(cancellationToken);
        query = criteria.Sort switch
        {
            BookingSort.TimeDescending => query.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id),
            BookingSort.Patient => query.OrderBy(a => a.Patient.Name).ThenBy(a => a.StartUtc),
            BookingSort.BookedDescending => query.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id),
            _ => query.OrderBy(a => a.StartUtc).ThenBy(a => a.Id),
        };
        var rows = await (
                from a in query.Skip(skip).Take(take)
                join t in db.Treatments on a.TreatmentId equals t.Id
                join p in db.Practitioners on a.PractitionerId equals p.Id
                select new { a.Id, a.Reference, a.StartUtc, a.Status, a.Patient, Treatment = t.NameEn, Practitioner = p.Name, a.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new BookingRow(
                r.Id, BookingReference.Display(r.Reference), clock.ToLocal(r.StartUtc), r.Status, r.Patient.Name, r.Patient.Email,
                PatientPhone.Display(r.Patient.Phone), r.Patient.Language, r.Treatment, r.Practitioner, r.Patient.Notes, clock.ToLocal(r.CreatedAtUtc)))
            .ToList(), total);
    }

    private IQueryable<Appointment> Filtered(BookingCriteria criteria)
    {
        var query = db.Appointments.AsNoTracking();
        if (criteria.From is { } from)
        {
            var fromUtc = clock.UtcRange(from).FromUtc;
            query = query.Where(a => a.StartUtc >= fromUtc);
        }

        if (criteria.To is { } to)
        {
            var toUtc = clock.UtcRange(to).ToUtc;
            query = query.Where(a => a.StartUtc < toUtc);
        }

        if (criteria.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (criteria.TreatmentId is { } treatment)
        {
            query = query.Where(a => a.TreatmentId == treatment);
        }

        if (criteria.PractitionerId is { } practitioner)
        {
            query = query.Where(a => a.PractitionerId == practitioner);
        }

        var search = criteria.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var reference = BookingReference.Normalize(search);
            var phone = PatientPhone.ToE164(search);
            var like = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(a =>
                a.Reference == reference ||
                EF.Functions.Like(a.Patient.Name, like, "\\") ||
                EF.Functions.Like(a.Patient.Email, like, "\\") ||
                (phone != null && a.Patient.Phone == phone));
        }

        return query;
    }
}
