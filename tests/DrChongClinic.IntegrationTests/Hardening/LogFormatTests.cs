using System.Globalization;
using System.Text.Json;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>Outside Development every log line is one JSON object with a UTC time and the request's scopes.</summary>
public sealed class LogFormatTests(ClinicFactory site) : IClassFixture<ClinicFactory>
{
    [Fact]
    public void Production_logs_are_json_lines_with_utc_time_and_request_scopes()
    {
        var console = site.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var formatter = site.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == console.FormatterName);
        var scopes = new LoggerExternalScopeProvider();
        using var requestScope = scopes.Push(new Dictionary<string, object> { ["RequestId"] = "0HN-test", ["RequestPath"] = "/book" });
        var entry = new LogEntry<string>(LogLevel.Warning, "DrChongClinic.Booking", new EventId(7), "Slot just taken", null, (state, exception) => state);
        using var line = new StringWriter(CultureInfo.InvariantCulture);

        formatter.Write(entry, scopes, line);

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        var text = line.ToString();
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("Warning", root.GetProperty("LogLevel").GetString());
        Assert.Equal("Slot just taken", root.GetProperty("Message").GetString());
        var timestamp = root.GetProperty("Timestamp").GetString()!;
        Assert.True(DateTime.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var when), timestamp);
        Assert.InRange(when, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        var scope = Assert.Single(root.GetProperty("Scopes").EnumerateArray());
        Assert.Equal("0HN-test", scope.GetProperty("RequestId").GetString());
        Assert.Equal("/book", scope.GetProperty("RequestPath").GetString());
    }
}
