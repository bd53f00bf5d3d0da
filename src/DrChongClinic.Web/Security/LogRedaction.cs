using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Security;

/// <summary>
/// A manage link's token opens a patient's booking, so it must never reach a log: every message, state value,
/// scope (ASP.NET Core's request scope carries the request path) and exception text written through the
/// site's <see cref="ILoggerFactory"/> has the path segment after <c>/manage/</c> or <c>/urus/</c> replaced by
/// <c>***</c>, whichever logger provider writes it (JSON console, tests' providers). A doctor's diary address
/// (<c>/diary/</c>, <c>/diari/</c>) opens their bookings the same way and is masked the same way.
/// </summary>
public static partial class LogRedaction
{
    public const string Mask = "***";

    /// <summary>Replaces the site's logger factory with one that redacts manage-link tokens before any provider sees a line.</summary>
    public static IServiceCollection AddClinicLogRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
        return services;
    }

    /// <summary>True when the text holds a manage-link path (any case, any host or query around it).</summary>
    public static bool NeedsRedaction(string? text) =>
        text is not null
        && (text.Contains("/manage/", StringComparison.OrdinalIgnoreCase) || text.Contains("/urus/", StringComparison.OrdinalIgnoreCase)
            || text.Contains("/diary/", StringComparison.OrdinalIgnoreCase) || text.Contains("/diari/", StringComparison.OrdinalIgnoreCase));

    /// <summary>The text with every manage-link token replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text) => NeedsRedaction(text) ? TokenSegment().Replace(text, Mask) : text;

    /// <summary>The segment after /manage/, /urus/, /diary/ or /diari/ (URL-encoded slashes count as slashes).</summary>
    [GeneratedRegex(@"(?<=/(?:manage|urus|diary|diari)/)(?:(?!%2[fF])[^/?#\s""'<>&;,)\]}])+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenSegment();

    internal static object? RedactValue(string key, object? value) => value switch
    {
        _ when key.Equals("token", StringComparison.OrdinalIgnoreCase) && value is not null => Mask,
        string text => Redact(text),
        null => null,
        _ when NeedsRedaction(value.ToString()) => Redact(value.ToString()!),
        _ => value,
    };

    internal static bool NeedsRedaction(IEnumerable<KeyValuePair<string, object?>> values) =>
        values.Any(pair => pair.Key.Equals("token", StringComparison.OrdinalIgnoreCase)
            || (pair.Value is not null && NeedsRedaction(pair.Value as string ?? pair.Value.ToString())));

    private sealed class RedactingLoggerFactory(LoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => state switch
            {
                IEnumerable<KeyValuePair<string, object?>> values when NeedsRedaction(values) => inner.BeginScope(new RedactedValues(values, state.ToString())),
                string text when NeedsRedaction(text) => inner.BeginScope(Redact(text)),
                _ => inner.BeginScope(state),
            };

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var exceptionText = exception?.ToString();
            var values = state as IEnumerable<KeyValuePair<string, object?>>;
            if (!NeedsRedaction(message) && !NeedsRedaction(exceptionText) && (values is null || !NeedsRedaction(values)))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var redacted = new RedactedValues(values ?? [], message);
            var redactedException = exception is not null && NeedsRedaction(exceptionText) ? new RedactedException(exception, Redact(exceptionText!)) : exception;
            inner.Log(logLevel, eventId, redacted, redactedException, static (s, _) => s.ToString());
        }
    }

    /// <summary>A log state or scope with its values and text redacted; providers read both.</summary>
    private sealed class RedactedValues(IEnumerable<KeyValuePair<string, object?>> values, string? text) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _values = values.Select(pair => new KeyValuePair<string, object?>(pair.Key, RedactValue(pair.Key, pair.Value))).ToList();
        private readonly string _text = Redact(text ?? "");

        public int Count => _values.Count;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _text;
    }

    /// <summary>Stands in for an exception whose text held a token: same type name and stack, token masked.</summary>
    private sealed class RedactedException(Exception original, string text) : Exception(Redact(original.Message))
    {
        public override string? StackTrace => null;

        public override string ToString() => text;
    }
}
