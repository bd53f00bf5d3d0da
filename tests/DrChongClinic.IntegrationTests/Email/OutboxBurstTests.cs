using DrChongClinic.Application.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DrChongClinic.IntegrationTests.Email.TestBookings;

namespace DrChongClinic.IntegrationTests.Email;

/// <summary>A burst of bookings is emailed in one outbox pass, not one small batch per poll interval.</summary>
public sealed class OutboxBurstTests
{
    [Fact]
    public async Task One_pass_sends_every_message_that_is_due_not_just_the_first_batch()
    {
        using var site = new ClinicFactory();
        _ = site.Services;
        for (var i = 0; i < 45; i++)
        {
            await BookAsync(site, Patient($"burst{i}@patients.test"), KualaLumpur(2031, 4, 7, 9, 0).AddDays(i), needsConfirmation: true, EmailKind.BookingReceived);
        }

        Assert.Equal(45, (await site.RunOutboxPassAsync()).Sent);

        Assert.True(await site.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)));
        Assert.Equal(45, Directory.GetFiles(Path.Combine(site.Folder, "mail"), "*.eml").Length);
    }
}
