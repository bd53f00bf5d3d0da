using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Staff;

/// <summary>One appointment in the calendar (instants in UTC; the page words them in clinic time).</summary>
public sealed record CalendarEntry(int Id, string Reference, DateTime StartUtc, DateTime EndUtc, string Patient, string Treatment, AppointmentStatus Status);

/// <summary>A calendar column: one practitioner (day view) or one clinic date (week view).</summary>
public sealed record CalendarColumnEntries(string? Practitioner, DateOnly? Day, bool IsToday, IReadOnlyList<CalendarEntry> Entries);

/// <summary>
/// The calendar's dates (<paramref name="First"/> to <paramref name="Last"/>), its doctors and its columns;
/// <paramref name="DateIgnored"/> and <paramref name="PractitionerIgnored"/> say that a date or doctor asked for could not be
/// shown (today and every doctor are shown instead).
/// </summary>
public sealed record CalendarData(
    bool Week,
    DateOnly Day,
    DateOnly First,
    DateOnly Last,
    DateOnly Today,
    IReadOnlyList<Choice> Practitioners,
    IReadOnlyList<CalendarColumnEntries> Columns,
    bool DateIgnored = false,
    bool PractitionerIgnored = false);

/// <summary>A day (all doctors side by side) or a week (one doctor, or all) of appointments that are not cancelled.</summary>
public sealed class BookingCalendar(IClinicDatabase db, ClinicClock clock)
{
    public async Task<CalendarData> ShowAsync(bool week, DateOnly? date, int? practitioner, CancellationToken cancellationToken)
    {
        // A date typed into the address bar far outside the clinic's life (0001-01-01) shows today instead of failing
        // on the previous/next week links.
        var today = clock.Today;
        var day = date is { Year: >= 2000 and <= 2200 } asked ? asked : today;
        var first = week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        var last = week ? first.AddDays(6) : day;
        var fromUtc = clock.UtcRange(first).FromUtc;
        var toUtc = clock.UtcRange(last).ToUtc;
        var practitioners = await db.PractitionerChoicesAsync(cancellationToken);
        var practitionerIgnored = practitioner is { } id && !practitioners.Any(p => p.Id == id);
        if (practitionerIgnored)
        {
            practitioner = null; // a doctor that does not exist would show an empty day: every doctor instead
        }

        var malay = ClinicLanguage.Current.IsMalay; // treatment names in the staff area's language
        var rows = await (
                from a in db.Appointments.AsNoTracking()
                where a.StartUtc >= fromUtc && a.StartUtc < toUtc && a.Status != AppointmentStatus.Cancelled
                      && (practitioner == null || a.PractitionerId == practitioner)
                join tr in db.Treatments on a.TreatmentId equals tr.Id
                orderby a.StartUtc
                select new { a.Id, a.Reference, a.StartUtc, a.DurationMinutes, a.Status, a.PractitionerId, a.Patient.Name, Treatment = malay ? tr.NameMs : tr.NameEn })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(r => (
                r.PractitionerId,
                Day: DateOnly.FromDateTime(clock.ToLocal(r.StartUtc)),
                Entry: new CalendarEntry(r.Id, r.Reference, r.StartUtc, r.StartUtc.AddMinutes(r.DurationMinutes), r.Name, r.Treatment, r.Status)))
            .ToList();

        var columns = week
            ? Enumerable.Range(0, 7).Select(first.AddDays).Select(d => new CalendarColumnEntries(
                null, d, d == today, entries.Where(e => e.Day == d).Select(e => e.Entry).ToList()))
            : practitioners.Where(p => practitioner == null || p.Id == practitioner).Select(p => new CalendarColumnEntries(
                p.Name, null, false, entries.Where(e => e.PractitionerId == p.Id).Select(e => e.Entry).ToList()));
        return new CalendarData(week, day, first, last, today, practitioners, columns.ToList(), date is not null && day != date, practitionerIgnored);
    }
}
