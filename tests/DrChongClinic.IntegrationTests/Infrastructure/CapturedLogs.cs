using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>
/// A logger provider that keeps every message with its state values, scopes (as a console or JSON logger would
/// write them) and exception text, so tests can read what the site reported.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, string Message)
    {
        /// <summary>Each scope's text and its key=value pairs, e.g. the request scope's RequestPath.</summary>
        public string Scopes { get; init; } = "";

        /// <summary>The state's key=value pairs (structured logging properties).</summary>
        public string State { get; init; } = "";

        public string Exception { get; init; } = "";

        /// <summary>Everything a log sink could write for this line.</summary>
        public string Everything => string.Join('\n', Message, State, Scopes, Exception);
    }

    private static string Describe(object? value)
    {
        var text = new StringBuilder().Append(value);
        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, item) in pairs)
            {
                text.Append(' ').Append(key).Append('=').Append(item);
            }
        }

        return text.ToString();
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new StringBuilder();
            owner._scopes.ForEachScope((scope, text) => text.Append(Describe(scope)).Append(" | "), scopes);
            owner._lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception))
            {
                Scopes = scopes.ToString(),
                State = Describe(state),
                Exception = exception?.ToString() ?? "",
            });
        }
    }
}
