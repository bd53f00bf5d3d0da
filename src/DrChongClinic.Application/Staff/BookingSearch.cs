using System.Globalization;
using System.Runtime.CompilerServices;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
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
    /// <summary>Whether anything besides the search text narrows the list (dates, status, treatment, doctor).</summary>
    public bool HasFilters => From is not null || To is not null || Status is not null || TreatmentId is not null || PractitionerId is not null;

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

/// <summary>One page of the staff list (<paramref name="Page"/> is the page shown, from 1), with the filters' drop-downs.</summary>
public sealed record BookingList(IReadOnlyList<BookingRow> Rows, int Total, int Page, int PageCount, IReadOnlyList<Choice> Treatments, IReadOnlyList<Choice> Practitioners);

/// <summary>
/// The export: how many bookings it holds, the clinic date it was made on (for the file name), and its cells, a header
/// line first, read from the database while they are written out.
/// </summary>
public sealed record BookingExport(int Count, DateOnly Day, IAsyncEnumerable<IReadOnlyList<string?>> Lines);

/// <summary>Finds bookings for the staff list and the CSV export: one query for both, so the export is exactly the filtered list.</summary>
public sealed class BookingSearch(IClinicDatabase db, AuditLog audit, ClinicClock clock)
{
    public const int PageSize = 25;

    /// <summary>
    /// One page (from 1) of the filtered list: a page before the first is the first and one after the last is the last,
    /// so any page number in an address shows rows that exist and the offset cannot overflow (page 999999999 times 25
    /// did, to a negative number that SQLite read as 0 and SQL Server refuses).
    /// </summary>
    public async Task<BookingList> ListAsync(BookingCriteria criteria, int page, CancellationToken cancellationToken)
    {
        var (query, found) = await FilteredAsync(criteria, cancellationToken);
        var total = found ?? await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page, 1, pages);
        var rows = await Rows(Sorted(query, criteria.Sort).Skip((shown - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return new BookingList(rows, total, shown, pages, await db.TreatmentChoicesAsync(cancellationToken), await db.PractitionerChoicesAsync(cancellationToken));
    }

    /// <summary>
    /// Every booking of the filtered list, for a spreadsheet. Personal data leaves the site: the export is audited, with
    /// how many bookings it holds, before the first row is read. The rows are read as they are written out, so an export of
    /// years of bookings takes no more memory than a short one.
    /// </summary>
    public async Task<BookingExport> ExportAsync(string actor, BookingCriteria criteria, CancellationToken cancellationToken)
    {
        var (query, found) = await FilteredAsync(criteria, cancellationToken);
        var total = found ?? await query.CountAsync(cancellationToken);
        audit.Record(actor, "bookings.exported", "Bookings", $"{total} bookings exported; filters: {criteria.Describe()}");
        await db.SaveChangesAsync(cancellationToken);
        return new BookingExport(total, clock.Today, ExportLines(Rows(Sorted(query, criteria.Sort)), cancellationToken));
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> ExportLines(
        IAsyncEnumerable<BookingRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return ["Reference", "Date", "Time", "Status", "Treatment", "Doctor", "Patient", "Email", "Phone", "Language", "Patient notes", "Booked at"];
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return
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
            ];
        }
    }

    private static IQueryable<Appointment> Sorted(IQueryable<Appointment> query, BookingSort sort) => sort switch
    {
        BookingSort.TimeDescending => query.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id),
        BookingSort.Patient => query.OrderBy(a => a.Patient.Name).ThenBy(a => a.StartUtc),
        BookingSort.BookedDescending => query.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id),
        _ => query.OrderBy(a => a.StartUtc).ThenBy(a => a.Id),
    };

    /// <summary>The rows of a sorted query with their treatment and doctor names, read one by one.</summary>
    private async IAsyncEnumerable<BookingRow> Rows(IQueryable<Appointment> sorted)
    {
        var malay = ClinicLanguage.Current.IsMalay; // treatment names in the staff area's language
        var rows = (
                from a in sorted
                join t in db.Treatments on a.TreatmentId equals t.Id
                join p in db.Practitioners on a.PractitionerId equals p.Id
                select new { a.Id, a.Reference, a.StartUtc, a.Status, a.Patient, Treatment = malay ? t.NameMs : t.NameEn, Practitioner = p.Name, a.CreatedAtUtc })
            .AsAsyncEnumerable();
        // Writing a phone number for people (libphonenumber: parse, check, format) costs far more than the rest of a row,
        // and a patient who comes back has the same number on each booking: each number is written once per list or export.
        var phones = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var r in rows)
        {
            yield return new BookingRow(
                r.Id, BookingReference.Display(r.Reference), clock.ToLocal(r.StartUtc), r.Status, r.Patient.Name, r.Patient.Email ?? "",
                PhoneOf(phones, r.Patient.Phone), r.Patient.Language, r.Treatment, r.Practitioner, r.Patient.Notes, clock.ToLocal(r.CreatedAtUtc));
        }
    }

    /// <summary>At most this many numbers are remembered during one export, so its memory stays bounded however long it is.</summary>
    private const int PhonesRemembered = 10_000;

    private static string PhoneOf(Dictionary<string, string> phones, string stored)
    {
        if (stored.Length == 0)
        {
            return ""; // anonymised
        }

        if (phones.TryGetValue(stored, out var shown))
        {
            return shown;
        }

        shown = PatientPhone.Display(stored);
        if (phones.Count < PhonesRemembered)
        {
            phones[stored] = shown;
        }

        return shown;
    }

    /// <summary>The filtered bookings, and how many there are when a text search has already found them all.</summary>
    private async Task<(IQueryable<Appointment> Query, int? Count)> FilteredAsync(BookingCriteria criteria, CancellationToken cancellationToken)
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
        if (string.IsNullOrEmpty(search))
        {
            return (query, null);
        }

        // A booking reference finds that booking (anonymised or not): one look-up in its unique index.
        var reference = BookingReference.Normalize(search);
        if (reference.Length == BookingReference.Length && await db.Appointments.AnyAsync(a => a.Reference == reference, cancellationToken))
        {
            return (query.Where(a => a.Reference == reference), null);
        }

        // A name, e-mail or phone is looked for only among bookings that still hold personal data. Three characters or
        // more are looked up in the database's full-text index when it has one (SQLite), so a search reads the bookings it
        // finds, not every booking; shorter text, and SQL Server, compare with LIKE over the filtered index
        // IX_Appointments_PatientSearch. The matching ids (with the other filters) are read once: their number is the
        // list's count, and the page is taken over that list (one JSON parameter), found by primary key. Put as one query
        // with ORDER BY, SQLite would rather walk the time index from the oldest booking and read every anonymised year.
        var holders = query.Where(a => a.Patient.Name != Appointment.AnonymizedName);
        var indexed = db.PatientTextMatches(search);
        var like = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var phone = PatientPhone.ToE164(search);
        // The index holds only bookings that still hold personal data (its triggers leave anonymised ones out), so with no
        // other filter and no phone number its own ids are the answer, without reading the bookings.
        var matches = indexed is not null && phone is null && !criteria.HasFilters
            ? indexed
            : (indexed is null
                ? holders.Where(a => EF.Functions.Like(a.Patient.Name, like, "\\") || EF.Functions.Like(a.Patient.Email, like, "\\") || a.Patient.Phone == phone)
                : holders.Where(a => indexed.Contains(a.Id) || a.Patient.Phone == phone))
            .Select(a => a.Id);
        var ids = await matches.ToListAsync(cancellationToken);
        return (db.Appointments.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.Id)), ids.Count);
    }
}
