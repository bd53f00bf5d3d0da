using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Web.Areas.Admin.Services;

/// <summary>Finds bookings for the staff list and the CSV export: one query for both, so the export is exactly the filtered list.</summary>
public sealed class BookingSearch(IClinicDatabase db, ClinicClock time)
{
    /// <summary>Most rows one export holds.</summary>
    public const int ExportLimit = 10_000;

    public async Task<(IReadOnlyList<BookingRow> Rows, int Total)> FindAsync(BookingFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        query = filter.SortOrDefault switch
        {
            "time-desc" => query.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id),
            "patient" => query.OrderBy(a => a.Patient.Name).ThenBy(a => a.StartUtc),
            "booked-desc" => query.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id),
            _ => query.OrderBy(a => a.StartUtc).ThenBy(a => a.Id),
        };
        var rows = await (
                from a in query.Skip(skip).Take(take)
                join t in db.Treatments on a.TreatmentId equals t.Id
                join p in db.Practitioners on a.PractitionerId equals p.Id
                select new { a.Id, a.Reference, a.StartUtc, a.Status, a.Patient, Treatment = t.NameEn, Practitioner = p.Name, a.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new BookingRow(
                r.Id, ClinicText.Reference(r.Reference), time.ToLocal(r.StartUtc), r.Status, r.Patient.Name, r.Patient.Email,
                MalaysianMobileNumber.Display(r.Patient.Phone), r.Patient.Language, r.Treatment, r.Practitioner, r.Patient.Notes, time.ToLocal(r.CreatedAtUtc)))
            .ToList(), total);
    }

    private IQueryable<Appointment> Filtered(BookingFilter filter)
    {
        var query = db.Appointments.AsNoTracking();
        if (filter.From is { } from)
        {
            var fromUtc = time.UtcRange(from).FromUtc;
            query = query.Where(a => a.StartUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = time.UtcRange(to).ToUtc;
            query = query.Where(a => a.StartUtc < toUtc);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.Treatment is { } treatment)
        {
            query = query.Where(a => a.TreatmentId == treatment);
        }

        if (filter.Practitioner is { } practitioner)
        {
            query = query.Where(a => a.PractitionerId == practitioner);
        }

        var search = filter.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var reference = BookingReference.Normalize(search);
            var phone = MalaysianMobileNumber.ToE164(search);
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
