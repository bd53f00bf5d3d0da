using System.Globalization;
using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Security review finding 11: identical posts of one booking form at the same moment (a double click) sometimes
/// answered 409 "someone else booked this time... nothing has been booked for you" although the booking was made.
/// The second post carries the same SubmissionId, so it must get the same booking back.
/// </summary>
public sealed class DoubleClickTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static readonly int Rounds = 20;
    private static readonly int[] Hours = [9, 10, 11, 14, 15];

    [Fact]
    public async Task Two_identical_posts_at_the_same_moment_both_lead_to_the_one_booking_never_to_a_false_just_taken()
    {
        var drChong = (await factory.PractitionerIdAsync(BookingSteps.DrChong)).ToString(CultureInfo.InvariantCulture);
        var days = new[] { "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11" };
        for (var round = 0; round < Rounds; round++)
        {
            var day = days[round % days.Length];
            var slot = $"{day}T{Hours[round / days.Length]:00}:00";
            var client = factory.Browser();
            var page = await client.DetailsPageAsync(day, practitioner: drChong);
            var fields = BookingSteps.Patient(slot, name: "Double Click Patient", email: $"double{round}@example.com");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                await go.Task;
                var response = await client.SubmitAsync(page, "form[data-booking-form]", fields);
                return (response.StatusCode, Location: response.Headers.Location?.OriginalString);
            })).ToList();
            go.SetResult();
            var answers = await Task.WhenAll(posts);

            Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.SeeOther, $"round {round}: {a.StatusCode}"));
            Assert.All(answers, a => Assert.Equal(answers[0].Location, a.Location));
            var email = $"double{round}@example.com";
            Assert.Equal(1, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.Patient.Email == email)));
        }
    }
}
