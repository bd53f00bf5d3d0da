using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Insights;

/// <summary>Bookings, cancellations and no-shows of one group (a week, a treatment or a doctor).</summary>
public sealed record InsightsRow(string Label, int Bookings, int Cancelled, int NoShows);

/// <summary>How long before the appointment it was booked.</summary>
public enum LeadTime
{
    UnderOneDay,
    OneToThreeDays,
    ThreeToSevenDays,
    OneToTwoWeeks,
    TwoToFourWeeks,
    FourWeeksOrMore,
}

public sealed record LeadTimeRow(LeadTime Range, int Bookings);

/// <summary>The owner's figures for one period: every appointment whose start falls in it, whatever became of it.</summary>
public sealed record InsightsReport(
    DateOnly From,
    DateOnly To,
    int Bookings,
    int Cancelled,
    int NoShows,
    int Completed,
    IReadOnlyList<(DateOnly WeekStart, InsightsRow Row)> Weeks,
    IReadOnlyList<InsightsRow> Treatments,
    IReadOnlyList<InsightsRow> Doctors,
    IReadOnlyList<LeadTimeRow> LeadTimes);

/// <summary>Why a period was refused.</summary>
public enum InsightsPeriodProblem
{
    Unreadable,
    ToBeforeFrom,
    TooLong,
    OutOfRange,
}

/// <summary>
/// The clinic owner's figures (admin insights): bookings per week, treatment and doctor, cancellations, no-shows and
/// lead times over a period. Every figure is counted by the database (GROUP BY and conditional counts), so the page
/// stays fast however many appointments there are: only one row per day, treatment or doctor comes back.
/// </summary>
public sealed class ClinicInsights(IClinicDatabase db, ClinicClock clock)
{
    /// <summary>Longest period asked for at once (about two years of weeks).</summary>
    public const int MaxDays = 2 * 366;

    /// <summary>Earliest and latest years a period may touch.</summary>
    public const int MinYear = 2000;

    public DateOnly Today => clock.Today;

    /// <summary>The default period: the last twelve weeks (Monday to Sunday) and the next four.</summary>
    public (DateOnly From, DateOnly To) DefaultPeriod()
    {
        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        return (monday.AddDays(-7 * 11), monday.AddDays(7 * 5 - 1));
    }

    /// <summary>Null when the period may be reported on; otherwise why not.</summary>
    public InsightsPeriodProblem? Check(DateOnly from, DateOnly to) =>
        to < from ? InsightsPeriodProblem.ToBeforeFrom
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? InsightsPeriodProblem.TooLong
        : from.Year < MinYear || to > Today.AddYears(2) ? InsightsPeriodProblem.OutOfRange
        : null;

    public async Task<InsightsReport> ReportAsync(DateOnly from, DateOnly to, ClinicLanguage language, CancellationToken cancellationToken)
    {
        var fromUtc = clock.UtcRange(from).FromUtc;
        var toUtc = clock.UtcRange(to).ToUtc;

        // The clinic's zone (Asia/Kuala_Lumpur) has one offset all year; a zone with daylight saving would put
        // bookings within an hour of midnight on the neighbouring day around its changes.
        var offsetHours = clock.Zone.GetUtcOffset(fromUtc).TotalHours;
        var inPeriod = db.Appointments.AsNoTracking().Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc);

