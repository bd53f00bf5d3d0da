using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// Booking submissions through the real form (anti-forgery token and cookie included), each for a different free
/// time. First at the target rate for a while (a new booking every 10 ms whether or not earlier ones have finished,
/// latency counted from when each was due), then as fast as 16 clients can for a few seconds; then how long the
/// outbox takes to send the emails they queued. Extra doctors working 08:00-20:00 daily are added first so there
/// are enough free times for the whole run.
/// </summary>
public static class BookingSubmission
{
    public const double MinimumPerSecond = 100;
    public const double MaximumP99Ms = 25;
    public static readonly TimeSpan MaximumDrain = TimeSpan.FromSeconds(30);

    public const string Treatment = "consultation";
    public const int ExtraDoctors = 6;

    /// <summary>
    /// Seconds of booking at the target rate before the measured run, not counted. A site that has just started runs
    /// the booking path as quickly compiled code and recompiles it optimised once it has run 30 times (tiered
    /// compilation); on 2 cores that recompilation competes with the bookings. Twenty warm-up bookings left it
    /// happening inside the measured run (docs/performance.md: 50-1,050 methods compiled a second during it). The
    /// first requests after a start are the start-up row's business; this step measures a site that has been running.
    /// After the warm-up the step waits until the outbox has sent its emails: the outbox's first pass after a start
    /// compiles the whole email path (MimeKit, the composer, its queries), measured at up to 700 ms of JIT a second,
    /// and when that fell inside the measured seconds the slowest bookings (40-65 ms) were exactly then.
    /// </summary>
    public const int WarmUpSeconds = 3;

    /// <summary>Seconds of booking as fast as possible, after the paced run.</summary>
    public const int SaturationSeconds = 5;

    private static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");

    private static readonly string[] Measurements =
    [
        $"Booking submission: {MinimumPerSecond} per s sustained",
        $"Booking submission: p99 latency at {MinimumPerSecond} per s",
        "Booking submission: most per second",
        "Booking submission: outbox keeps up",
    ];

    private static readonly string[] TargetTexts =
    [
        "all booked, on time",
        $"< {MaximumP99Ms} ms",
        $">= {MinimumPerSecond} per s",
        $"drained <= {MaximumDrain.TotalSeconds} s after",
    ];

    /// <summary>What the page said to the first refused booking, to explain a failure.</summary>
    private static string? _firstRefusal;

    /// <summary>True when the site has a booking page (GET /book answers 200).</summary>
    public static async Task<bool> IsPresentAsync(SiteProcess site)
    {
        using var client = site.CreateClient();
        return (await client.GetAsync("/book")).StatusCode == HttpStatusCode.OK;
    }

    public static void NotPresent(ResultTable results) => NotMeasured(results, "booking not present");

