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
/// memory during it) and the retention pass. One site process on one fresh file: measured empty, stopped, filled,
/// started again, measured again. Each page figure is the median of <see cref="Requests"/> requests one after another.
/// </summary>
public static class HistoryMode
{
    public const int Requests = 20;
    public const double MaximumRatio = 2;
    public const double MaximumMs = 50;
    public const double MaximumBulkMs = 2000;
    public const long MaximumGrowthBytes = 20L * 1024 * 1024;

    private const string Treatment = "consultation";
    private const string StaffEmail = "staff@bench.example";
    private const string StaffPassword = "Benchmark-Staff-Pass-2026";
    private static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");

    private sealed record Figure(double Ms, string Detail = "", long GrowthBytes = 0);

    public static async Task RunAsync(BenchmarkOptions options, ResultTable results)
    {
        var settings = new Dictionary<string, string>
        {
            // A Staff account signs in with a password alone (Admins still need two-factor): the benchmark has no authenticator.
            ["Admin__RequireTwoFactor"] = "false",
        };
        Dictionary<string, Figure> empty, history;
        HistoryFill.Filled filled;
        await using (var site = await SiteProcess.StartAsync(options, "history.db", settings))
        {
            await CreateStaffAsync(site);
            await AddDoctorsAsync(site);
            empty = await MeasureAsync(site, firstPost: 0);
        }

        await using (var db = SiteProcess.OpenDb(Path.Combine(options.WorkFolder, "history.db")))
        {
            // The site's key ring (unencrypted in the work folder for the benchmark) and application name.
            var keys = DataProtectionProvider.Create(
                new DirectoryInfo(SiteProcess.KeysFolder(options)),
                protection => protection.SetApplicationName("DrChongClinic"));
            filled = await HistoryFill.FillAsync(db, await DoctorsAsync(db), new ManageTokenProtector(keys));
        }

        await using (var site = await SiteProcess.StartAsync(options, "history.db", settings))
        {
            history = await MeasureAsync(site, firstPost: Requests + 5);
        }

        results.Note($"History: {Figures.Count(filled.Appointments)} appointments over {HistoryFill.Years} years ({HistoryFill.PerDay} a day, 6 days a week; " +
            $"{Figures.Count(filled.Anonymised)} anonymised), {Figures.Count(filled.Outbox)} outbox and {Figures.Count(filled.Audit)} audit rows, " +
            $"filled in {filled.Took.TotalSeconds:0.0} s. Page figures: median of {Requests} requests, one at a time.");
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

    private static async Task<Dictionary<string, Figure>> MeasureAsync(SiteProcess site, int firstPost)
    {
        var figures = new Dictionary<string, Figure>(StringComparer.Ordinal);
        await using var db = site.CreateDbContext();
        var doctor = (await DoctorsAsync(db))[0];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ClinicZone));
        var date = NextWorkingDay(today.AddDays(7));
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var patient = site.CreateClient();

        await SettleAsync(site);
        figures["patient booking page (a date, one doctor)"] = await MedianAsync(patient, $"/book?treatment={Treatment}&practitioner={doctor}&date={day}");
        figures["free-slot JSON"] = await MedianAsync(patient, $"/book/slots?treatment={Treatment}&practitioner={doctor}&date={day}");
        figures["booking POST"] = await PostsAsync(patient, doctor, today, firstPost);
        await SettleAsync(site);

        using var staff = site.CreateClient();
        await SignInAsync(staff);
        var from = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var latest = await db.Appointments.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync();
        figures["staff dashboard"] = await MedianAsync(staff, "/admin");
        figures["staff list, first page"] = await MedianAsync(staff, "/admin/bookings");
        figures["staff list, newest first"] = await MedianAsync(staff, "/admin/bookings?sort=booked-desc");
        figures["staff search by name"] = await MedianAsync(staff, "/admin/bookings?search=" + Uri.EscapeDataString("Patient 59"));
        figures["staff filters (status, doctor, 30 days)"] = await MedianAsync(staff, $"/admin/bookings?status=Confirmed&practitioner={doctor}&from={from}&to={todayText}");
        figures["staff list, page 100"] = await MedianAsync(staff, "/admin/bookings?page=100");
        figures["staff week calendar"] = await MedianAsync(staff, $"/admin/bookings/calendar?view=week&date={todayText}");
        figures["staff booking detail"] = latest == 0
            ? throw new InvalidOperationException("No booking was made: " + figures["booking POST"].Detail)
            : await MedianAsync(staff, $"/admin/bookings/{latest}");
        figures["CSV export, every booking"] = await ExportAsync(site, staff);
        figures["retention pass"] = await RetentionPassAsync(site);
        return figures;
    }

    /// <summary>
    /// Lets the site's own background work finish before requests are timed, the same way on both databases: the
    /// passes that run after a start (reminders), and the outbox sending what was queued (the booking POSTs' emails,
    /// and on the history site those queued by the empty site's POSTs). Otherwise that work fell inside whichever
    /// rows were being measured then, a different row on each site, and moved their ratios by up to 2x.
    /// </summary>
    private static async Task SettleAsync(SiteProcess site)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        if (!await BookingSubmission.WaitForOutboxAsync(site, TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException("The site's outbox did not empty within 60 s; see site.log");
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

    private static async Task<Figure> MedianAsync(HttpClient client, string path)
    {
        var times = new List<double>();
        for (var i = 0; i < Requests + 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            _ = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
            }

            if (i >= 3)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return new Figure(Figures.Median(times));
    }

    /// <summary>Bookings through the real form at afternoon times (the history books mornings), one at a time.</summary>
    private static async Task<Figure> PostsAsync(HttpClient client, int doctor, DateOnly today, int first)
    {
        var times = new List<double>();
        var refused = 0;
        var firstRefusal = "";
        for (var i = first; i < first + Requests + 3; i++)
        {
            var date = WorkingDay(today.AddDays(2), i / 6);
            var time = new TimeOnly(14, 0).AddMinutes(30 * (i % 6));
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
            fields["Email"] = $"post{i}@bench.example";
            fields["Phone"] = BenchPhones.Typed(1_000_000 + i); // the caps allow 3 upcoming bookings per phone number
            var start = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/book", new FormUrlEncodedContent(fields));
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.SeeOther && refused++ == 0)
            {
                var answer = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
                firstRefusal = $"{(int)response.StatusCode}: " + string.Join(" / ", answer.QuerySelectorAll("[role=alert], .field-error").Select(e => e.TextContent.Trim()));
            }
            if (i >= first + 3)
            {
                times.Add(ms);
            }
        }

        return new Figure(Figures.Median(times), refused == 0 ? "" : $" ({refused} refused, first {firstRefusal})");
    }

    /// <summary>The whole export, read as it comes, with the site's resident memory sampled every 5 ms meanwhile.</summary>
    private static async Task<Figure> ExportAsync(SiteProcess site, HttpClient client)
    {
        _ = await MedianAsync(client, "/admin"); // settle
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
