using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>A manage-link token opens a booking: it must never be written to a log, in any message, scope or error.</summary>
public sealed class LogRedactionTests(LogRedactionTests.Site site) : IClassFixture<LogRedactionTests.Site>
{
    [Fact]
    public async Task Manage_link_tokens_never_reach_a_log_message_scope_or_error()
    {
        var client = site.Browser();
        var english = await client.BookAndGetTokenAsync("2026-12-09T10:00");
        var manage = await client.GetPageAsync($"/book/manage/{english}");
        var cancelled = await client.SubmitAsync(manage, "#cancel form", new Dictionary<string, string?> { ["Reason"] = "Cannot come" });
        Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);

        var malay = await client.BookAndGetTokenAsync("2026-12-09T11:00");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ms/tempah/urus/{malay}")).StatusCode);
        using (DatabaseFiles.TakeAway(site.DatabasePath))
        {
            // An error while a manage link is open: the exception logs carry the request's scope.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync($"/ms/tempah/urus/{malay}")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync($"/book/manage/{english}?from=email")).StatusCode);
        }

        var lines = site.Logs.Lines;
        Assert.Contains(lines, l => l.Scopes.Contains("/book/manage/***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level >= LogLevel.Error && l.Scopes.Contains("/ms/tempah/urus/***", StringComparison.Ordinal));
        foreach (var token in new[] { english, malay })
        {
            var leak = lines.FirstOrDefault(l => l.Everything.Contains(token, StringComparison.Ordinal));
            Assert.True(leak is null, $"token logged by {leak?.Category}: {leak?.Everything}");
        }
    }

    /// <summary>The booking site with every log line (Debug and up, ASP.NET Core's request logs included) captured.</summary>
    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("Logging:LogLevel:Default", "Debug");
            With("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
            WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }

        public CapturedLogs Logs { get; } = new();
    }
}
