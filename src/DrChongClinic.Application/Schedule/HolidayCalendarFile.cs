using System.Globalization;
using System.Text;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;

namespace DrChongClinic.Application.Schedule;

/// <summary>One all-day event from a holiday calendar: its days (last day inclusive) and its name.</summary>
public sealed record HolidayEntry(DateOnly FirstDay, DateOnly LastDay, string Name);

/// <summary>Why a holiday calendar file could not be read at all.</summary>
public enum HolidayFileProblem
{
    /// <summary>Empty, not UTF-8 text, or not an iCalendar file (no BEGIN:VCALENDAR ... END:VCALENDAR).</summary>
    NotACalendar,

    /// <summary>A component is opened and not closed (or closed without being opened).</summary>
    Malformed,

    /// <summary>More events than <see cref="HolidayCalendarFile.MaxEvents"/>.</summary>
    TooManyEvents,
}

/// <summary>What was read from a holiday calendar: the all-day events, and how many events were left out.</summary>
public sealed record HolidayFileResult(HolidayFileProblem? Problem, IReadOnlyList<HolidayEntry> Entries, int Skipped)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// A small, strict reader for the public-holiday calendars people subscribe to (RFC 5545 .ics files). It reads only
/// VEVENTs with an all-day start (<c>DTSTART;VALUE=DATE:20270101</c>), an optional all-day end that is exclusive (a
/// two-day holiday ends on the day after) and a SUMMARY, which becomes the closure's reason. Anything else is left out
/// and counted: timed, repeating or cancelled events, events without a name or with an end before their start.
/// Nothing is invented: every date comes from the file.
/// </summary>
public static class HolidayCalendarFile
{
    /// <summary>Largest file accepted (a national calendar for several years is a few tens of kilobytes).</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>Most events read from one file.</summary>
    public const int MaxEvents = 2000;

    /// <summary>Longest closure reason kept; longer names are cut.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest holiday accepted, in days (as the closure form).</summary>
    public const int MaxDays = 366;

    public static HolidayFileResult Read(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Refused(HolidayFileProblem.NotACalendar);
        }

