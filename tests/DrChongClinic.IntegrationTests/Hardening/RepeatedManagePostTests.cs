using System.Net;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>Repeated-post sweep, patient side: the manage link's move sent several times at once.</summary>
public sealed class RepeatedManagePostTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private readonly HttpClient _client = factory.Browser();

    [Fact]
    public async Task The_same_move_sent_ten_times_at_once_moves_the_booking_once_and_every_answer_says_it_is_moved()
    {
        var token = await _client.BookAndGetTokenAsync("2026-12-21T09:00");
        var page = await _client.GetPageAsync($"/book/manage/{token}?date=2026-12-22");

        var answers = await Races.RunAsync(
            () => _client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = "2026-12-22T10:00" }), 10);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.SeeOther, a.Status)); // to the booking's page with "moved"
        var moved = await factory.AppointmentAsync(token);
        Assert.Equal(new DateTime(2026, 12, 22, 2, 0, 0, DateTimeKind.Utc), moved.StartUtc);
        Assert.Single(moved.History, c => c.Kind == AppointmentChangeKind.Rescheduled);
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.AppointmentId == moved.Id && m.Kind == EmailKind.BookingRescheduled)));
    }
}
