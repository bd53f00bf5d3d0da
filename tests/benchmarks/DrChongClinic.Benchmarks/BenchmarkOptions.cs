using System.Globalization;

namespace DrChongClinic.Benchmarks;

/// <summary>What tests/benchmarks/run.sh passes in (every option has a default that suits a 2-core machine).</summary>
public sealed record BenchmarkOptions(
    string SiteFolder,
    string WorkFolder,
    string ContentFolder,
    string LighthouseFolder,
    int Port,
    int Rounds,
    int Seconds,
    int Connections,
    int BookingSeconds,
    int BookingWorkers,
    IReadOnlySet<string> Steps,
    IReadOnlyDictionary<string, string> ImageEnvironment,
    IReadOnlyDictionary<string, string> SiteEnvironment)
{
    /// <summary>The steps, in the order they run; --only takes a comma-separated subset.</summary>
    public static readonly string[] AllSteps = ["views", "pages", "weight", "lighthouse", "booking", "floor", "slots", "history"];

    public bool Runs(string step) => Steps.Contains(step);

    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Text(string name) => values.TryGetValue(name, out var value)
            ? Path.GetFullPath(value)
            : throw new ArgumentException($"--{name} is required");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value)
            ? int.Parse(value, CultureInfo.InvariantCulture)
            : fallback;

        return new BenchmarkOptions(
            Text("site"),
            Text("work"),
            Text("content"),
            Text("lighthouse"),
            Number("port", 5106),
            Number("rounds", 3),
            Number("seconds", 5),
            Number("connections", 16),
            Number("booking-seconds", 10),
            Number("booking-workers", 16),
            (values.TryGetValue("only", out var only) ? only.Split(',') : AllSteps).ToHashSet(StringComparer.Ordinal),
            RuntimeSettingsOf(File.ReadAllLines(Text("dockerfile"))),
            SiteSettings(values.GetValueOrDefault("site-env", string.Empty)));
    }

    /// <summary>
    /// The runtime settings the production image sets with <c>ENV DOTNET_...</c> (src/DrChongClinic.Web/Dockerfile):
    /// .NET reads some settings only from the environment, so the published site alone would run without them. Every
    /// site process of the benchmark gets them, as every process in the container does.
    /// </summary>
    public static Dictionary<string, string> RuntimeSettingsOf(IEnumerable<string> dockerfile) =>
        dockerfile
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(line => line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    /// <summary>
    /// --site-env "NAME=VALUE NAME=VALUE": environment variables for the site process alone (not the migration step,
    /// not the benchmark), to measure a runtime or site setting without changing the site, e.g.
    /// --site-env "DOTNET_TieredCompilation=0".
    /// </summary>
    private static Dictionary<string, string> SiteSettings(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                pair => pair[0],
                pair => pair.Length == 2 ? pair[1] : throw new ArgumentException($"--site-env takes NAME=VALUE pairs, not \"{pair[0]}\""),
                StringComparer.Ordinal);
}
