using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Booking;

/// <summary>A booking a schedule change would strand, as staff see it in the warning.</summary>
public sealed record ConflictingBooking(string Reference, string When, string Treatment, string Practitioner);

/// <summary>
/// Finds the active bookings (requested or confirmed, not yet over) that a schedule change would
/// strand, straight from the Appointments table; the rules themselves are in <see cref="ScheduleConflicts"/>.
/// </summary>
public sealed class BookingConflictFinder(IClinicDatabase db, ClinicClock time)
{
    public async Task<IReadOnlyList<ConflictingBooking>> ForClosureAsync(Closure closure, CancellationToken cancellationToken)
    {
        var (fromUtc, _) = time.UtcRange(closure.FirstDay.AddDays(-1));
        var (_, toUtc) = time.UtcRange(closure.LastDay.AddDays(1));
        var bookings = await ActiveAsync(
            a => (closure.PractitionerId == null || a.PractitionerId == closure.PractitionerId) && a.StartUtc >= fromUtc && a.StartUtc < toUtc,
            cancellationToken);
        return await DescribeAsync(ScheduleConflicts.ClosedBy(closure, bookings, time.Zone), cancellationToken);
    }

    public async Task<IReadOnlyList<ConflictingBooking>> ForWorkingHoursAsync(int practitionerId, IReadOnlyCollection<WorkingHours> newHours, CancellationToken cancellationToken)
    {
        var bookings = await ActiveAsync(a => a.PractitionerId == practitionerId, cancellationToken);
        return await DescribeAsync(ScheduleConflicts.OutsideHours(practitionerId, newHours, bookings, time.Zone), cancellationToken);
    }

    /// <summary>Every coming booking with this practitioner (when they are made inactive).</summary>
    public async Task<IReadOnlyList<ConflictingBooking>> ForPractitionerAsync(int practitionerId, CancellationToken cancellationToken) =>
        await DescribeAsync(await ActiveAsync(a => a.PractitionerId == practitionerId, cancellationToken), cancellationToken);

    /// <summary>Every coming booking for this treatment (when it is made inactive).</summary>
    public async Task<IReadOnlyList<ConflictingBooking>> ForTreatmentAsync(int treatmentId, CancellationToken cancellationToken) =>
        await DescribeAsync(await ActiveAsync(a => a.TreatmentId == treatmentId, cancellationToken), cancellationToken);

    private async Task<List<BookedTime>> ActiveAsync(System.Linq.Expressions.Expression<Func<Appointment, bool>> filter, CancellationToken cancellationToken)
    {
        var now = time.UtcNow;
        // A day's margin: an appointment that started before now may still be running.
        var since = now.AddDays(-1);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed)
            .Where(a => a.StartUtc >= since)
            .Where(filter)
            .Select(a => new { a.Reference, a.PractitionerId, a.TreatmentId, a.StartUtc, a.DurationMinutes })
            .ToListAsync(cancellationToken);
        return rows
            .Select(a => new BookedTime(a.Reference, a.PractitionerId, a.TreatmentId, a.StartUtc, a.StartUtc.AddMinutes(a.DurationMinutes)))
            .Where(b => b.EndUtc > now)
            .OrderBy(b => b.StartUtc)
            .ToList();
    }

    private async Task<IReadOnlyList<ConflictingBooking>> DescribeAsync(IReadOnlyList<BookedTime> bookings, CancellationToken cancellationToken)
    {
        if (bookings.Count == 0)
        {
            return [];
        }

        var treatments = await db.Treatments.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.NameEn, cancellationToken);
        var practitioners = await db.Practitioners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return bookings
            .Select(b => new ConflictingBooking(
                b.Reference,
                ClinicText.StaffDateTime(time.ToLocal(b.StartUtc)),
                treatments.GetValueOrDefault(b.TreatmentId, "?"),
                practitioners.GetValueOrDefault(b.PractitionerId, "?")))
            .ToList();
    }
}
