using AngleSharp.Dom;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>The site with its outbox sending to an in-process SMTP server; online bookings wait for staff to confirm them.</summary>
public sealed class StaffBookingsFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public ClinicFactory Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = new ClinicFactory().SendingTo(Smtp).With("Booking:OnlineBookingsNeedConfirmation", "true");
        _ = Site.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Bookings made through the real <see cref="BookingService"/>, as the public form makes them.</summary>
public static class OnlineBookings
{
    public const string Treatment = "pico-laser";

    /// <summary>Books the <paramref name="nth"/> free time of the first day after today the practitioner has free times.</summary>
    public static async Task<Appointment> BookAsync(ClinicFactory site, int practitionerId, string email, string name = "Aisyah Rahman", int nth = 0)
    {
        using var scope = site.Services.CreateScope();
        var slot = (await FreeSlotsAsync(scope.ServiceProvider, practitionerId))[nth];
        var result = await scope.ServiceProvider.GetRequiredService<BookingService>().BookAsync(
            new BookingRequest(Treatment, practitionerId, slot.Date, slot.Time,
                new PatientDetails { Name = name, Email = email, Phone = "+60123456789", Language = "en" }, "2026-11", Guid.NewGuid()),
            CancellationToken.None);
        Assert.True(result.Succeeded, $"booking refused: {result.Problem}");
        return result.Appointment!;
    }

    /// <summary>
    /// The free times of the first day after today with free times (for the treatment, this practitioner). Today is
    /// left out: late in the clinic's day it has only a few times left (or none), and a test that books the seventh
    /// failed when it ran then.
    /// </summary>
    public static async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(IServiceProvider services, int practitionerId, int day = 0)
    {
        var slots = services.GetRequiredService<SlotFinder>();
        var today = services.GetRequiredService<ClinicClock>().Today;
        var treatment = (await slots.FindTreatmentAsync(Treatment, CancellationToken.None))!;
        var search = SlotSearch.For(treatment, practitionerId);
        var days = (await slots.DaysWithFreeSlotsAsync(search, day + 2, CancellationToken.None)).Where(d => d.Date > today).ToList();
        return await slots.FreeSlotsAsync(search, days[day].Date, CancellationToken.None);
    }

    public static Task<Appointment> LoadAsync(ClinicFactory site, int id) =>
        site.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));

    /// <summary>POSTs to any address with the page's anti-forgery token, like a form on that page would.</summary>
    public static Task<HttpResponseMessage> PostFromAsync(this HttpClient client, IDocument page, string url, Dictionary<string, string> fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static string Problem(IDocument page) => page.QuerySelector("#booking-problem")?.TextContent.Trim() ?? "";
}
