using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// The stack's floor (docs/performance.md, twelfth pass): tests/benchmarks/StackFloor, one booking form on ASP.NET Core
/// MVC and EF Core with SQLite and the site's runtime settings, driven like the site. Its form page first, from as many
/// clients as the pages step uses; then bookings at the booking step's rate for its warm-up and measured seconds; then
/// bookings as fast as the booking step's workers can make them. Its peak memory is printed as a note beside the
/// site's: how much of the site's peak the stack takes before the clinic's own code. Not a target.
/// </summary>
public static class StackFloorRun
{
    public static async Task RunAsync(BenchmarkOptions options, ResultTable results)
    {
        var folder = Path.Combine(options.WorkFolder, "floor");
        var database = Path.Combine(options.WorkFolder, "floor.db");
        var address = new Uri($"http://127.0.0.1:{options.Port + 1}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "StackFloor.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (name, value) in options.ImageEnvironment)
        {
            start.Environment[name] = value; // the site's runtime settings, the image's included
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Floor"] = $"Data Source={database}";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the stack's floor app");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
            {
                BaseAddress = address,
                Timeout = TimeSpan.FromSeconds(30),
            };
            await SiteProcess.WaitUntilAnsweredAsync(client, process, "/book", "The stack's floor app");
            var load = new Load(client);
            await load.WorkersAsync(options.Connections, TimeSpan.FromSeconds(options.Seconds), load.ShowFormAsync);
            var afterPages = SiteProcess.StatusFields(process.Id)["VmHWM"] * 1024;
            await load.PacedAsync(BookingSubmission.MinimumPerSecond, BookingSubmission.WarmUpSeconds + options.BookingSeconds);
            await load.WorkersAsync(options.BookingWorkers, TimeSpan.FromSeconds(BookingSubmission.SaturationSeconds), load.BookAsync);
            var status = SiteProcess.StatusFields(process.Id);
            results.Note(
                $"Stack floor (tests/benchmarks/StackFloor: one form on ASP.NET Core MVC and EF Core with SQLite, the site's runtime " +
                $"settings, nothing else) under the same load: peak {Figures.Mb(status["VmHWM"] * 1024)} (VmHWM; {Figures.Mb(afterPages)} " +
                $"after its form page from {options.Connections} clients for {options.Seconds} s); {Figures.Count(load.Booked)} booked, " +
                $"{Figures.Count(load.Failed)} requests refused or failed (form page or booking); at the end {status["RssAnon"] / 1024} MB heaps and stacks, {status["RssFile"] / 1024} MB " +
                $"mapped files, {status["RssShmem"] / 1024} MB JIT code and type data; {status["Threads"]} threads.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The requests made to the floor app, each booking at its own doctor and time so none is refused.</summary>
    private sealed class Load(HttpClient client)
    {
        private static readonly DateTime FirstTime = DateTime.Today.AddDays(1).AddHours(8);
        private int _next;
        private int _booked;
        private int _failed;

        public int Booked => _booked;

        /// <summary>Form pages not answered 200 and bookings not answered 303.</summary>
        public int Failed => _failed;

        public async Task ShowFormAsync()
        {
            using var response = await client.GetAsync("/book");
            Count(response.StatusCode == HttpStatusCode.OK, booking: false);
        }

        public async Task BookAsync()
        {
            var n = Interlocked.Increment(ref _next);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = $"Benchmark Patient {n}",
                ["Email"] = $"patient{n}@bench.example",
                ["Phone"] = "+60123456789",
                ["Notes"] = "First visit; a few scars on both cheeks.",
                ["Doctor"] = (1 + (n % 8)).ToString(CultureInfo.InvariantCulture),
                ["Start"] = FirstTime.AddMinutes(15 * (n / 8)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            });
            using var response = await client.PostAsync("/book", form);
            Count(response.StatusCode == HttpStatusCode.SeeOther, booking: true);
        }

        /// <summary>Bookings started on a fixed schedule, as the booking step's measured run makes them.</summary>
        public async Task PacedAsync(double perSecond, int seconds)
        {
            var interval = TimeSpan.FromSeconds(1 / perSecond);
            var start = Stopwatch.GetTimestamp();
            var bookings = new List<Task>();
            for (var i = 0; i < perSecond * seconds; i++)
            {
                var wait = interval * i - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                bookings.Add(BookAsync());
            }

            await Task.WhenAll(bookings);
        }

        /// <summary>As many requests as <paramref name="workers"/> clients can make in the time, each starting the next when one is done.</summary>
        public async Task WorkersAsync(int workers, TimeSpan time, Func<Task> request)
        {
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                while (Stopwatch.GetElapsedTime(start) < time)
                {
                    await request();
                }
            })));
        }

        private void Count(bool ok, bool booking)
        {
            if (!ok)
            {
                Interlocked.Increment(ref _failed);
            }
            else if (booking)
            {
                Interlocked.Increment(ref _booked);
            }
        }
    }
}
