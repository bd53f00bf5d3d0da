using DrChongClinic.Benchmarks;

// The performance benchmark: run it with tests/benchmarks/run.sh (it publishes the site first). docs/performance.md
// explains each figure. Exit code 0 when every measured figure meets its target.
var options = BenchmarkOptions.Parse(args);
Directory.CreateDirectory(options.WorkFolder);
var results = new ResultTable();
var machine = await Machine.DescribeAsync(options);
var loadAtStart = Machine.LoadAverage();

await using (var site = await SiteProcess.StartAsync(options))
{
    var bookingPresent = await BookingSubmission.IsPresentAsync(site);
    if (options.Runs("views"))
    {
        Step("compiled views");
        CompiledViews.Check(options, results);
    }

    if (options.Runs("pages"))
    {
        Step("pages against static copies (wrk)");
        await PageThroughput.RunAsync(site, options, results);
    }

    if (options.Runs("weight"))
    {
        Step("page weight");
        await PageWeight.RunAsync(site, results, bookingPresent);
    }

    if (options.Runs("lighthouse"))
    {
        Step("Lighthouse");
        await LighthouseAudit.RunAsync(site, options, results, bookingPresent);
    }

    if (options.Runs("booking"))
    {
        Step("booking submission");
        if (bookingPresent)
        {
            await BookingSubmission.RunAsync(site, options, results);
        }
        else
        {
            BookingSubmission.NotPresent(results);
        }
    }

    var peak = site.PeakMemoryBytes();
    results.Add("Peak memory of the site (VmHWM), whole run", Figures.Mb(peak), "< 250 MB", peak < 250L * 1024 * 1024);
}

if (options.Runs("slots"))
{
    Step("slot computation");
    SlotComputation.Run(results);
}

results.Note($"Load average (1 min) {loadAtStart} at the start and {Machine.LoadAverage()} at the end, on {Environment.ProcessorCount} cores: above that, other processes took CPU time from the site and wrk, which shows most in p99 latency.");
Console.WriteLine();
Console.WriteLine(machine);
Console.WriteLine();
Console.Write(results.Render());
return results.AllPassed ? 0 : 1;

static void Step(string name) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}...");
