using DrChongClinic.Benchmarks;

// The performance benchmark: run it with tests/benchmarks/run.sh (it publishes the site first). docs/performance.md
// explains each figure. Exit code 0 when every measured figure meets its target.
var options = BenchmarkOptions.Parse(args);
Directory.CreateDirectory(options.WorkFolder);
var results = new ResultTable();
var machine = await Machine.DescribeAsync(options);
var loadAtStart = Machine.LoadAverage();
SiteProcess? sharedSite = null;

// The history step starts its own site on its own database; the others share one.
if (BenchmarkOptions.AllSteps.Except(["floor", "slots", "history"]).Any(options.Runs))
{
    await using var site = await SiteProcess.StartAsync(options);
    sharedSite = site;
    var bookingPresent = await BookingSubmission.IsPresentAsync(site);
    await StepAsync("views", "compiled views", () => Task.Run(() => CompiledViews.Check(options, results)));
    await StepAsync("pages", "pages against static copies (wrk)", () => PageThroughput.RunAsync(site, options, results));
    await StepAsync("weight", "page weight", () => PageWeight.RunAsync(site, results, bookingPresent));
    await StepAsync("lighthouse", "Lighthouse", () => LighthouseAudit.RunAsync(site, options, results, bookingPresent));
    await StepAsync("booking", "booking submission", async () =>
    {
        if (bookingPresent)
        {
            await BookingSubmission.RunAsync(site, options, results);
        }
        else
        {
            BookingSubmission.NotPresent(results);
        }
    });

    results.Add("Start-up to the first answered request", $"{site.StartUp.TotalSeconds:0.00} s (process start to /healthz 200, on the database the migration step made; the step itself, every migration and the seed on a fresh file: {site.MigrationStep.TotalSeconds:0.00} s)",
        "< 5 s", site.StartUp < TimeSpan.FromSeconds(5));
    var peak = site.PeakMemoryBytes();
    results.Add("Peak memory of the site (VmHWM), whole run", Figures.Mb(peak), "< 200 MB", peak < 200L * 1024 * 1024);
    results.Note("Site memory at its peak: " + site.PeakDetail() + ".");
    results.Note("Site memory at the end: " + site.MemoryDetail() + ".");
    sharedSite = null;
}

await StepAsync("floor", "the stack's floor: one form on the same stack, same load", () => StackFloorRun.RunAsync(options, results));
await StepAsync("slots", "slot computation", () => Task.Run(() => SlotComputation.Run(results)));
#if CLINIC_BOOKING
await StepAsync("history", "five years of history against an empty database", () => HistoryMode.RunAsync(options, results));
#endif

results.Note($"Load average (1 min) {loadAtStart} at the start and {Machine.LoadAverage()} at the end, on {Environment.ProcessorCount} cores: above that, other processes took CPU time from the site and wrk, which shows most in p99 latency.");
Console.WriteLine();
Console.WriteLine(machine);
Console.WriteLine();
Console.Write(results.Render());
return results.AllPassed ? 0 : 1;

// A step that breaks is a failed row with its error, and the others still run.
async Task StepAsync(string step, string title, Func<Task> run)
{
    if (!options.Runs(step))
    {
        return;
    }

    var (waited, quiet) = await Machine.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
    Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {title}... (machine {(quiet ? "quiet" : "still busy")} after {waited.TotalSeconds:0.0} s)");
    if (sharedSite is not null)
    {
        sharedSite.Step = title;
    }

    try
    {
        await run();
    }
    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TimeoutException or OperationCanceledException
        or System.Data.Common.DbException or System.ComponentModel.Win32Exception)
    {
        results.Add($"Step {step}", $"could not run: {e.GetType().Name}: {e.Message}", "runs", passed: false);
    }
}
