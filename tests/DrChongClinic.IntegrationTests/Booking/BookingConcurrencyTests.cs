using System.Globalization;
using System.Net;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Booking;

/// <summary>Many patients asking for one time at once: the database lets exactly one have it.</summary>
public sealed class BookingConcurrencyTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static readonly int Patients = 20;

    [Fact]
    public async Task Twenty_patients_racing_for_one_doctors_time_get_one_booking_and_every_other_gets_the_just_taken_page()
    {
        var drChong = (await factory.PractitionerIdAsync(BookingSteps.DrChong)).ToString(CultureInfo.InvariantCulture);

        var responses = await RaceAsync("2026-12-08T10:00", drChong);

        Assert.Single(responses, r => r.Status == HttpStatusCode.SeeOther);
        var losers = responses.Where(r => r.Status != HttpStatusCode.SeeOther).ToList();
        Assert.Equal(Patients - 1, losers.Count);
        Assert.All(losers, r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.All(losers, r => Assert.Contains("Sorry, that time was just taken", Html.Parse(r.Body).QuerySelector("h1")!.TextContent));
        Assert.All(losers, r => Assert.NotEmpty(Html.Parse(r.Body).QuerySelectorAll("input[name=Slot]")));

        var start = new DateTime(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc);
        var (bookings, cells) = await factory.WithDbAsync(async db => (
            await db.Appointments.CountAsync(a => a.StartUtc == start),
            await db.AppointmentSlots.CountAsync(s => s.CellStartUtc >= start && s.CellStartUtc < start.AddHours(1))));
        Assert.Equal(1, bookings);
        Assert.Equal(12, cells);
    }

    [Fact]
    public async Task Twenty_patients_racing_for_any_doctor_fill_each_doctor_once()
    {
        var responses = await RaceAsync("2026-12-09T15:00", "any");

        Assert.Equal(2, responses.Count(r => r.Status == HttpStatusCode.SeeOther));
        Assert.Equal(Patients - 2, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        var start = new DateTime(2026, 12, 9, 7, 0, 0, DateTimeKind.Utc);
        var doctors = await factory.WithDbAsync(db => db.Appointments.Where(a => a.StartUtc == start).Select(a => a.PractitionerId).ToListAsync());
        Assert.Equal(2, doctors.Distinct().Count());
    }

    [Fact]
    public async Task The_database_itself_refuses_overlapping_bookings_for_one_doctor()
    {
        var doctor = await factory.PractitionerIdAsync(BookingSteps.DrChong);
        var treatment = await factory.WithDbAsync(db => db.Treatments.Where(t => t.Code == "pico-laser").Select(t => t.Id).SingleAsync());
        var first = new DateTime(2026, 12, 10, 1, 0, 0, DateTimeKind.Utc);

        await factory.WithDbAsync(async db =>
        {
            db.Appointments.Add(Appointment.Book(Request(treatment, doctor, first), new BookingPolicy(), BookingFactory.MondayMorningUtc));
            return await db.SaveChangesAsync();
        });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(async db =>
        {
            // Starts inside the first booking's buffer: no check before the insert, only the unique index.
            db.Appointments.Add(Appointment.Book(Request(treatment, doctor, first.AddMinutes(50)), new BookingPolicy(), BookingFactory.MondayMorningUtc));
            return await db.SaveChangesAsync();
        }));

        var sqlite = Assert.IsType<SqliteException>(error.InnerException);
        Assert.Equal(19, sqlite.SqliteErrorCode);
        Assert.Contains("AppointmentSlots", sqlite.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_a_busy_timeout_so_writers_wait_instead_of_failing()
    {
        using var db = factory.CreateDbContext();

        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.True(connection.DefaultTimeout >= 30);
        Assert.Equal("wal", mode.Single());
    }

    private async Task<(HttpStatusCode Status, string Body)[]> RaceAsync(string slot, string practitioner)
    {
        var clients = Enumerable.Range(0, Patients).Select(_ => factory.Browser()).ToList();
        var pages = await Task.WhenAll(clients.Select(c => c.DetailsPageAsync(slot[..10], practitioner: practitioner)));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var posts = clients.Select((client, i) => Task.Run(async () =>
        {
            await go.Task;
            var response = await client.SubmitAsync(pages[i], "form[data-booking-form]",
                BookingSteps.Patient(slot, name: $"Patient Number {i}", email: $"patient{i}@example.com"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        go.SetResult();

        var responses = await Task.WhenAll(posts);
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        return responses;
    }

    private static NewAppointment Request(int treatmentId, int practitionerId, DateTime startUtc) => new(
        BookingReference.New(), treatmentId, practitionerId, startUtc, 45, 15,
        new PatientDetails { Name = "Direct Insert", Email = "direct@example.com", Phone = "+60123456789" },
        "2026-11", ManageToken.Hash(ManageToken.New()), "x", Guid.NewGuid(), ChangedBy.Staff, "test");
}