        return Read(text.TrimStart('\uFEFF'));
    }

    public static HolidayFileResult Read(string text)
    {
        var lines = Unfold(text);
        if (lines.Count == 0 || !IsLine(lines[0], "BEGIN", "VCALENDAR"))
        {
            return Refused(HolidayFileProblem.NotACalendar);
        }

        var entries = new List<HolidayEntry>();
        var skipped = 0;
        var events = 0;
        var open = new Stack<string>();
        Dictionary<string, (string Parameters, string Value)>? current = null;
        var calendarClosed = false;
        foreach (var line in lines)
        {
            if (calendarClosed)
            {
                if (line.Length > 0)
                {
                    return Refused(HolidayFileProblem.Malformed);
                }

                continue;
            }

            if (!TrySplit(line, out var name, out var parameters, out var value))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                return Refused(HolidayFileProblem.Malformed);
            }

            if (name == "BEGIN")
            {
                var component = value.Trim().ToUpperInvariant();
                if (open.Count > 20 || component.Length == 0)
                {
                    return Refused(HolidayFileProblem.Malformed);
                }

                open.Push(component);
                if (component == "VEVENT" && open.Count == 2)
                {
                    if (++events > MaxEvents)
                    {
                        return Refused(HolidayFileProblem.TooManyEvents);
                    }

                    current = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
                }

                continue;
            }

            if (name == "END")
            {
                var component = value.Trim().ToUpperInvariant();
                if (open.Count == 0 || open.Pop() != component)
                {
                    return Refused(HolidayFileProblem.Malformed);
                }

                if (component == "VEVENT" && open.Count == 1 && current is not null)
                {
                    if (ToEntry(current) is { } entry)
                    {
                        entries.Add(entry);
                    }
                    else
                    {
                        skipped++;
                    }

                    current = null;
                }

                calendarClosed = open.Count == 0;
                continue;
            }

            // Properties of the event itself (not of an alarm inside it); the first of each name counts.
            if (current is not null && open.Count == 2)
            {
                current.TryAdd(name, (parameters, value));
            }
        }

        return calendarClosed ? new HolidayFileResult(null, entries, skipped) : Refused(HolidayFileProblem.Malformed);
    }

    private static HolidayEntry? ToEntry(Dictionary<string, (string Parameters, string Value)> properties)
    {
        if (properties.ContainsKey("RRULE") || properties.ContainsKey("RDATE")
            || (properties.TryGetValue("STATUS", out var status) && status.Value.Trim().Equals("CANCELLED", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (!properties.TryGetValue("DTSTART", out var start) || !TryDate(start, out var first))
        {
            return null;
        }

        var last = first;
        if (properties.TryGetValue("DTEND", out var end))
        {
            if (!TryDate(end, out var endExclusive) || endExclusive <= first)
            {
                return null;
            }

            last = endExclusive.AddDays(-1);
        }
        else if (properties.TryGetValue("DURATION", out var duration))
        {
            if (!TryDays(duration.Value, out var days))
            {
                return null;
            }

            last = first.AddDays(days - 1);
        }

        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            return null;
        }

        var summary = properties.TryGetValue("SUMMARY", out var s) ? Clean(Unescape(s.Value)) : "";
        // A name with nothing visible, or with a direction override, would mislead staff on the preview and patients on the site.
        return summary.Length == 0 || VisibleText.HasHiddenText(summary) ? null : new HolidayEntry(first, last, TextLength.Clip(summary, MaxNameLength).TrimEnd());
    }

    /// <summary>
    /// An all-day date: <c>VALUE=DATE</c> (or no VALUE), exactly eight digits, and within <see cref="ClinicDates"/>; a
    /// date such as 99991231 is left out like any other unusable event, before any day arithmetic could overflow on it.
    /// </summary>
    private static bool TryDate((string Parameters, string Value) property, out DateOnly day)
    {
        day = default;
        var valueType = Parameter(property.Parameters, "VALUE");
        if (valueType is not null && !valueType.Equals("DATE", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = property.Value.Trim();
        return value.Length == 8 && value.All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && ClinicDates.IsUsable(day);
    }

    /// <summary>A whole-day duration such as P1D or P2W.</summary>
    private static bool TryDays(string value, out int days)
    {
        days = 0;
        var v = value.Trim().ToUpperInvariant();
        if (v.Length < 3 || v[0] != 'P' || !int.TryParse(v.AsSpan(1, v.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxDays)
        {
            return false;
        }

        days = v[^1] switch { 'D' => n, 'W' => n * 7, _ => 0 };
        return days is > 0 and <= MaxDays;
    }

    private static string? Parameter(string parameters, string name)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    /// <summary>Lines with folding undone (a line starting with a space or tab continues the one before).</summary>
    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var started = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (started && line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (started)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(line);
            started = true;
        }

        if (started)
        {
            lines.Add(current.ToString());
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        return lines;
    }

    /// <summary>NAME;PARAM=x;PARAM="y:z":VALUE, the colon in quotes not counting.</summary>
    private static bool TrySplit(string line, out string name, out string parameters, out string value)
    {
        name = parameters = value = "";
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == ':' && !inQuotes)
            {
                var head = line[..i];
                var semicolon = head.IndexOf(';', StringComparison.Ordinal);
                name = (semicolon < 0 ? head : head[..semicolon]).Trim().ToUpperInvariant();
                parameters = semicolon < 0 ? "" : head[(semicolon + 1)..];
                value = line[(i + 1)..];
                return name.Length > 0 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-');
            }
        }

        return false;
    }

    private static bool IsLine(string line, string name, string value) =>
        TrySplit(line, out var n, out _, out var v) && n == name && v.Trim().Equals(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>TEXT escapes: \\ \; \, and \n.</summary>
    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? ' ' : next);
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>One line of plain text: control characters become spaces, runs of spaces one.</summary>
    private static string Clean(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (ch == ' ' && (cleaned.Length == 0 || cleaned[^1] == ' '))
            {
                continue;
            }

            cleaned.Append(ch);
        }

        return cleaned.ToString().Trim();
    }

    private static HolidayFileResult Refused(HolidayFileProblem problem) => new(problem, [], 0);
}
