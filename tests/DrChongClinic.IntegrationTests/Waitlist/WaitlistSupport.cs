using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Waitlist;

/// <summary>
/// The site at Monday 7 December 2026, 08:00 in Kuala Lumpur, sending to an in-process SMTP server, with the
/// waitlist's own settings (3 offers per time, 2 hours to claim, 3 open entries per address unless a test says otherwise).
/// </summary>
public sealed class WaitlistFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public BookingFactory Site { get; } = new();

    public WaitlistFixture() => Site.SendingTo(Smtp);

    public Task InitializeAsync()
    {
        _ = Site.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>One doctor and one 30-minute treatment of the test's own, so tests sharing a site do not see each other's free times.</summary>
public sealed record WaitlistScene(BookingFactory Site, Practitioner Doctor, Treatment Treatment)
{
    /// <summary>Tuesday 8 December 2026, the day the tests wait for.</summary>
    public static readonly DateOnly Tuesday = new(2026, 12, 8);

    public static async Task<WaitlistScene> NewAsync(BookingFactory site) =>
        new(site, await Infrastructure.TestBookings.PractitionerAsync(site), await Infrastructure.TestBookings.TreatmentAsync(site));

    public string DoctorValue => Doctor.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fills Tuesday morning (09:00-13:00) but for 10:00-10:30, which a booking holds; returns that booking's id.</summary>
    public async Task<int> OneMorningTimeHeldAsync()
    {
        await Infrastructure.TestBookings.BookAsync(Site, Doctor.Id, Treatment.Id, Infrastructure.TestBookings.ClinicTime(Tuesday, 9), 60);
        await Infrastructure.TestBookings.BookAsync(Site, Doctor.Id, Treatment.Id, Infrastructure.TestBookings.ClinicTime(Tuesday, 10, 30), 150);
        return (await Infrastructure.TestBookings.BookAsync(Site, Doctor.Id, Treatment.Id, Infrastructure.TestBookings.ClinicTime(Tuesday, 10), 30)).Id;
    }

    /// <summary>A cancellation by staff, through the booking use case: the time is free again.</summary>
    public async Task CancelAsync(int appointmentId)
    {
        using var scope = Site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<BookingService>().CancelAsync(appointmentId, ChangedBy.Staff, "staff@example.test", "Patient called", null, CancellationToken.None);
        Assert.True(result.Succeeded, $"cancel refused: {result.Problem}");
    }

    /// <summary>Joins through the public form for this doctor and treatment, Tuesday morning unless told otherwise.</summary>
    public Task<HttpResponseMessage> JoinAsync(string email, string phone = "012-345 6789", string? times = "morning", string language = "en", Dictionary<string, string?>? extra = null) =>
        Site.Browser().JoinAsync(Treatment.Code, DoctorValue, email, phone, times, language, extra);

    public Task<List<WaitlistEntry>> EntriesAsync() =>
        Site.WithDbAsync(db => db.WaitlistEntries.AsNoTracking().Where(e => e.TreatmentId == Treatment.Id).OrderBy(e => e.Id).ToListAsync());

    public Task<List<WaitlistOffer>> OffersAsync() =>
        Site.WithDbAsync(db => db.WaitlistOffers.AsNoTracking().Where(o => o.PractitionerId == Doctor.Id).OrderBy(o => o.Id).ToListAsync());

    public Task<int> BookingsAtAsync(DateTime startUtc) =>
        Site.WithDbAsync(db => db.Appointments.CountAsync(a => a.PractitionerId == Doctor.Id && a.StartUtc == startUtc
            && (a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.Requested)));
}

public static partial class WaitlistSteps
{
    public static Task<WaitlistPassResult> RunWaitlistPassAsync(this ClinicFactory site) => site.RunPassAsync<WaitlistPass, WaitlistPassResult>();

    /// <summary>GETs the join page with the booking page's choices and submits it with a patient's details.</summary>
    public static async Task<HttpResponseMessage> JoinAsync(
        this HttpClient client, string treatment, string practitioner, string email, string phone = "012-345 6789", string? times = "morning", string language = "en", Dictionary<string, string?>? extra = null)
    {
        var page = await client.GetPageAsync(WaitlistPaths.Join(language, treatment, practitioner));
        var fields = new Dictionary<string, string?>
        {
            ["FirstDay"] = "2026-12-08",
            ["LastDay"] = "2026-12-08",
            ["Name"] = "Test Waiting Patient",
            ["Email"] = email,
            ["Phone"] = phone,
            ["Language"] = language,
            ["Consent"] = "true",
        };
        if (times is not null)
        {
            fields["Times"] = times;
        }

        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        return await client.SubmitAsync(page, "form[data-waitlist-form]", fields);
    }

    /// <summary>The path of the first link in an email that starts with <paramref name="pathStart"/> ("/waitlist/offer/").</summary>
    public static string LinkIn(ReceivedEmail email, string pathStart)
    {
        var match = Regex.Match(email.Text, Regex.Escape(Email.TestBookings.PublicBaseUrl + pathStart) + "[A-Za-z0-9_-]{43}");
        Assert.True(match.Success, $"no {pathStart} link in: {email.Text}");
        return match.Value[Email.TestBookings.PublicBaseUrl.Length..];
    }

    public static string Heading(string html) => Html.Parse(html).QuerySelector("h1")?.TextContent.Trim() ?? "";

    public static string Heading(IDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? "";
}
