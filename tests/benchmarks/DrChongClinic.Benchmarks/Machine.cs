using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DrChongClinic.Benchmarks;

/// <summary>What the figures were measured on, printed above the table.</summary>
public static class Machine
{
    public static async Task<string> DescribeAsync(BenchmarkOptions options)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKb = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        var lighthouse = await OutputAsync("node", Path.Combine(options.LighthouseFolder, "node_modules", "lighthouse", "cli", "index.js"), "--version");
        return string.Join('\n',
            $"CPU:        {cpu}, {Environment.ProcessorCount} cores",
            $"Memory:     {memoryKb / 1024 / 1024.0:0.0} GB",
            $"OS:         {os}, Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}",
            $".NET:       {RuntimeInformation.FrameworkDescription}",
            $"Tools:      {await OutputAsync("wrk", "--version")}; {await OutputAsync("/usr/bin/chromium", "--version")}; Lighthouse {lighthouse}; Node {await OutputAsync("node", "--version")}",
            $"Image env:  {string.Join(' ', options.ImageEnvironment.Select(setting => $"{setting.Key}={setting.Value}"))} (src/DrChongClinic.Web/Dockerfile; every site process gets them)",
            $"Run:        {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>Runnable processes averaged over the last minute: above the core count, others compete for the CPU.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until the machine's CPUs have been at most 15% busy for a whole second,
    /// so a timed step does not start while the step before it is still winding down (Chromium closing after
    /// Lighthouse, a site process exiting). Returns how long it waited, and whether it got quiet.
    /// </summary>
    public static async Task<(TimeSpan Waited, bool Quiet)> WaitUntilQuietAsync(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        var quietHalves = 0;
        var (busy, total) = CpuTicks();
        while (waited.Elapsed < limit)
        {
            await Task.Delay(500);
            var (busyNow, totalNow) = CpuTicks();
            var share = totalNow == total ? 0 : (double)(busyNow - busy) / (totalNow - total);
            (busy, total) = (busyNow, totalNow);
            quietHalves = share <= 0.15 ? quietHalves + 1 : 0;
            if (quietHalves >= 2)
            {
                return (waited.Elapsed, true);
            }
        }

        return (waited.Elapsed, false);
    }

    /// <summary>All CPUs' busy and total ticks since boot, from /proc/stat's first line (idle and iowait are not busy).</summary>
    private static (long Busy, long Total) CpuTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal
        return (total - fields[3] - fields[4], total);
    }

    private static async Task<string> OutputAsync(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = (await process.StandardOutput.ReadToEndAsync()) + (await process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync();
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{program} missing";
        }
    }
}
