using System.Diagnostics;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// The site's own SQLite writes queue in the process (SqliteWriteGates) instead of meeting in SQLite's busy handler.
/// Here the writing connection gives up on a locked database after 1 s and a booking transaction holds the write
/// lock for 2.5 s: a write that went straight to SQLite would fail with "database is locked"; one that queues waits
/// its turn and succeeds.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(2.5);

    [Fact]
    public async Task A_single_statement_write_waits_for_a_booking_transaction_and_succeeds()
    {
        using var site = ImpatientSite();
        var (holding, released) = HoldTheWriteLock(site);
        await holding;

        var waited = Stopwatch.StartNew();
        var rows = await site.WithDbAsync(async db =>
        {
            await GiveUpAfterOneSecondAsync(db);
            return await db.Treatments.Where(t => t.Code == "consultation")
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.SortOrder, t => t.SortOrder + 1));
        });

        Assert.Equal(1, rows);
        Assert.True(waited.Elapsed > TimeSpan.FromSeconds(1.5), $"the update went ahead after {waited.Elapsed} while the lock was held");
        await released;
    }

    [Fact]
    public async Task A_save_outside_a_transaction_waits_for_a_booking_transaction_and_succeeds()
    {
        using var site = ImpatientSite();
        var (holding, released) = HoldTheWriteLock(site);
        await holding;

        var waited = Stopwatch.StartNew();
        var saved = await site.WithDbAsync(async db =>
        {
            await GiveUpAfterOneSecondAsync(db);
            var treatment = await db.Treatments.SingleAsync(t => t.Code == "consultation");
            treatment.SortOrder += 1;
            return await db.SaveChangesAsync();
        });

        Assert.True(saved >= 1);
        Assert.True(waited.Elapsed > TimeSpan.FromSeconds(1.5), $"the save went ahead after {waited.Elapsed} while the lock was held");
        await released;
    }

    private static ClinicFactory ImpatientSite()
    {
        var site = new ClinicFactory();
        using var client = site.CreateClient(); // starts the site: migrations and seed
        return site;
    }

    /// <summary>This context's connection: SQLite's busy handler gives up after 0.2 s, the command after 1 s.</summary>
    private static async Task GiveUpAfterOneSecondAsync(ClinicDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.DefaultTimeout = 1; // BEGIN of the transaction a save opens
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 200;";
        await command.ExecuteNonQueryAsync();
        db.Database.SetCommandTimeout(1);
    }

    /// <summary>A serialized transaction (as a booking takes) that holds SQLite's write lock for <see cref="Held"/>.</summary>
    private static (Task Holding, Task Released) HoldTheWriteLock(ClinicFactory site)
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = Task.Run(() => site.WithDbAsync(db => db.SerializedAsync("test-hold", async () =>
        {
            holding.SetResult();
            await Task.Delay(Held);
            return 0;
        }, CancellationToken.None)));
        return (holding.Task, released);
    }
}
