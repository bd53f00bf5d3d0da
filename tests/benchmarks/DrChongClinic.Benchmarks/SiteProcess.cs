using System.Diagnostics;
using System.Globalization;
using System.Net;
using DrChongClinic.Infrastructure.Caching;
using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// The published site, started as it runs in production (Production settings, Kestrel on a loopback port) on a
/// fresh SQLite file in the work folder, after the deployment's migration step has migrated and seeded it. Its output
/// goes to site.log.
/// Two settings differ from production, both because the benchmark is one client on plain HTTP: cookies are not
/// Secure, and the booking rate limits are lifted.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly CancellationTokenSource _stopWatching = new();
    private Task? _memoryWatch;
    private MemorySample? _peakSample;

    private SiteProcess(Process process, StreamWriter log, string logPath, Uri baseAddress, string databasePath, string webRoot)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        WebRoot = webRoot;
    }

    public Uri BaseAddress { get; }

    /// <summary>The site's process, for the runtime's diagnostics (<see cref="SitePauses"/>).</summary>
    public int ProcessId => _process.Id;

    /// <summary>site.log in the work folder: what the site wrote, one JSON entry per line.</summary>
    public string LogPath { get; }

    public string DatabasePath { get; }

    /// <summary>
    /// From starting the site's process to its first answered request (/healthz, which also writes to the database),
    /// on a database the migration step has prepared.
    /// </summary>
    public TimeSpan StartUp { get; private set; }

    /// <summary>The migration step before the start: its process from start to exit.</summary>
    public TimeSpan MigrationStep { get; private set; }

    /// <summary>The published wwwroot, where the benchmark puts the static copies of pages.</summary>
    public string WebRoot { get; }

    /// <summary>
    /// Runs the deployment's migration step on the file (<c>--migrate</c>, as docker-compose.yml's <c>migrate</c>
    /// service does), then starts the site on it with migrations at start-up off, as production runs it.
    /// </summary>
    /// <remarks>
    /// A second site at the same time (<see cref="HistoryMode"/>) takes another <paramref name="port"/> and its own
    /// <paramref name="logFile"/>.
    /// </remarks>
    public static async Task<SiteProcess> StartAsync(
        BenchmarkOptions options,
        string databaseFile = "clinic.db",
        IReadOnlyDictionary<string, string>? settings = null,
        int? port = null,
        string logFile = "site.log")
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? options.Port}");
        var databasePath = Path.Combine(options.WorkFolder, databaseFile);
        var logPath = Path.Combine(options.WorkFolder, logFile);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };

        var migrationStarted = Stopwatch.GetTimestamp();
        using (var migration = Start(StartInfo(options, databasePath, settings, "--migrate"), log))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await migration.WaitForExitAsync(timeout.Token);
            if (migration.ExitCode != 0)
            {
                throw new InvalidOperationException($"The migration step failed (exit code {migration.ExitCode}); see site.log");
            }
        }

        var migrationStep = Stopwatch.GetElapsedTime(migrationStarted);
        var start = StartInfo(options, databasePath, settings, "--urls", baseAddress.ToString().TrimEnd('/'));
        start.Environment["Database__MigrateOnStartup"] = "false";
        foreach (var (name, value) in options.SiteEnvironment)
        {
            start.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var site = new SiteProcess(Start(start, log), log, logPath, baseAddress, databasePath, Path.Combine(options.SiteFolder, "wwwroot"));
        site._memoryWatch = Task.Run(site.WatchMemoryAsync);
        await site.WaitUntilReadyAsync();
        site.StartUp = Stopwatch.GetElapsedTime(started);
        site.MigrationStep = migrationStep;
        return site;
    }

    /// <summary>Where the site keeps its Data Protection keys in a benchmark run (unencrypted: throwaway keys).</summary>
    public static string KeysFolder(BenchmarkOptions options) => Path.Combine(options.WorkFolder, "keys");

    /// <summary>The benchmark step running now, for <see cref="PeakDetail"/>.</summary>
    public string Step { get; set; } = "start-up";

    /// <summary>
    /// What the resident memory was made of at the highest of the samples taken every 250 ms, and in which step: the
    /// kernel's peak (VmHWM) can fall between two samples, so the sample may be a little lower.
    /// </summary>
    public string PeakDetail()
    {
        var peak = _peakSample;
        return peak is null
            ? "no sample"
            : $"highest sample {peak.Resident / 1024} MB during {peak.Step}: {peak.Anonymous / 1024} MB heaps and stacks (the GC heap, " +
              $"native allocations, thread stacks), {peak.Files / 1024} MB mapped files (runtime and libraries), {peak.Shared / 1024} MB " +
              "shared (JIT code and the runtime's type data, mapped through W^X)";
    }

    /// <summary>The most memory the site process has held since it started (VmHWM: peak resident set).</summary>
    public long PeakMemoryBytes() => Status("VmHWM") * 1024;

    /// <summary>Resident memory now (VmRSS).</summary>
    public long ResidentBytes() => Status("VmRSS") * 1024;

    /// <summary>What the resident memory is made of now, and how many threads the process has.</summary>
    public string MemoryDetail()
    {
        var status = StatusFields();
        return $"now {status["VmRSS"] / 1024} MB resident: {status["RssAnon"] / 1024} MB heap and stacks, {status["RssFile"] / 1024} MB mapped files " +
            $"(runtime and libraries), {status["RssShmem"] / 1024} MB shared (JIT code); {status["Threads"]} threads";
    }

    private async Task WatchMemoryAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                var status = StatusFields();

                // A process that has exited but is not yet reaped has a status file without memory fields.
                if (status.TryGetValue("VmRSS", out var resident) && resident > (_peakSample?.Resident ?? 0))
                {
                    _peakSample = new MemorySample(Step, resident, status["RssAnon"], status["RssFile"], status["RssShmem"]);
                }
            }
            while (await timer.WaitForNextTickAsync(_stopWatching.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // Stopped, or the process has exited.
        }
    }

    private long Status(string field) =>
        StatusFields().TryGetValue(field, out var value) ? value : throw new InvalidOperationException($"/proc status has no {field}");

    private Dictionary<string, long> StatusFields() => StatusFields(_process.Id);

    /// <summary>The numeric fields of /proc/PID/status (memory in kB), read at once.</summary>
    public static Dictionary<string, long> StatusFields(int processId)
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            var parts = line.Split([':', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                fields[parts[0]] = value;
            }
        }

        return fields;
    }

    /// <summary>A client like a browser's: keeps cookies, does not follow redirects, decompresses unless told not to.</summary>
    public HttpClient CreateClient(bool decompress = true, int connections = 16) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = connections,
        })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The site's database, opened next to the running site (SQLite in WAL mode allows that).</summary>
    public ClinicDbContext CreateDbContext() => OpenDb(DatabasePath);

    /// <summary>
    /// After the benchmark added doctors or hours straight into the site's database: renews the schedule stamp, as a save
    /// on another app instance does, and waits until the site's watcher has read it (<see cref="CacheStampWatcher"/>), so
    /// the site's pages and bookings use the new schedule.
    /// </summary>
    public async Task ScheduleChangedAsync()
    {
        await using (var db = CreateDbContext())
        {
            await db.CacheStamps.Where(s => s.Name == CacheStamp.Schedule).ExecuteUpdateAsync(set => set.SetProperty(s => s.Value, Guid.NewGuid()));
        }

        await Task.Delay(CacheStampWatcher.PollInterval + TimeSpan.FromSeconds(1));
    }

    /// <summary>A database file the site made, opened by the benchmark (with the site running or not).</summary>
    public static ClinicDbContext OpenDb(string path) => new(new DbContextOptionsBuilder<ClinicDbContext>()
        .UseSqlite($"Data Source={path};Default Timeout=30")
        .Options);

    public async ValueTask DisposeAsync()
    {
        await _stopWatching.CancelAsync();
        if (_memoryWatch is not null)
        {
            await _memoryWatch;
        }

        _stopWatching.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static ProcessStartInfo StartInfo(BenchmarkOptions options, string databasePath, IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.SiteFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(options.SiteFolder, "DrChongClinic.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.ImageEnvironment)
        {
            start.Environment[name] = value;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        start.Environment["DataProtection__KeysPath"] = KeysFolder(options);

        // Throwaway keys in the work folder, for one run: production encrypts them with a certificate.
        start.Environment["DataProtection__AllowUnencryptedKeys"] = "true";
        start.Environment["Email__PickupFolder"] = Path.Combine(options.WorkFolder, "mail");
        start.Environment["Content__Path"] = options.ContentFolder;

        // One line per SQLite checkpoint (every 10 s): the booking step sets them beside its slowest bookings.
        start.Environment["Logging__LogLevel__DrChongClinic.Infrastructure.Data.SqliteCheckpointer"] = "Debug";

        // Production refuses appsettings.json's placeholder clinic details and reviewer: plainly fake, valid ones.
        start.Environment["Clinic__StreetAddress"] = "1 Benchmark Street (benchmark settings)";
        start.Environment["Clinic__Phone"] = "+60 3-1234 5678";
        start.Environment["Clinic__Email"] = "clinic@drchong-benchmark.my";
        start.Environment["Clinic__PublicBaseUrl"] = "https://www.drchong-benchmark.my";
        start.Environment["Clinic__Reviewers__medical-director__Name"] = "Benchmark Reviewer";
        start.Environment["Clinic__Reviewers__medical-director__Credential"] = "MBBS (benchmark settings)";
        start.Environment["Database__SeedDoctors__0"] = "Dr Sample Doctor A";
        start.Environment["Database__SeedDoctors__1"] = "Dr Sample Doctor B";

        // Plain HTTP on loopback: cookies without the Secure flag (production sits behind TLS). One client address
        // makes every booking: the per-address rate limits (there against abuse) would stop the run.
        start.Environment["Security__SecureCookies"] = "false";
        start.Environment["RateLimits__Booking__PermitLimit"] = "1000000";
        start.Environment["RateLimits__Slots__PermitLimit"] = "1000000";

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static Process Start(ProcessStartInfo start, StreamWriter log)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the site");
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        await WaitUntilAnsweredAsync(client, _process, "/healthz", "The site", "; see site.log");
    }

    /// <summary>Polls <paramref name="path"/> every 10 ms until it answers 2xx; fails when the process stops or after 60 s.</summary>
    public static async Task WaitUntilAnsweredAsync(HttpClient client, Process process, string path, string what, string seeAlso = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} stopped while starting (exit code {process.ExitCode}){seeAlso}");
            }

            try
            {
                if ((await client.GetAsync(path)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not answer {path} within 60 seconds{seeAlso}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>One reading of /proc/PID/status, in kB.</summary>
    private sealed record MemorySample(string Step, long Resident, long Anonymous, long Files, long Shared);
}
