using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>What a fresh database holds: the clinic's treatments, doctors and weekly hours.</summary>
public static class ClinicSeedData
{
    public static IReadOnlyList<Treatment> Treatments() =>
    [
        new() { Code = "consultation", NameEn = "Scar consultation", NameMs = "Konsultasi parut", DurationMinutes = 30, BufferMinutes = 0, SortOrder = 1 },
        new() { Code = "pico-laser", NameEn = "Pico laser", NameMs = "Laser pico", DurationMinutes = 45, BufferMinutes = 15, SortOrder = 2 },
        new() { Code = "fractional-co2-laser", NameEn = "Fractional CO2 laser", NameMs = "Laser CO2 fraksional", DurationMinutes = 60, BufferMinutes = 30, SortOrder = 3 },
        new() { Code = "microneedling-prp", NameEn = "Microneedling with PRP", NameMs = "Microneedling dengan PRP", DurationMinutes = 60, BufferMinutes = 15, SortOrder = 4 },
        new() { Code = "chemical-peel", NameEn = "Chemical peel", NameMs = "Pengelupasan kimia", DurationMinutes = 30, BufferMinutes = 15, SortOrder = 5 },
        new() { Code = "dermal-filler", NameEn = "Dermal filler", NameMs = "Pengisi dermal", DurationMinutes = 30, BufferMinutes = 15, SortOrder = 6 },
        new() { Code = "subcision", NameEn = "Subcision", NameMs = "Subsisi", DurationMinutes = 45, BufferMinutes = 15, SortOrder = 7 },
    ];

    /// <summary>
    /// Doctors named in settings (Database:SeedDoctors), with the clinic's usual hours. Names and hours only:
    /// registration numbers, LCP, gender, languages, biographies and photos are facts staff enter on the doctors pages.
    /// </summary>
    public static IReadOnlyList<Practitioner> Practitioners(IEnumerable<string> names)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var practitioners = new List<Practitioner>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var slug = PractitionerSlug.Unique(PractitionerSlug.From(name), taken.Contains);
            taken.Add(slug);
            practitioners.Add(new Practitioner { Name = name, Slug = slug, WorkingHours = ClinicWeek() });
        }

        return practitioners;
    }

    /// <summary>Mon–Fri 09:00–13:00 and 14:00–18:00 (lunch break), Sat 09:00–13:00.</summary>
    private static List<WorkingHours> ClinicWeek()
    {
        var hours = new List<WorkingHours>();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            hours.Add(new WorkingHours { Day = day, Start = new TimeOnly(9, 0), End = new TimeOnly(13, 0) });
            hours.Add(new WorkingHours { Day = day, Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) });
        }

        hours.Add(new WorkingHours { Day = DayOfWeek.Saturday, Start = new TimeOnly(9, 0), End = new TimeOnly(13, 0) });
        return hours;
    }
}