        var days = await inPeriod
            .GroupBy(a => a.StartUtc.AddHours(offsetHours).Date)
            .Select(g => new Counts<DateTime>(
                g.Key,
                g.Count(),
                g.Count(a => a.Status == AppointmentStatus.Cancelled),
                g.Count(a => a.Status == AppointmentStatus.NoShow),
                g.Count(a => a.Status == AppointmentStatus.Completed)))
            .ToListAsync(cancellationToken);
        // One pass for treatments and doctors together (a row per pair), folded below.
        var byPair = await inPeriod
            .GroupBy(a => new { a.TreatmentId, a.PractitionerId })
            .Select(g => new
            {
                g.Key.TreatmentId,
                g.Key.PractitionerId,
                Bookings = g.Count(),
                Cancelled = g.Count(a => a.Status == AppointmentStatus.Cancelled),
                NoShows = g.Count(a => a.Status == AppointmentStatus.NoShow),
            })
            .ToListAsync(cancellationToken);
        var byTreatment = byPair.GroupBy(p => p.TreatmentId)
            .Select(g => new Counts<int>(g.Key, g.Sum(p => p.Bookings), g.Sum(p => p.Cancelled), g.Sum(p => p.NoShows), 0)).ToList();
        var byDoctor = byPair.GroupBy(p => p.PractitionerId)
            .Select(g => new Counts<int>(g.Key, g.Sum(p => p.Bookings), g.Sum(p => p.Cancelled), g.Sum(p => p.NoShows), 0)).ToList();

        // Each appointment falls in the first range its start is within (a CASE in SQL), counted per range.
        var lead = await inPeriod
            .Select(a =>
                a.StartUtc < a.CreatedAtUtc.AddDays(1) ? LeadTime.UnderOneDay
                : a.StartUtc < a.CreatedAtUtc.AddDays(3) ? LeadTime.OneToThreeDays
                : a.StartUtc < a.CreatedAtUtc.AddDays(7) ? LeadTime.ThreeToSevenDays
                : a.StartUtc < a.CreatedAtUtc.AddDays(14) ? LeadTime.OneToTwoWeeks
                : a.StartUtc < a.CreatedAtUtc.AddDays(28) ? LeadTime.TwoToFourWeeks
                : LeadTime.FourWeeksOrMore)
            .GroupBy(range => range)
            .Select(g => new { Range = g.Key, Bookings = g.Count() })
            .ToDictionaryAsync(g => g.Range, g => g.Bookings, cancellationToken);

        var treatmentNames = await db.Treatments.AsNoTracking().Select(t => new { t.Id, t.NameEn, t.NameMs }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var doctorNames = await db.Practitioners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var weeks = new List<(DateOnly, InsightsRow)>();
        var firstMonday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        for (var monday = firstMonday; monday <= to; monday = monday.AddDays(7))
        {
            var sunday = monday.AddDays(6);
            var inWeek = days.Where(d => DateOnly.FromDateTime(d.Key) >= monday && DateOnly.FromDateTime(d.Key) <= sunday).ToList();
            weeks.Add((monday, new InsightsRow(
                ClinicText.ShortDate(monday, language),
                inWeek.Sum(d => d.Bookings),
                inWeek.Sum(d => d.Cancelled),
                inWeek.Sum(d => d.NoShows))));
        }

        return new InsightsReport(
            from,
            to,
            days.Sum(d => d.Bookings),
            days.Sum(d => d.Cancelled),
            days.Sum(d => d.NoShows),
            days.Sum(d => d.Completed),
            weeks,
            byTreatment
                .Select(c => new InsightsRow(treatmentNames.TryGetValue(c.Key, out var t) ? language.Pick(t.NameEn, t.NameMs) : $"#{c.Key}", c.Bookings, c.Cancelled, c.NoShows))
                .OrderByDescending(r => r.Bookings).ThenBy(r => r.Label, StringComparer.Ordinal).ToList(),
            byDoctor
                .Select(c => new InsightsRow(doctorNames.GetValueOrDefault(c.Key, $"#{c.Key}"), c.Bookings, c.Cancelled, c.NoShows))
                .OrderByDescending(r => r.Bookings).ThenBy(r => r.Label, StringComparer.Ordinal).ToList(),
            days.Count == 0 ? [] : Enum.GetValues<LeadTime>().Select(range => new LeadTimeRow(range, lead.GetValueOrDefault(range))).ToList());
    }

    private sealed record Counts<TKey>(TKey Key, int Bookings, int Cancelled, int NoShows, int Completed);
}
