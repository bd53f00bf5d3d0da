using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

public sealed class LoadTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task Five_hundred_booking_attempts_from_fifty_clients_make_no_double_booking_lose_no_email_and_never_fail()
    {
        var wanted = new List<string>();
        foreach (var date in new[] { "2026-12-08", "2026-12-09" })
        {
            using var json = JsonDocument.Parse(await factory.Browser().GetStringAsync($"/book/slots?treatment=consultation&practitioner=any&date={date}"));
            wanted.AddRange(json.RootElement.GetProperty("times").EnumerateArray().Take(12).Select(t => t.GetProperty("value").GetString()!));
        }

        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 50), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (client, _) =>
        {
            var browser = factory.Browser();
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var slot = wanted[((client * 7) + (attempt * 3)) % wanted.Count];
                var page = await browser.DetailsPageAsync(slot[..10], "consultation");
                var response = await browser.SubmitAsync(page, "form[data-booking-form]", BookingSteps.Patient(slot, email: $"load{client}-{attempt}@example.com"));
                statuses.Add(response.StatusCode);
            }
        });

        Assert.Equal(500, statuses.Count);
        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.SeeOther, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));

        var booked = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Patient.Email!.StartsWith("load")).ToListAsync());
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.SeeOther), booked.Count);
        Assert.InRange(booked.Count, 2, wanted.Count * 2); // at most one booking per time per doctor (two doctors)
        foreach (var doctor in booked.Where(a => a.IsActive).GroupBy(a => a.PractitionerId))
        {
            var ordered = doctor.OrderBy(a => a.StartUtc).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previous = ordered[i - 1];
                Assert.True(previous.StartUtc.AddMinutes(previous.DurationMinutes + previous.BufferMinutes) <= ordered[i].StartUtc,
                    $"{previous.Reference} and {ordered[i].Reference} overlap for practitioner {doctor.Key}");
            }
        }

        var ids = booked.Select(a => a.Id).ToList();
        var confirmations = await factory.WithDbAsync(db => db.OutboxMessages
            .Where(m => ids.Contains(m.AppointmentId) && m.Kind == EmailKind.BookingConfirmed)
            .Select(m => m.AppointmentId).ToListAsync());
        Assert.Equal(ids.Order(), confirmations.Order());
        Assert.All(booked, a => Assert.Equal(AppointmentStatus.Confirmed, a.Status));
    }
}
