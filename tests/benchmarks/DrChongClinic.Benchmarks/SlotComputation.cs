#if CLINIC_BOOKING
using System.Diagnostics;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Data;
#endif

namespace DrChongClinic.Benchmarks;

/// <summary>
/// The free times of one treatment on every day of the booking horizon, for any doctor, with 1,000 bookings in
/// the diary: the domain's SlotCalculator timed in-process (no database), many runs, median. Each day gets the
/// bookings around it, as SlotFinder gives them; a second figure gives every day all 1,000 (the worst case).
/// Compiled only when the booking work (SlotCalculator.cs) is in the repository.
/// </summary>
public static class SlotComputation
{
    public const double MaximumMedianMs = 5;
    public const int ExistingBookings = 1000;

    public const string Measurement = "Free slots, whole horizon, 1,000 bookings";
    public const string Target = "median < 5 ms";

    public static void Run(ResultTable results)
    {
#if CLINIC_BOOKING
        var policy = new BookingPolicy();
        var zone = policy.ClinicTimeZone();
        var now = DateTime.UtcNow;
        var practitioners = ClinicSeedData.Practitioners(["Dr Sample Doctor A", "Dr Sample Doctor B"]).ToList();
        for (var i = 0; i < practitioners.Count; i++)
        {
            practitioners[i].Id = i + 1;
        }

        var booked = ClinicSeedData.Treatments().Single(t => t.Code == "consultation");
        var wanted = ClinicSeedData.Treatments().Single(t => t.Code == "pico-laser");
        var today = policy.Today(now);
        var last = policy.LastBookableDay(now);
        var busy = ExistingDiary(practitioners, booked, today, last, zone);
        if (busy.Count < ExistingBookings)
        {
            results.NotMeasured(Measurement, Target, $"only {busy.Count} bookings fit the seeded doctors' hours");
            return;
        }

        var nearby = new Dictionary<DateOnly, List<BusyInterval>>();
        for (var date = today; date <= last; date = date.AddDays(1))
        {
            var dayUtc = DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            nearby[date] = busy.Where(b => b.EndUtc > dayUtc.AddDays(-2) && b.StartUtc < dayUtc.AddDays(3)).ToList();
        }

        int Horizon(Func<DateOnly, IReadOnlyList<BusyInterval>> diary)
        {
            var free = 0;
            for (var date = today; date <= last; date = date.AddDays(1))
            {
                free += SlotCalculator.FreeSlots(new SlotQuery(date, wanted.DurationMinutes, wanted.BufferMinutes, practitioners, [], diary(date), now, policy, zone)).Count;
            }

            return free;
        }

        var (median, p95, freeTimes) = Time(() => Horizon(date => nearby[date]), runs: 200);
        var (worstMedian, _, _) = Time(() => Horizon(_ => busy), runs: 50);
        results.Add(
            Measurement,
            $"median {Figures.Ms(median)}, p95 {Figures.Ms(p95)} ({last.DayNumber - today.DayNumber + 1} days, {Figures.Count(freeTimes)} free times)",
            Target,
            median < MaximumMedianMs);
        results.Note($"Slot computation: {wanted.Code} for any of {practitioners.Count} doctors, {busy.Count} {booked.Code} bookings; with all {busy.Count} bookings given to every day the median is {Figures.Ms(worstMedian)}.");
#else
        results.NotMeasured(Measurement, Target, "booking not present");
#endif
    }

#if CLINIC_BOOKING
    /// <summary>1,000 bookings spread over the horizon's working hours, each doctor's times a treatment apart, chosen at random (fixed seed).</summary>
    private static List<BusyInterval> ExistingDiary(List<Practitioner> practitioners, Treatment treatment, DateOnly today, DateOnly last, TimeZoneInfo zone)
    {
        var held = AppointmentSlot.HeldMinutes(treatment.DurationMinutes, treatment.BufferMinutes);
        var possible = new List<BusyInterval>();
        for (var date = today.AddDays(1); date <= last; date = date.AddDays(1))
        {
            foreach (var practitioner in practitioners)
            {
                foreach (var period in practitioner.WorkingHours.Where(h => h.Day == date.DayOfWeek))
                {
                    for (var start = period.Start; start.AddMinutes(held) <= period.End && start.AddMinutes(held) > start; start = start.AddMinutes(held))
                    {
                        if (SlotCalculator.ExactUtc(date.ToDateTime(start), zone) is { } startUtc)
                        {
                            possible.Add(BusyInterval.Of(practitioner.Id, startUtc, treatment.DurationMinutes, treatment.BufferMinutes));
                        }
                    }
                }
            }
        }

        var random = new Random(2026);
        return possible.OrderBy(_ => random.Next()).Take(ExistingBookings).OrderBy(b => b.StartUtc).ToList();
    }

    private static (double Median, double P95, int Result) Time(Func<int> work, int runs)
    {
        var result = 0;
        for (var i = 0; i < 20; i++)
        {
            result = work(); // warm-up: JIT and tiered compilation
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            result = work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (Figures.Median(times), Figures.Percentile(times, 95), result);
    }
#endif
}
