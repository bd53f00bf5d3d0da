using AngleSharp.Dom;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Booking;

/// <summary>
/// The real site on its own SQLite file, with "now" fixed at Monday 7 December 2026, 08:00 in Kuala Lumpur.
/// Seed data: two doctors, Monday to Friday 09:00-13:00 and 14:00-18:00, Saturday 09:00-13:00.
/// </summary>
public class BookingFactory : ClinicFactory
{
    public static readonly DateTime MondayMorningUtc = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    public BookingFactory() => WithServices(services => services.AddSingleton<TimeProvider>(Clock));

    /// <summary>The site's clock; tests that move it put it back to <see cref="MondayMorningUtc"/>.</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(MondayMorningUtc));

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public Task<int> AppointmentCountAsync() => WithDbAsync(db => db.Appointments.CountAsync());

    public Task<Appointment> AppointmentAsync(string token) => WithDbAsync(db =>
    {
        var hash = ManageToken.Hash(token);
        return db.Appointments.Include(a => a.Slots).Include(a => a.History).SingleAsync(a => a.ManageTokenHash == hash);
    });

    public string Unprotect(string protectedToken) =>
        Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("DrChongClinic.ManageToken.v1").Unprotect(protectedToken);

    public async Task<int> PractitionerIdAsync(string name) =>
        await WithDbAsync(db => db.Practitioners.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
}

/// <summary>Steps of the booking flow, done the way a browser does them.</summary>
public static class BookingSteps
{
    public const string DrChong = "Dr Sample Doctor A";

    /// <summary>GETs the booking page with a treatment, doctor and date chosen: the form with the time radios.</summary>
    public static Task<IDocument> DetailsPageAsync(this HttpClient client, string date = "2026-12-08", string treatment = "pico-laser", string practitioner = "any", string language = "en") =>
        client.GetPageAsync($"{SitePaths.Book(language)}?treatment={treatment}&practitioner={practitioner}&date={date}");

    /// <summary>What a patient fills in, choosing <paramref name="slot"/>; change or remove (null) entries to test bad input.</summary>
    public static Dictionary<string, string?> Patient(string slot, string name = "Nur Aisyah binti Rahman", string email = "aisyah@example.com") => new()
    {
        ["Slot"] = slot,
        ["Name"] = name,
        ["Email"] = email,
        ["Phone"] = "012-345 6789",
        ["Notes"] = "First visit, rolling scars on both cheeks.",
        ["Consent"] = "true",
    };

    /// <summary>Shows the booking form (as for Tuesday 8 December) and submits it with these fields, including the chosen slot.</summary>
    public static async Task<HttpResponseMessage> BookAsync(this HttpClient client, Dictionary<string, string?> fields, string treatment = "pico-laser", string practitioner = "any", string language = "en")
    {
        var page = await client.DetailsPageAsync("2026-12-08", treatment, practitioner, language);
        return await client.SubmitAsync(page, "form[data-booking-form]", fields);
    }

    /// <summary>The manage-link token from the redirect after a successful booking.</summary>
    public static string TokenFrom(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var path = location.Split('?')[0];
        return path[(path.LastIndexOf('/') + 1)..];
    }

    public static async Task<string> BookAndGetTokenAsync(this HttpClient client, string slot, string practitioner = "any", string treatment = "pico-laser", string email = "aisyah@example.com") =>
        TokenFrom(await client.BookAsync(Patient(slot, email: email), treatment, practitioner));

    public static string Text(this IDocument page) => page.QuerySelector("main")!.TextContent;
}