    public static async Task RunAsync(SiteProcess site, BenchmarkOptions options, ResultTable results)
    {
        var (treatmentMinutes, slots) = await PrepareAsync(site);
        using var client = site.CreateClient(connections: 256);
        var form = await ReadFormAsync(client, slots.First());
        if (form is null)
        {
            NotMeasured(results, "the booking form was not recognised (see BookingSubmission.cs)");
            return;
        }

        // The listener to the site's GC events starts before the warm-up: connecting to the runtime and reading the first
        // events compiles TraceEvent's parsers in this process, on the same 2 cores as the site, and that belongs outside
        // the measured seconds (docs/performance.md, eighteenth pass). Only the pauses inside the measured run count.
        var pauses = SitePauses.Start(site.ProcessId, out var pausesProblem);
        var queue = new ConcurrentQueue<FreeTime>(slots);
        await PacedAsync(client, form, queue, WarmUpSeconds);
        await WaitForOutboxAsync(site, TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the compiler's background queue empties

        var outboxPeak = 0;
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                outboxPeak = Math.Max(outboxPeak, await PendingEmailsAsync(site));
                await Task.Delay(500, CancellationToken.None);
            }
        });

        var runner = RunnerCollections.Now();
        var paced = await PacedAsync(client, form, queue, options.BookingSeconds);
        var runnerDuring = RunnerCollections.Now() - runner;
        var fastest = await SaturatedAsync(client, form, queue, options.BookingWorkers);
        var gcPauses = pauses is null ? null : await pauses.StopAsync();
        var loadEnded = Stopwatch.StartNew();
        var drained = await WaitForOutboxAsync(site, TimeSpan.FromSeconds(90));
        var drainTime = loadEnded.Elapsed;
        await stopSampling.CancelAsync();
        await sampler;

        var due = (int)(MinimumPerSecond * options.BookingSeconds);
        var onTime = paced.Booked == due && paced.Elapsed.TotalSeconds <= options.BookingSeconds + 1;
        results.Add(
            Measurements[0],
            $"{Figures.Count(paced.Booked)} of {Figures.Count(due)} booked in {paced.Elapsed.TotalSeconds:0.0} s{paced.RefusedText}",
            TargetTexts[0],
            onTime);
        results.Add(Measurements[1], $"{Figures.Ms(paced.P99Ms)} (median {Figures.Ms(paced.MedianMs)})", TargetTexts[1], paced.P99Ms < MaximumP99Ms);
        var fastestRate = fastest.Booked / fastest.Elapsed.TotalSeconds;
        results.Add(
            Measurements[2],
            $"{fastestRate:0} per s with {options.BookingWorkers} at once for {SaturationSeconds} s (p99 {Figures.Ms(fastest.P99Ms)}){fastest.RefusedText}",
            TargetTexts[2],
            fastestRate >= MinimumPerSecond && fastest.Refused == 0);
        var emailsSent = await SentEmailsAsync(site);
        results.Add(
            Measurements[3],
            drained
                ? $"peak {outboxPeak} waiting; all sent {drainTime.TotalSeconds:0.0} s after the last booking ({Figures.Count(emailsSent)} sent)"
                : $"still {await PendingEmailsAsync(site)} waiting {drainTime.TotalSeconds:0} s after the last booking",
            TargetTexts[3],
            drained && drainTime <= MaximumDrain);
        if (_firstRefusal is not null)
        {
            results.Note("First refused booking: " + _firstRefusal);
        }

        NoteSlowest(results, site, paced, gcPauses, pausesProblem);
        results.Note($"The benchmark's own process during the {MinimumPerSecond} per s phase (it sends the bookings from the same 2 cores, and " +
            $"a request it sends late counts as latency): {runnerDuring.Collections} collections, {Figures.Ms(runnerDuring.Paused.TotalMilliseconds)} paused in all.");

        results.Note($"Bookings: {Treatment} ({treatmentMinutes} min held) with a chosen doctor, {ExtraDoctors} extra doctors seeded for free times; the outbox polls every Email:PollInterval (10 s by default) and writes .eml files.");
    }

    /// <summary>
    /// The slowest bookings of the paced phase, each with the garbage collections that stopped the site while it ran
    /// and the emails the outbox sent meanwhile, and the phase's collections in all.
    /// </summary>
    private static void NoteSlowest(ResultTable results, SiteProcess site, Run paced, IReadOnlyList<GcPause>? pauses, string? pausesProblem)
    {
        var slowest = paced.SlowestRequests(8);
        var phaseEnd = paced.StartedUtc + paced.Elapsed;
        var sent = SitePauses.EmailsSent(site.LogPath, paced.StartedUtc, phaseEnd.AddSeconds(1));
        var checkpoints = SitePauses.Checkpoints(site.LogPath, paced.StartedUtc, phaseEnd.AddSeconds(1));
        var inPhase = pauses?.Where(p => p.EndUtc >= paced.StartedUtc && p.StartUtc <= phaseEnd).ToList();
        List<GcPause> PausesDuring((DateTime DueUtc, double Ms) r) =>
            inPhase?.Where(p => p.StartUtc < r.DueUtc.AddMilliseconds(r.Ms) && p.EndUtc > r.DueUtc).ToList() ?? [];
        var described = slowest.Select(r =>
        {
            var during = new List<string>();
            var overlapping = PausesDuring(r);
            if (overlapping.Count > 0)
            {
                during.Add(string.Join(" + ", overlapping.Select(p => $"{p.Kind} {Figures.Ms(p.Ms)}")));
            }

            if (checkpoints.Any(c => c.StartUtc < r.DueUtc.AddMilliseconds(r.Ms) && c.StartUtc.AddMilliseconds(c.Ms) > r.DueUtc))
            {
                during.Add("SQLite checkpoint");
            }

            var emails = sent.Count(at => at >= r.DueUtc && at <= r.DueUtc.AddMilliseconds(r.Ms));
            if (emails > 0)
            {
                during.Add($"{emails} email{(emails == 1 ? "" : "s")} sent");
            }

            return $"{Figures.Ms(r.Ms)} at {r.DueUtc:HH:mm:ss.fff}{(during.Count == 0 ? "" : $" ({string.Join("; ", during)})")}";
        });
        results.Note($"Slowest booking of each second at {MinimumPerSecond} per s: {string.Join(", ", paced.SlowestBySecond().Select(Figures.Ms))}.");
        if (paced.DispatchLateness is { } late)
        {
            results.Note($"The benchmark's own lateness in sending at {MinimumPerSecond} per s (counted in the latency): median {Figures.Ms(late.Median)}, p99 {Figures.Ms(late.P99)}, most {Figures.Ms(late.Most)}.");
        }
        results.Note($"Slowest bookings at {MinimumPerSecond} per s (UTC, compare with site.log; the phase ran {paced.StartedUtc:HH:mm:ss.fff}-{phaseEnd:HH:mm:ss.fff}), with what the site did while each ran: {string.Join(", ", described)}.");

        results.Note($"SQLite checkpoints during the {MinimumPerSecond} per s phase (in the background every 10 s): " +
            (checkpoints.Count == 0 ? "none." : string.Join(", ", checkpoints.Select(c => $"{c.StartUtc:HH:mm:ss.fff} for {Figures.Ms(c.Ms)}, {Figures.Count(c.LogPages)} pages in the log")) + "."));

        if (inPhase is null)
        {
            results.Note($"GC pauses during the {MinimumPerSecond} per s phase: not recorded ({pausesProblem}).");
            return;
        }

        var longest = inPhase.MaxBy(p => p.Ms);
        var byGeneration = string.Join(", ", inPhase.GroupBy(p => p.Generation).OrderBy(g => g.Key).Select(g => $"{g.First().Kind} {g.Count()}"));
        results.Note(
            $"GC pauses during the {MinimumPerSecond} per s phase (the runtime's own events): {inPhase.Count} ({byGeneration}), " +
            $"{Figures.Ms(inPhase.Sum(p => p.Ms))} in all, longest {(longest is null ? "-" : $"{Figures.Ms(longest.Ms)} ({longest.Kind})")}; " +
            $"{slowest.Count(r => PausesDuring(r).Count > 0)} of the {slowest.Count} slowest bookings were running when one began or ended; {sent.Count} emails sent in the phase.");
    }

    private static void NotMeasured(ResultTable results, string why)
    {
        for (var i = 0; i < Measurements.Length; i++)
        {
            results.NotMeasured(Measurements[i], TargetTexts[i], why);
        }
    }

    /// <summary>A booking every 1/rate seconds, each started when due even if earlier ones are still running.</summary>
    private static async Task<Run> PacedAsync(HttpClient client, Dictionary<string, string> form, ConcurrentQueue<FreeTime> queue, int seconds)
    {
        var run = new Run();
        var interval = TimeSpan.FromSeconds(1 / MinimumPerSecond);
        var start = Stopwatch.GetTimestamp();
        var bookings = new List<Task>();
        for (var i = 0; i < MinimumPerSecond * seconds && queue.TryDequeue(out var slot); i++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            run.NoteDispatch(Stopwatch.GetElapsedTime(start) - due);
            bookings.Add(run.SubmitAsync(client, form, slot, start, due));
        }

        await Task.WhenAll(bookings);
        run.Elapsed = Stopwatch.GetElapsedTime(start);
        return run;
    }

    /// <summary>As many bookings as <paramref name="workers"/> clients can make, each starting the next when one is done.</summary>
    private static async Task<Run> SaturatedAsync(HttpClient client, Dictionary<string, string> form, ConcurrentQueue<FreeTime> queue, int workers)
    {
        var run = new Run();
        var start = Stopwatch.GetTimestamp();
        var until = TimeSpan.FromSeconds(SaturationSeconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(start) < until && queue.TryDequeue(out var slot))
            {
                await run.SubmitAsync(client, form, slot, start, Stopwatch.GetElapsedTime(start));
            }
        })));
        run.Elapsed = Stopwatch.GetElapsedTime(start);
        return run;
    }

    /// <summary>This process's own garbage collections so far and the time they paused it.</summary>
    private readonly record struct RunnerCollections(int Collections, TimeSpan Paused)
    {
        public static RunnerCollections Now() => new(GC.CollectionCount(0), GC.GetTotalPauseDuration());

        public static RunnerCollections operator -(RunnerCollections after, RunnerCollections before) =>
            new(after.Collections - before.Collections, after.Paused - before.Paused);
    }

    /// <summary>Latencies and refusals of one phase.</summary>
    private sealed class Run
    {
        private readonly ConcurrentBag<double> _latencies = [];
        private readonly ConcurrentBag<(TimeSpan Due, double Ms)> _byDueTime = [];
        private readonly ConcurrentDictionary<HttpStatusCode, int> _refused = [];

        /// <summary>When the phase began, to find its slowest requests in the site's log.</summary>
        public DateTime StartedUtc { get; } = DateTime.UtcNow;

        public TimeSpan Elapsed { get; set; }

        public int Refused => _refused.Values.Sum();

        public int Booked => _latencies.Count - Refused;

        public double P99Ms => Figures.Percentile(_latencies, 99);

        public double MedianMs => Figures.Median(_latencies);

        public string RefusedText => Refused == 0 ? "" : $", {Refused} refused ({string.Join(", ", _refused.Select(f => $"{(int)f.Key} x{f.Value}"))})";

        /// <summary>The slowest requests with the UTC time each was due, slowest first.</summary>
        public List<(DateTime DueUtc, double Ms)> SlowestRequests(int count) =>
            [.. _byDueTime.OrderByDescending(r => r.Ms).Take(count).Select(r => (StartedUtc + r.Due, r.Ms))];

        private readonly List<double> _dispatchLateMs = [];

        /// <summary>How late this process handed a booking to its HTTP client, after the time it was due.</summary>
        public void NoteDispatch(TimeSpan late) => _dispatchLateMs.Add(late.TotalMilliseconds);

        /// <summary>This process's own lateness in sending (median, p99, most), or null for a phase without a pace.</summary>
        public (double Median, double P99, double Most)? DispatchLateness =>
            _dispatchLateMs.Count == 0 ? null : (Figures.Median(_dispatchLateMs), Figures.Percentile(_dispatchLateMs, 99), _dispatchLateMs.Max());

        /// <summary>The slowest booking of each second of the phase (by when each was due), to show where in the run the tail fell.</summary>
        public IEnumerable<double> SlowestBySecond() =>
            _byDueTime.GroupBy(r => (int)r.Due.TotalSeconds).OrderBy(g => g.Key).Select(g => g.Max(r => r.Ms));

        /// <summary>Submits one booking; its latency counts from when it was due, so a late start counts against the site.</summary>
        public async Task SubmitAsync(HttpClient client, Dictionary<string, string> form, FreeTime slot, long start, TimeSpan due)
        {
            var status = await BookingSubmission.SubmitAsync(client, form, slot);
            var latency = (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds;
            _latencies.Add(latency);
            _byDueTime.Add((due, latency));
            if (status != HttpStatusCode.SeeOther)
            {
                _refused.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }
    }

    /// <summary>Adds the extra doctors and lists free times that cannot overlap: each a whole treatment apart.</summary>
    private static async Task<(int HeldMinutes, List<FreeTime> Slots)> PrepareAsync(SiteProcess site)
    {
        await using var db = site.CreateDbContext();
        var treatment = await db.Treatments.AsNoTracking().SingleAsync(t => t.Code == Treatment);
        var hours = Enum.GetValues<DayOfWeek>().Select(day => new WorkingHours { Day = day, Start = new TimeOnly(8, 0), End = new TimeOnly(20, 0) });
        for (var i = 1; i <= ExtraDoctors; i++)
        {
            db.Practitioners.Add(new Practitioner { Name = $"Benchmark doctor {i}", WorkingHours = hours.Select(h => new WorkingHours { Day = h.Day, Start = h.Start, End = h.End }).ToList() });
        }

        await db.SaveChangesAsync();
        await site.ScheduleChangedAsync();
        var doctors = await db.Practitioners.AsNoTracking().Include(p => p.WorkingHours).Where(p => p.IsActive).ToListAsync();

        // Held time rounded up to whole 15-minute grid steps, so consecutive times never overlap.
        var held = (int)Math.Ceiling((treatment.DurationMinutes + treatment.BufferMinutes) / 15.0) * 15;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ClinicZone));
        var slots = new List<FreeTime>();
        for (var date = today.AddDays(1); date <= today.AddDays(59); date = date.AddDays(1))
        {
            foreach (var doctor in doctors)
            {
                foreach (var period in doctor.WorkingHours.Where(h => h.Day == date.DayOfWeek))
                {
                    for (var start = period.Start; start.AddMinutes(held) <= period.End && start.AddMinutes(held) > start; start = start.AddMinutes(held))
                    {
                        slots.Add(new FreeTime(doctor.Id, date, start));
                    }
                }
            }
        }

        // Times already booked (the Lighthouse step books one for its confirmation page) are left out: a booking there
        // would be refused as "just taken", rightly, and counted against the site.
        var booked = (await db.Appointments.AsNoTracking().Select(a => new { a.PractitionerId, a.StartUtc, a.DurationMinutes }).ToListAsync())
            .Select(a => (a.PractitionerId, From: TimeZoneInfo.ConvertTimeFromUtc(a.StartUtc, ClinicZone),
                To: TimeZoneInfo.ConvertTimeFromUtc(a.StartUtc, ClinicZone).AddMinutes(Math.Max(a.DurationMinutes, held))))
            .ToList();
        slots.RemoveAll(s => booked.Any(b => b.PractitionerId == s.PractitionerId
            && s.Date.ToDateTime(s.Time) < b.To && b.From < s.Date.ToDateTime(s.Time).AddMinutes(held)));

        // Spread the load over days and doctors, as real bookings are.
        return (held, slots.OrderBy(s => s.Date.DayNumber * 7919 % 61).ThenBy(s => s.Time).ThenBy(s => s.PractitionerId).ToList());
    }

    /// <summary>The booking form's fields as a patient leaves them (hidden ones with the anti-forgery token, checked choices, checkboxes ticked), or null.</summary>
    private static async Task<Dictionary<string, string>?> ReadFormAsync(HttpClient client, FreeTime first)
    {
        var date = first.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await client.GetStringAsync($"/book?treatment={Treatment}&practitioner={first.PractitionerId}&date={date}");
        var form = new HtmlParser().ParseDocument(page).QuerySelectorAll("form[method=post]")
            .FirstOrDefault(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null && f.QuerySelector("input[name=Slot]") is not null);
        if (form is null || !form.QuerySelectorAll("input[name=Slot]").Any(i => i.GetAttribute("value") == first.SlotText))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("type") is "hidden" or "checkbox" || (i.GetAttribute("type") is "radio" && i.HasAttribute("checked"))))
        {
            fields.TryAdd(input.GetAttribute("name")!, input.GetAttribute("value") ?? "true");
        }

        string[] typed = ["Name", "Email", "Phone", "SubmissionId", "Treatment", "Practitioner"];
        return typed.All(name => form.QuerySelector($"[name={name}]") is not null) ? fields : null;
    }

    private static int _patients;

    /// <summary>
    /// One booking through the form, for the pages a patient sees after booking (Lighthouse's confirmation and manage
    /// pages): a doctor working 08:00-20:00 is added, and the first of their free times next week is booked. Returns the
    /// address the site sent the patient to (the manage page with "?done=booked"), or null.
    /// </summary>
    public static async Task<string?> BookOneAsync(SiteProcess site)
    {
        await using (var db = site.CreateDbContext())
        {
            db.Practitioners.Add(new Practitioner
            {
                Name = "Benchmark doctor for Lighthouse",
                WorkingHours = Enum.GetValues<DayOfWeek>().Select(day => new WorkingHours { Day = day, Start = new TimeOnly(8, 0), End = new TimeOnly(20, 0) }).ToList(),
            });
            await db.SaveChangesAsync();
        }

        await site.ScheduleChangedAsync();
        int doctor;
        await using (var db = site.CreateDbContext())
        {
            doctor = await db.Practitioners.AsNoTracking().Where(p => p.Name == "Benchmark doctor for Lighthouse").Select(p => p.Id).FirstAsync();
        }

        using var client = site.CreateClient();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ClinicZone));
        var slot = new FreeTime(doctor, today.AddDays(7), new TimeOnly(10, 0));
        var form = await ReadFormAsync(client, slot);
        if (form is null)
        {
            return null;
        }

        var fields = Fields(form, slot, Interlocked.Increment(ref _patients));
        using var response = await client.PostAsync("/book", new FormUrlEncodedContent(fields));
        return response.StatusCode == HttpStatusCode.SeeOther ? response.Headers.Location?.ToString() : null;
    }

    private static Dictionary<string, string> Fields(Dictionary<string, string> form, FreeTime slot, int number) =>
        new(form, StringComparer.Ordinal)
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Treatment"] = Treatment,
            ["Practitioner"] = slot.PractitionerId.ToString(CultureInfo.InvariantCulture),
            ["Slot"] = slot.SlotText,
            ["Name"] = "Benchmark Patient",
            ["Email"] = $"patient{number}@bench.example",
            ["Phone"] = BenchPhones.Typed(number), // the caps allow 3 upcoming bookings per phone number
        };

    private static async Task<HttpStatusCode> SubmitAsync(HttpClient client, Dictionary<string, string> form, FreeTime slot)
    {
        var fields = Fields(form, slot, Interlocked.Increment(ref _patients));
        using var response = await client.PostAsync("/book", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.SeeOther && _firstRefusal is null)
        {
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var messages = page.QuerySelectorAll("[role=alert], .field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0);
            _firstRefusal = $"{(int)response.StatusCode} for {slot.SlotText} with doctor {slot.PractitionerId}: {string.Join(" / ", messages)}";
        }

        return response.StatusCode;
    }

    /// <summary>Emails not sent yet, including one being sent right now.</summary>
    private static async Task<int> PendingEmailsAsync(SiteProcess site)
    {
        await using var db = site.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending);
    }

    /// <summary>Waits until the outbox has nothing waiting (at most <paramref name="limit"/>); false when it still had.</summary>
    public static async Task<bool> WaitForOutboxAsync(SiteProcess site, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (await PendingEmailsAsync(site) == 0)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static async Task<int> SentEmailsAsync(SiteProcess site)
    {
        await using var db = site.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent);
    }

    private sealed record FreeTime(int PractitionerId, DateOnly Date, TimeOnly Time)
    {
        public string SlotText =>
            Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + Time.ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
