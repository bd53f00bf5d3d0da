using System.Diagnostics.Tracing;
using System.Text.Json;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// One stop of every thread of the site (suspension to restart): for a garbage collection of a generation, or, with
/// generation -1, a suspension without a collection (the runtime also stops threads for its own work).
/// </summary>
public sealed record GcPause(DateTime StartUtc, double Ms, int Generation)
{
    public DateTime EndUtc => StartUtc.AddMilliseconds(Ms);

    /// <summary>"GC gen0" to "GC gen2", or "suspension" when no collection ran in it.</summary>
    public string Kind => Generation < 0 ? "suspension" : $"GC gen{Generation}";
}

/// <summary>
/// The site's garbage-collection pauses during one phase, from the runtime's own events (EventPipe, the GC keyword at
/// the informational level: a handful of events per collection), and the outbox's sends from site.log, so that each
/// of the slowest bookings can be set beside what the site was doing while it waited. This is the evidence the
/// booking tail row asks for, printed with every run instead of traced by hand (docs/performance.md).
/// </summary>
public sealed class SitePauses
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly List<GcPause> _pauses = [];
    private DateTime? _suspendedUtc;
    private int _generation = -1;

    private SitePauses(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCSuspendEEStart += data => _suspendedUtc = data.TimeStamp.ToUniversalTime();
        source.Clr.GCStart += (GCStartTraceData data) => _generation = Math.Max(_generation, data.Depth);
        source.Clr.GCRestartEEStop += data =>
        {
            if (_suspendedUtc is { } start)
            {
                _pauses.Add(new GcPause(start, (data.TimeStamp.ToUniversalTime() - start).TotalMilliseconds, _generation));
            }

            _suspendedUtc = null;
            _generation = -1;
        };
        _reading = Task.Run(source.Process);
    }

    /// <summary>Starts listening to the site's runtime; null (and the reason) when it cannot be reached.</summary>
    public static SitePauses? Start(int processId, out string? problem)
    {
        try
        {
            var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC);
            var session = new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false, circularBufferMB: 16);
            problem = null;
            return new SitePauses(session);
        }
        catch (Exception e) when (e is DiagnosticsClientException or ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Stops listening and returns the pauses seen, in time order.</summary>
    public async Task<IReadOnlyList<GcPause>> StopAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _reading;
        _session.Dispose();
        return [.. _pauses.OrderBy(p => p.StartUtc)];
    }

    /// <summary>
    /// The site's SQLite checkpoints that ended between the two times, each as (start, milliseconds, pages in the log),
    /// from the site's JSON log (SqliteCheckpointer writes one debug line per checkpoint; the benchmark turns it on).
    /// </summary>
    public static IReadOnlyList<(DateTime StartUtc, double Ms, int LogPages)> Checkpoints(string siteLog, DateTime fromUtc, DateTime toUtc)
    {
        var found = new List<(DateTime, double, int)>();
        foreach (var (at, line) in Entries(siteLog, "SqliteCheckpointer"))
        {
            if (at >= fromUtc && at <= toUtc && line.TryGetProperty("State", out var state)
                && state.TryGetProperty("Milliseconds", out var ms) && state.TryGetProperty("InLog", out var pages))
            {
                found.Add((at.AddMilliseconds(-ms.GetDouble()), ms.GetDouble(), pages.GetInt32()));
            }
        }

        return found;
    }

    /// <summary>The time and content of each JSON log line of a category (matched by part of its name).</summary>
    private static IEnumerable<(DateTime At, JsonElement Line)> Entries(string siteLog, string category)
    {
        using var stream = new FileStream(siteLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains(category, StringComparison.Ordinal) || !line.StartsWith('{'))
            {
                continue;
            }

            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            if (root.TryGetProperty("Timestamp", out var stamp) && stamp.TryGetDateTime(out var at))
            {
                yield return (at.ToUniversalTime(), root.Clone());
            }
        }
    }

    /// <summary>
    /// The times the outbox marked an email sent, read from the site's JSON log (the site writes one line per email
    /// sent, with no address in it).
    /// </summary>
    public static IReadOnlyList<DateTime> EmailsSent(string siteLog, DateTime fromUtc, DateTime toUtc) =>
        [.. Entries(siteLog, "OutboxPass")
            .Where(e => e.At >= fromUtc && e.At <= toUtc
                && e.Line.TryGetProperty("Message", out var message) && message.GetString()?.Contains(" sent ", StringComparison.Ordinal) == true)
            .Select(e => e.At)];
}
