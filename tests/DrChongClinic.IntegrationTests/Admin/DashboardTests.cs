using DrChongClinic.Application.Email;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Admin;

public sealed class DashboardTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task The_dashboard_shows_today_and_tomorrow_requests_waiting_and_failed_emails()
    {
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TestBookings.ClinicZone));
        var early = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(today, 0, 5));
        var tomorrow = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(today.AddDays(1), 23, 0), requested: true);
        var nextWeek = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(today.AddDays(7), 10, 0), requested: true);
        await factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { AppointmentId = nextWeek.Id, Kind = EmailKind.BookingReceived, Status = OutboxStatus.Failed, LastError = "SMTP down" });
            db.OutboxMessages.Add(new OutboxMessage { AppointmentId = nextWeek.Id, Kind = EmailKind.BookingReceived, Status = OutboxStatus.Sent });
            return await db.SaveChangesAsync();
        });
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var page = await client.GetPageAsync("/admin");

        Assert.Equal("1", page.QuerySelector("#stat-today .stat-number")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#stat-tomorrow .stat-number")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#stat-requests .stat-number")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#stat-failed-emails .stat-number")!.TextContent);
        var todayList = page.QuerySelector("#diary-today")!.TextContent;
        Assert.Contains("00:05", todayList);
        Assert.Contains(BookingReference.Display(early.Reference), todayList);
        Assert.Contains(treatment.NameEn, todayList);
        var tomorrowList = page.QuerySelector("#diary-tomorrow")!.TextContent;
        Assert.Contains("23:00", tomorrowList);
        Assert.Contains(BookingReference.Display(tomorrow.Reference), tomorrowList);
        Assert.Contains("Awaiting confirmation", tomorrowList);
    }
}
