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
        var byTreatment = await inPeriod
            .GroupBy(a => a.TreatmentId)
            .Select(g => new Counts<int>(
                g.Key,
                g.Count(),
                g.Count(a => a.Status == AppointmentStatus.Cancelled),
                g.Count(a => a.Status == AppointmentStatus.NoShow),
                0))
            .ToListAsync(cancellationToken);
        var byDoctor = await inPeriod
            .GroupBy(a => a.PractitionerId)
            .Select(g => new Counts<int>(
                g.Key,
                g.Count(),
                g.Count(a => a.Status == AppointmentStatus.Cancelled),
                g.Count(a => a.Status == AppointmentStatus.NoShow),
                0))
            .ToListAsync(cancellationToken);
        var lead = await inPeriod
            .GroupBy(a => 1)
            .Select(g => new
            {
                Day = g.Count(a => a.StartUtc < a.CreatedAtUtc.AddDays(1)),
                Three = g.Count(a => a.StartUtc < a.CreatedAtUtc.AddDays(3)),
                Seven = g.Count(a => a.StartUtc < a.CreatedAtUtc.AddDays(7)),
                Fourteen = g.Count(a => a.StartUtc < a.CreatedAtUtc.AddDays(14)),
                TwentyEight = g.Count(a => a.StartUtc < a.CreatedAtUtc.AddDays(28)),
                All = g.Count(),
            })
            .FirstOrDefaultAsync(cancellationToken);

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
            lead is null ? [] :
            [
                new LeadTimeRow(LeadTime.UnderOneDay, lead.Day),
                new LeadTimeRow(LeadTime.OneToThreeDays, lead.Three - lead.Day),
                new LeadTimeRow(LeadTime.ThreeToSevenDays, lead.Seven - lead.Three),
                new LeadTimeRow(LeadTime.OneToTwoWeeks, lead.Fourteen - lead.Seven),
                new LeadTimeRow(LeadTime.TwoToFourWeeks, lead.TwentyEight - lead.Fourteen),
                new LeadTimeRow(LeadTime.FourWeeksOrMore, lead.All - lead.TwentyEight),
            ]);
    }

    private sealed record Counts<TKey>(TKey Key, int Bookings, int Cancelled, int NoShows, int Completed);
}
