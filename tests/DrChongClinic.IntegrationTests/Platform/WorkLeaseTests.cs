using DrChongClinic.Application.Background;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// A held lease is renewed on the database only once half of it has gone: a busy pass (the outbox sending thousands of
/// emails) writes once per half lease instead of once per email, and is still never overtaken, because nobody takes a
/// lease before it runs out. Real SQLite file, the site's own WorkLeases, a clock moved by hand.
/// </summary>
public sealed class WorkLeaseTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Renewing_with_more_than_half_left_writes_nothing_and_after_half_pushes_the_end_a_full_lease_on()
    {
        var clock = new ManualClock();
        using var site = new ClinicFactory().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        using var scope = site.Services.CreateScope();
        var leases = scope.ServiceProvider.GetRequiredService<WorkLeases>();
        await using var lease = await leases.TryTakeAsync("lease-test", Duration, CancellationToken.None);
        Assert.NotNull(lease);
        var takenUntil = await LeasedUntilAsync(site);
        Assert.Equal(clock.GetUtcNow().UtcDateTime + Duration, takenUntil, TimeSpan.FromMilliseconds(1));

        // A minute in, three of four minutes are left: still this pass's, and the row is not written.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await lease.RenewAsync(CancellationToken.None));
        Assert.Equal(takenUntil, await LeasedUntilAsync(site));

        // Past half: the end moves a full lease past now.
        clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.True(await lease.RenewAsync(CancellationToken.None));
        Assert.Equal(clock.GetUtcNow().UtcDateTime + Duration, await LeasedUntilAsync(site), TimeSpan.FromMilliseconds(1));

        // Nobody else can take it meanwhile.
        using var other = site.Services.CreateScope();
        Assert.Null(await other.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync("lease-test", Duration, CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_that_ran_out_and_was_taken_by_another_pass_is_not_renewed()
    {
        var clock = new ManualClock();
        using var site = new ClinicFactory().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        using var first = site.Services.CreateScope();
        await using var stalled = await first.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync("lease-test", Duration, CancellationToken.None);
        Assert.NotNull(stalled);

        // The first pass stalls past its lease; another pass takes the lease.
        clock.Advance(Duration + TimeSpan.FromSeconds(1));
        using var second = site.Services.CreateScope();
        await using var taken = await second.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync("lease-test", Duration, CancellationToken.None);
        Assert.NotNull(taken);

        Assert.False(await stalled.RenewAsync(CancellationToken.None));
        Assert.True(await taken.RenewAsync(CancellationToken.None));
    }

    private static Task<DateTime> LeasedUntilAsync(ClinicFactory site) =>
        site.WithDbAsync(db => db.WorkLeases.AsNoTracking().Where(l => l.Name == "lease-test").Select(l => l.LeasedUntilUtc).SingleAsync());
}
