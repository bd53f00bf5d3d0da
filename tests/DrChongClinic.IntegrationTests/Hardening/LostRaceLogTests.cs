using System.Globalization;
using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Staff-area sweep finding 4: every lost booking race wrote two "fail:" entries with stack traces (EF's command error
/// and save failure) although the site handled it, so anyone posting at once could fill the logs. A handled race logs
/// no warning or error; a crash nobody handles is still logged, once.
/// </summary>
public sealed class LostRaceLogTests(LostRaceLogTests.Site site) : IClassFixture<LostRaceLogTests.Site>
{
    [Fact]
    public async Task Patients_racing_for_one_time_leave_no_warning_or_error_in_the_log()
    {
        var drChong = (await site.PractitionerIdAsync(BookingSteps.DrChong)).ToString(CultureInfo.InvariantCulture);
        var clients = Enumerable.Range(0, 10).Select(_ => site.Browser()).ToList();
        var pages = await Task.WhenAll(clients.Select(c => c.DetailsPageAsync("2026-12-08", practitioner: drChong)));
        var before = site.Logs.Lines.Count;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = clients.Select((client, i) => Task.Run(async () =>
        {
            await go.Task;
            return (await client.SubmitAsync(pages[i], "form[data-booking-form]",
                BookingSteps.Patient("2026-12-08T10:00", name: $"Racing Patient {i}", email: $"racer{i}@example.com"))).StatusCode;
        })).ToList();
        go.SetResult();

        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, a => a == HttpStatusCode.SeeOther);
        Assert.Contains(answers, a => a == HttpStatusCode.Conflict);
        var loud = site.Logs.Lines.Skip(before).Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
    }

    [Fact]
    public async Task A_made_up_anti_forgery_cookie_gets_the_page_and_a_new_cookie_and_leaves_no_warning_or_error()
    {
        const string page = "/book?treatment=consultation&date=2026-12-08";
        var issued = (await site.CreateClient().GetAsync(page)).Headers.GetValues("Set-Cookie").Single(c => c.Contains("clinic.af=", StringComparison.Ordinal));
        var cookieName = issued[..issued.IndexOf('=', StringComparison.Ordinal)];
        var before = site.Logs.Lines.Count;
        var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Add("Cookie", $"{cookieName}=garbage");

        var response = await site.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookieName + "=CfDJ8", StringComparison.Ordinal)); // a new, readable one
        var loud = site.Logs.Lines.Skip(before).Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
    }

    [Fact]
    public async Task An_unhandled_exception_is_still_logged_once_as_an_error()
    {
        var before = site.Logs.Lines.Count;

        var response = await site.CreateClient().GetAsync(ThrowingEndpointStartupFilter.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(site.Logs.Lines.Skip(before), l => l.Level >= LogLevel.Error && l.Exception.Contains("Deliberate test failure", StringComparison.Ordinal));
    }

    /// <summary>The booking site with EF's own log categories at their most talkative, captured.</summary>
    public sealed class Site : BookingFactory
    {
        public Site()
        {
            With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug");
            With("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Warning");
            WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }

        public CapturedLogs Logs { get; } = new();
    }
}
