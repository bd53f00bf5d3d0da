#if CLINIC_BOOKING
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using DrChongClinic.Application.Background;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// The same requests on an empty database and on five years of history (<see cref="HistoryFill"/>): the patient
/// booking page, the free-slot JSON and the booking POST, every staff page, the CSV export (time, size and the site's
/// memory during it) and the retention pass. Two files made alike (staff, doctors), one of them then filled; two site
/// processes, one on each, running side by side. Each page figure is the median of <see cref="Requests"/> requests, and
/// the two sites take turns within each row (<see cref="TakeTurnsAsync"/>), so whatever else the machine is doing over
/// those seconds (another process, the host, the CPU's clock) falls on both figures of a row alike, not on one of them.
/// </summary>
public static class HistoryMode
{
    public const int Requests = Rounds * PerRound;
    public const int Rounds = 8;
    public const int PerRound = 5;
    public const double MaximumRatio = 2;
    public const double MaximumMs = 50;
    public const double MaximumBulkMs = 2000;
    public const long MaximumGrowthBytes = 20L * 1024 * 1024;

    private const string Treatment = "consultation";
    private const string StaffEmail = "staff@bench.example";
    private const string StaffPassword = "Benchmark-Staff-Pass-2026";
    private const string EmptyFile = "history-empty.db";
    private const string HistoryFile = "history.db";
    private static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");

    private sealed record Figure(double Ms, string Detail = "", long GrowthBytes = 0);

    /// <summary>One of the two sites, with a patient's and a signed-in staff member's connections to it.</summary>
    private sealed class MeasuredSite(SiteProcess process) : IDisposable
    {
        public SiteProcess Process { get; } = process;

        public HttpClient Patient { get; } = process.CreateClient();

        public HttpClient Staff { get; } = process.CreateClient();

        public Dictionary<string, Figure> Figures { get; } = new(StringComparer.Ordinal);

        public void Dispose()
        {
            Patient.Dispose();
            Staff.Dispose();
        }
    }

    public static async Task RunAsync(BenchmarkOptions options, ResultTable results)
    {
        var settings = new Dictionary<string, string>
        {
            // A Staff account signs in with a password alone (Admins still need two-factor): the benchmark has no authenticator.
            ["Admin__RequireTwoFactor"] = "false",
        };
        await using (var site = await SiteProcess.StartAsync(options, EmptyFile, settings))
        {
            await CreateStaffAsync(site);
            await AddDoctorsAsync(site);
        }

        HistoryFill.Filled filled;
        var historyPath = Path.Combine(options.WorkFolder, HistoryFile);
        await using (var db = SiteProcess.OpenDb(Path.Combine(options.WorkFolder, EmptyFile)))
        {
            // The same staff account and doctors (the same ids) in both files; the copy is then filled.
            File.Delete(historyPath);
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {historyPath}");
        }

        await using (var db = SiteProcess.OpenDb(historyPath))
        {
            // The site's key ring (unencrypted in the work folder for the benchmark) and application name.
            var keys = DataProtectionProvider.Create(
                new DirectoryInfo(SiteProcess.KeysFolder(options)),
                protection => protection.SetApplicationName("DrChongClinic"));
            filled = await HistoryFill.FillAsync(db, await DoctorsAsync(db), new ManageTokenProtector(keys));
        }

        await using (var emptyProcess = await SiteProcess.StartAsync(options, EmptyFile, settings))
        await using (var historyProcess = await SiteProcess.StartAsync(options, HistoryFile, settings, options.Port + 1, "site-history.log"))
        {
            using var empty = new MeasuredSite(emptyProcess);
            using var history = new MeasuredSite(historyProcess);
            await MeasureAsync(empty, history);
            Report(results, filled, empty.Figures, history.Figures);
        }
    }

