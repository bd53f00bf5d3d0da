using System.Globalization;
using System.Net;
using DrChongClinic.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrChongClinic.IntegrationTests.Booking;

/// <summary>
/// The booking rules read treatments, doctors, hours and closures from a copy in memory (ScheduleCache). A change saved
/// on this instance reaches the next request; one saved on another instance (its row and the schedule stamp, in one save)
/// reaches this one when the stamp watcher next reads the stamp.
/// </summary>
public sealed class ScheduleCacheTests : IAsyncLifetime
{
    private readonly BookingFactory _site = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _site.DisposeAsync().AsTask();

    [Fact]
    public async Task A_doctor_stopped_here_is_refused_by_the_very_next_request()
    {
        var client = _site.Browser();
        var doctor = await _site.PractitionerIdAsync(BookingSteps.DrChong);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SlotsOf(doctor))).StatusCode);

        await _site.WithDbAsync(async db =>
        {
            var practitioner = await db.Practitioners.SingleAsync(p => p.Id == doctor);
            practitioner.IsActive = false;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(SlotsOf(doctor))).StatusCode);
    }

    [Fact]
    public async Task A_doctor_stopped_on_another_instance_is_refused_here_once_the_stamp_watcher_reads_the_stamp()
    {
        var client = _site.Browser();
        var watcher = _site.Services.GetServices<IHostedService>().OfType<CacheStampWatcher>().Single();
        var doctor = await _site.PractitionerIdAsync(BookingSteps.DrChong);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SlotsOf(doctor))).StatusCode);

        // The row alone, changed outside this instance: its copy still holds the doctor, and nothing here forgets it.
        await _site.WithDbAsync(db => db.Practitioners.Where(p => p.Id == doctor).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsActive, false)));
        await watcher.CheckAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SlotsOf(doctor))).StatusCode);

        // What the other instance's save also writes: a new schedule stamp.
        await _site.WithDbAsync(db => db.CacheStamps.Where(s => s.Name == CacheStamp.Schedule)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Value, Guid.NewGuid())));
        await watcher.CheckAsync(CancellationToken.None);

        var refused = await client.GetAsync(SlotsOf(doctor));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("doctor", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_closure_saved_here_takes_its_day_off_the_booking_page_at_once()
    {
        var client = _site.Browser();
        Assert.Contains("T09:00", await client.GetStringAsync(SlotsAny("2026-12-09")), StringComparison.Ordinal);

        await _site.WithDbAsync(db =>
        {
            db.Closures.Add(new DrChongClinic.Domain.Scheduling.Closure
            {
                FirstDay = new DateOnly(2026, 12, 9),
                LastDay = new DateOnly(2026, 12, 9),
                Reason = "Test closure",
            });
            return db.SaveChangesAsync();
        });

        Assert.DoesNotContain("T09:00", await client.GetStringAsync(SlotsAny("2026-12-09")), StringComparison.Ordinal);
    }

    private static string SlotsOf(int doctor) =>
        $"/book/slots?treatment=pico-laser&practitioner={doctor.ToString(CultureInfo.InvariantCulture)}&date=2026-12-09";

    private static string SlotsAny(string date) => $"/book/slots?treatment=pico-laser&practitioner=any&date={date}";
}
