using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DrChongClinic.Benchmarks;

/// <summary>One wrk run's figures. Errors counts socket errors and responses other than 2xx/3xx.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>Runs the wrk load generator (Debian package "wrk") and reads its report.</summary>
public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri url, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk");
        var report = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}");
        }

        var errors = NonSuccess().Matches(report).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            + SocketErrors().Matches(report).Sum(m => m.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)));
        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(report).Groups[1].Value, CultureInfo.InvariantCulture),
            LatencyMs(report, "50"),
            LatencyMs(report, "99"),
            errors);
    }

    private static double LatencyMs(string report, string percent)
    {
        var match = Regex.Match(report, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            _ => value * 1000,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