    private static void Report(ResultTable results, HistoryFill.Filled filled, Dictionary<string, Figure> empty, Dictionary<string, Figure> history)
    {
        results.Note($"History: {Figures.Count(filled.Appointments)} appointments over {HistoryFill.Years} years ({HistoryFill.PerDay} a day, 6 days a week; " +
            $"{Figures.Count(filled.Anonymised)} anonymised), {Figures.Count(filled.Outbox)} outbox and {Figures.Count(filled.Audit)} audit rows, " +
            $"filled in {filled.Took.TotalSeconds:0.0} s. Page figures: median of {Requests} requests, one at a time, the empty and the history " +
            $"site taking turns ({Rounds} turns of {PerRound} each).");
        foreach (var (name, before) in empty)
        {
            var after = history[name];
            var ratio = after.Ms / Math.Max(before.Ms, 0.01);
            var bulk = name.StartsWith("CSV", StringComparison.Ordinal) || name.EndsWith("pass", StringComparison.Ordinal);
            var figure = $"{Figures.Ms(before.Ms)} empty, {Figures.Ms(after.Ms)} with history = {Figures.Ratio(ratio)}x{after.Detail}";
            if (bulk)
            {
                var growthOk = !name.StartsWith("CSV", StringComparison.Ordinal) || after.GrowthBytes < MaximumGrowthBytes;
                results.Add($"History: {name}", figure, $"< {MaximumBulkMs / 1000:0} s, memory +< {Figures.Mb(MaximumGrowthBytes)}", after.Ms < MaximumBulkMs && growthOk);
            }
            else
            {
                results.Add($"History: {name}", figure, $"<= {MaximumRatio:0}x and < {MaximumMs:0} ms", ratio <= MaximumRatio && after.Ms < MaximumMs);
            }
        }
    }

    private static async Task MeasureAsync(MeasuredSite empty, MeasuredSite history)
    {
        MeasuredSite[] sites = [empty, history];
        int doctor;
        await using (var db = empty.Process.CreateDbContext())
        {
            doctor = (await DoctorsAsync(db))[0];
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ClinicZone));
        var date = NextWorkingDay(today.AddDays(7));
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await SettleAsync(sites);
        await MediansAsync(sites, "patient booking page (a date, one doctor)", site => (site.Patient, $"/book?treatment={Treatment}&practitioner={doctor}&date={day}"));
        await MediansAsync(sites, "free-slot JSON", site => (site.Patient, $"/book/slots?treatment={Treatment}&practitioner={doctor}&date={day}"));
        await PostsAsync(sites, "booking POST", doctor, today);
        await SettleAsync(sites);

        var latest = new Dictionary<MeasuredSite, int>();
        foreach (var site in sites)
        {
            await SignInAsync(site.Staff);
            await using var db = site.Process.CreateDbContext();
            latest[site] = await db.Appointments.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync();
            if (latest[site] == 0)
            {
                throw new InvalidOperationException("No booking was made: " + site.Figures["booking POST"].Detail);
            }
        }

        var from = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await MediansAsync(sites, "staff dashboard", site => (site.Staff, "/admin"));
        await MediansAsync(sites, "staff list, first page", site => (site.Staff, "/admin/bookings"));
        await MediansAsync(sites, "staff list, newest first", site => (site.Staff, "/admin/bookings?sort=booked-desc"));
        await MediansAsync(sites, "staff search by name", site => (site.Staff, "/admin/bookings?search=" + Uri.EscapeDataString("Patient 59")));
        await MediansAsync(sites, "staff filters (status, doctor, 30 days)", site => (site.Staff, $"/admin/bookings?status=Confirmed&practitioner={doctor}&from={from}&to={todayText}"));
        await MediansAsync(sites, "staff list, page 100", site => (site.Staff, "/admin/bookings?page=100"));
        await MediansAsync(sites, "staff week calendar", site => (site.Staff, $"/admin/bookings/calendar?view=week&date={todayText}"));
        await MediansAsync(sites, "staff booking detail", site => (site.Staff, $"/admin/bookings/{latest[site]}"));

        // The bulk rows have absolute targets: each site on its own, so one site's export is not timed beside the other's.
        foreach (var site in sites)
        {
            site.Figures["CSV export, every booking"] = await ExportAsync(site.Process, site.Staff);
            site.Figures["retention pass"] = await RetentionPassAsync(site.Process);
        }
    }

    /// <summary>
    /// Lets the site's own background work finish before requests are timed, the same way on both databases: the
    /// passes that run after a start (reminders), and the outbox sending what was queued (the booking POSTs' emails).
    /// Otherwise that work fell inside whichever rows were being measured then, a different row on each site, and
    /// moved their ratios by up to 2x.
    /// </summary>
    private static async Task SettleAsync(MeasuredSite[] sites)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var site in sites)
        {
            if (!await BookingSubmission.WaitForOutboxAsync(site.Process, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException($"The site's outbox did not empty within 60 s; see {site.Process.LogPath}");
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private static DateOnly NextWorkingDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;

    /// <summary>The n-th working day (from 0) on or after <paramref name="from"/>, Sundays skipped: each POST gets its own time.</summary>
    private static DateOnly WorkingDay(DateOnly from, int n)
    {
        var date = NextWorkingDay(from);
        for (var i = 0; i < n; i++)
        {
            date = NextWorkingDay(date.AddDays(1));
        }

        return date;
    }

    /// <summary>The row's figure on each site: the median of <see cref="TakeTurnsAsync"/> over one GET.</summary>
    private static async Task MediansAsync(MeasuredSite[] sites, string row, Func<MeasuredSite, (HttpClient Client, string Path)> request)
    {
        var times = await TakeTurnsAsync(sites, site =>
        {
            var (client, path) = request(site);
            return TimedGetAsync(client, path);
        });
        foreach (var site in sites)
        {
            site.Figures[row] = new Figure(Figures.Median(times[site]));
        }
    }

    /// <summary>
    /// Times <paramref name="measure"/> on each site, the sites taking turns: <see cref="Rounds"/> turns each, and in each
    /// turn a site answers unmeasured requests first (3 in its first turn, 1 after: the switch from the other process
    /// costs a cold cache, which belongs to neither figure) and then <see cref="PerRound"/> measured ones, one at a time.
    /// </summary>
    private static async Task<Dictionary<MeasuredSite, List<double>>> TakeTurnsAsync(MeasuredSite[] sites, Func<MeasuredSite, Task<double>> measure)
    {
        var times = sites.ToDictionary(site => site, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            var warmUps = round == 0 ? 3 : 1;
            foreach (var site in sites)
            {
                for (var i = 0; i < warmUps + PerRound; i++)
                {
                    var ms = await measure(site);
                    if (i >= warmUps)
                    {
                        times[site].Add(ms);
                    }
                }
            }
        }

        return times;
    }

    private static async Task<double> TimedGetAsync(HttpClient client, string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path);
        _ = await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK ? ms : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
    }

    /// <summary>
    /// Bookings through the real form at afternoon times (the history books mornings), one at a time, the sites taking
    /// turns (<see cref="TakeTurnsAsync"/>): each site books the same times, on its own file.
    /// </summary>
    private static async Task PostsAsync(MeasuredSite[] sites, string row, int doctor, DateOnly today)
    {
        var refused = sites.ToDictionary(site => site, _ => 0);
        var firstRefusal = sites.ToDictionary(site => site, _ => "");
        var next = sites.ToDictionary(site => site, _ => 0);
        var times = await TakeTurnsAsync(sites, async site =>
        {
            var (ms, refusal) = await PostAsync(site.Patient, doctor, today, next[site]++);
            if (refusal is not null && refused[site]++ == 0)
            {
                firstRefusal[site] = refusal;
            }

            return ms;
        });
        foreach (var site in sites)
        {
            site.Figures[row] = new Figure(Figures.Median(times[site]), refused[site] == 0 ? "" : $" ({refused[site]} refused, first {firstRefusal[site]})");
        }
    }

    /// <summary>The n-th booking: the form read, then the POST timed; the refusal's status and messages when it was refused.</summary>
    private static async Task<(double Ms, string? Refusal)> PostAsync(HttpClient client, int doctor, DateOnly today, int n)
    {
        var date = WorkingDay(today.AddDays(2), n / 6);
        var time = new TimeOnly(14, 0).AddMinutes(30 * (n % 6));
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/book?treatment={Treatment}&practitioner={doctor}&date={day}"));
        var form = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.Closest("form")
            ?? throw new InvalidOperationException("The booking form was not found");
        var fields = form.QuerySelectorAll("input[name]")
            .Where(input => input.GetAttribute("type") is "hidden" or "checkbox" || (input.GetAttribute("type") is "radio" && input.HasAttribute("checked")))
            .GroupBy(input => input.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "true", StringComparer.Ordinal);
        fields["Treatment"] = Treatment;
        fields["Practitioner"] = doctor.ToString(CultureInfo.InvariantCulture);
        fields["Slot"] = day + "T" + time.ToString("HH:mm", CultureInfo.InvariantCulture);
        fields["Name"] = "Benchmark Patient";
        fields["Email"] = $"post{n}@bench.example";
        fields["Phone"] = BenchPhones.Typed(1_000_000 + n); // the caps allow 3 upcoming bookings per phone number
        var start = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync("/book", new FormUrlEncodedContent(fields));
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.StatusCode == HttpStatusCode.SeeOther)
        {
            return (ms, null);
        }

        var answer = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (ms, $"{(int)response.StatusCode}: " + string.Join(" / ", answer.QuerySelectorAll("[role=alert], .field-error").Select(e => e.TextContent.Trim())));
    }

    /// <summary>The whole export, read as it comes, with the site's resident memory sampled every 5 ms meanwhile.</summary>
    private static async Task<Figure> ExportAsync(SiteProcess site, HttpClient client)
    {
        _ = await TimedGetAsync(client, "/admin"); // settle
        var before = site.ResidentBytes();
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, site.ResidentBytes());
                await Task.Delay(5);
            }
        });
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/admin/bookings/export.csv", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long size = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            size += read;
        }

        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await stop.CancelAsync();
        await sampler;
        return new Figure(ms, $"; {Figures.Kb(size)}, site memory +{Figures.Mb(peak - before)}", peak - before);
    }

    /// <summary>One retention pass (the daily steady state: nothing new to anonymise), run in this process on the site's database.</summary>
    private static async Task<Figure> RetentionPassAsync(SiteProcess site)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await using var db = site.CreateDbContext();
            var clock = new ClinicClock(TimeProvider.System, Options.Create(new BookingPolicy()));
            var pass = new PatientDataRetentionPass(db, new WorkLeases(db, clock), clock, Options.Create(new PrivacyOptions { RetentionMonths = HistoryFill.RetentionMonths }), NullLogger<PatientDataRetentionPass>.Instance);
            var start = Stopwatch.GetTimestamp();
            await pass.RunOnceAsync(CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return new Figure(Figures.Median(times));
    }

    private static Task<List<int>> DoctorsAsync(DrChongClinic.Infrastructure.Data.ClinicDbContext db) =>
        db.Practitioners.AsNoTracking().Where(p => p.Name.StartsWith("History doctor")).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();

    /// <summary>The clinic's doctors (a production database starts with none): three, working Monday to Saturday 09:00-18:00.</summary>
    private static async Task AddDoctorsAsync(SiteProcess site)
    {
        await using var db = site.CreateDbContext();
        for (var i = 1; i <= 3; i++)
        {
            db.Practitioners.Add(new Practitioner
            {
                Name = $"History doctor {i}",
                WorkingHours = Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)
                    .Select(d => new WorkingHours { Day = d, Start = new TimeOnly(9, 0), End = new TimeOnly(18, 0) }).ToList(),
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A Staff account with a password, straight in the database as the site's own Identity stores would write it.</summary>
    private static async Task CreateStaffAsync(SiteProcess site)
    {
        await using var db = site.CreateDbContext();
        var user = new IdentityUser { UserName = StaffEmail, Email = StaffEmail, EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString() };
        user.NormalizedUserName = user.NormalizedEmail = StaffEmail.ToUpperInvariant();
        user.PasswordHash = new PasswordHasher<IdentityUser>().HashPassword(user, StaffPassword);
        db.Users.Add(user);
        var role = await db.Roles.SingleAsync(r => r.Name == DrChongClinic.Application.Staff.StaffRoles.Staff);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/admin/account/sign-in"));
        var token = page.QuerySelector("#sign-in-form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The staff sign-in form was not found");
        using var response = await client.PostAsync("/admin/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = StaffEmail,
            ["Password"] = StaffPassword,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Staff sign-in answered {(int)response.StatusCode}");
        }
    }
}
#endif
