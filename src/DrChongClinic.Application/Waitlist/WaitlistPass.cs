using DrChongClinic.Application.Background;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Waitlist;

/// <summary>What one waitlist pass did.</summary>
public sealed record WaitlistPassResult(int OffersExpired, int EntriesExpired, int OffersMade, int OffersGone, int Sent, int Failed, int Held, int Forgotten = 0);

/// <summary>
/// One pass of the waitlist, run every Waitlist:PassInterval:
/// <list type="number">
/// <item>expires offers that ran out and entries whose last day has passed (the entry goes back in line, keeping its place);</item>
/// <item>scans the free times of the treatments people wait for (a cancellation, a move, a lifted closure or new hours
/// all just show up as free times, so no booking code path has to call the waitlist): an open offer whose time is no
/// longer free is gone (its holder is told), and each free time is offered to up to Waitlist:OffersPerTime waiting
/// patients in join order, one open offer per patient;</item>
/// <item>sends the waitlist's due emails, under the booking outbox's lease and within the one per-mailbox cap;</item>
/// <item>deletes entries closed (booked, left, expired) more than <see cref="ClosedEntriesKeptFor"/> ago, with their offers
/// and emails: the waitlist keeps no personal data longer than it needs (the booking keeps its own).</item>
/// </list>
/// The whole pass runs under the "waitlist" <see cref="WorkLease"/> (as the outbox pass runs under "outbox"): with several
/// app instances on one database one pass at a time expires and offers, so one time is never offered past the limit;
/// the others' passes return at once. A lease left by an instance that died runs out after <see cref="LeaseDuration"/>.
/// Staff's offers by hand are not under the lease: the entry's concurrency token and the unique "one open offer per
/// entry" index refuse the second of two offers to one entry, and a pass whose save meets such a change made meanwhile
/// (a claim, a leave, a staff offer) saves nothing of that step and leaves it to the next pass. Each email is claimed
/// with one conditional UPDATE before it is sent.
/// </summary>
public sealed partial class WaitlistPass(
    IClinicDatabase db,
    WorkLeases leases,
    MailboxDailyCap cap,
    SlotFinder slots,
    WaitlistService waitlist,
    ManageTokenProtector tokens,
    IWaitlistEmailSender sender,
    ClinicClock clock,
    IOptions<WaitlistOptions> options,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<WaitlistPass> logger) : IBackgroundPass<WaitlistPassResult>
{
    /// <summary>How long a closed entry (and the patient's name, email and phone in it) is kept for staff to look back.</summary>
    public static readonly TimeSpan ClosedEntriesKeptFor = TimeSpan.FromDays(30);

    private static readonly int BatchSize = 20;

    private WaitlistOptions Options => options.Value;

    /// <summary>The lease every instance's waitlist pass takes first.</summary>
    public const string LeaseName = "waitlist";

    /// <summary>How long one pass may hold the lease before renewing it (between its steps).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    public async Task<WaitlistPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryTakeAsync(LeaseName, LeaseDuration, cancellationToken);
        if (lease is null)
        {
            return new WaitlistPassResult(0, 0, 0, 0, 0, 0, 0); // another instance's pass is running
        }

        var (offersExpired, entriesExpired) = await SavedOrNothingAsync(ExpireAsync, cancellationToken);
        if (!await lease.RenewAsync(cancellationToken))
        {
            return new WaitlistPassResult(offersExpired, entriesExpired, 0, 0, 0, 0, 0); // it ran out and another took over
        }

        var (made, gone) = await SavedOrNothingAsync(OfferAsync, cancellationToken);
        if (!await lease.RenewAsync(cancellationToken))
        {
            return new WaitlistPassResult(offersExpired, entriesExpired, made, gone, 0, 0, 0);
        }

        var (sent, failed, held) = await SendDueAsync(cancellationToken);
        var forgetBefore = clock.UtcNow - ClosedEntriesKeptFor;
        var forgotten = await db.WaitlistEntries.Where(e => e.ClosedAtUtc != null && e.ClosedAtUtc < forgetBefore).ExecuteDeleteAsync(cancellationToken);
        return new WaitlistPassResult(offersExpired, entriesExpired, made, gone, sent, failed, held, forgotten);
    }

    /// <summary>
    /// Runs one step and saves it in one SaveChanges. When a row it changes was changed meanwhile (a claim, a leave, a staff
    /// offer: concurrency token or unique index), nothing of the step is saved and it counts nothing: the next pass reads
    /// again and does it.
    /// </summary>
    private async Task<(int, int)> SavedOrNothingAsync(Func<CancellationToken, Task<(int, int)>> step, CancellationToken cancellationToken)
    {
        try
        {
            var counts = await step(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return counts;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || db.IsDuplicate(e))
        {
            LogStepConflict(e.GetType().Name);
            return (0, 0);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<(int Offers, int Entries)> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var offers = 0;
        foreach (var offer in await db.WaitlistOffers.Include(o => o.Entry).Where(o => o.Status == WaitlistOfferStatus.Open && o.ExpiresAtUtc <= now).ToListAsync(cancellationToken))
        {
            if (offer.ExpireIfDue(now))
            {
                offer.Entry!.OfferEnded(today, now);
                offers++;
            }
        }

        var entries = 0;
        foreach (var entry in await db.WaitlistEntries.Where(e => (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered) && e.LastDay < today).ToListAsync(cancellationToken))
        {
            if (entry.ExpireIfPast(today, now))
            {
                entries++;
                foreach (var offer in await db.WaitlistOffers.Where(o => o.EntryId == entry.Id && o.Status == WaitlistOfferStatus.Open).ToListAsync(cancellationToken))
                {
                    offer.MarkGone(now);
                }
            }
        }

        return (offers, entries);
    }

    private async Task<(int Made, int Gone)> OfferAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var entries = await db.WaitlistEntries
            .Where(e => (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered) && e.LastDay >= today)
            .OrderBy(e => e.JoinedAtUtc).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return (0, 0);
        }

        var entryIds = entries.Select(e => e.Id).ToList();
        var openOffers = await db.WaitlistOffers.Where(o => o.Status == WaitlistOfferStatus.Open && entryIds.Contains(o.EntryId)).ToListAsync(cancellationToken);
        var offeredBefore = (await db.WaitlistOffers.AsNoTracking().Where(o => entryIds.Contains(o.EntryId))
                .Select(o => new { o.EntryId, o.PractitionerId, o.StartUtc }).ToListAsync(cancellationToken))
            .Select(o => (o.EntryId, o.PractitionerId, o.StartUtc)).ToHashSet();
        var genders = await db.Practitioners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Gender, cancellationToken);

        var made = 0;
        var gone = 0;
        foreach (var group in entries.GroupBy(e => e.TreatmentId))
        {
            var treatment = await db.Treatments.AsNoTracking().FirstOrDefaultAsync(t => t.Id == group.Key && t.IsActive, cancellationToken);
            var free = treatment is null
                ? []
                : await slots.FreeSlotsBetweenAsync(SlotSearch.For(treatment, null), group.Min(e => e.FirstDay), group.Max(e => e.LastDay), cancellationToken);
            var freeTimes = free.SelectMany(s => s.PractitionerIds.Select(p => (p, s.StartUtc))).ToHashSet();

            // Offers of times taken meanwhile (staff on the phone, the public form, a closure): gone, and their holders told.
            var ids = group.Select(e => e.Id).ToHashSet();
            foreach (var offer in openOffers.Where(o => ids.Contains(o.EntryId) && !freeTimes.Contains((o.PractitionerId, o.StartUtc))).ToList())
            {
                offer.MarkGone(now);
                var entry = group.First(e => e.Id == offer.EntryId);
                entry.OfferEnded(today, now);
                db.WaitlistMessages.Add(WaitlistMessage.About(entry, WaitlistEmailKind.Gone, now, offer));
                openOffers.Remove(offer);
                gone++;
            }

            if (treatment is null)
            {
                continue;
            }

            foreach (var slot in free)
            {
                foreach (var practitionerId in slot.PractitionerIds)
                {
                    if (made >= Options.MaxOffersPerPass)
                    {
                        LogOfferLimit(Options.MaxOffersPerPass);
                        return (made, gone);
                    }

                    var time = new WaitlistTime(treatment.Id, practitionerId, genders.GetValueOrDefault(practitionerId), slot.LocalStart, slot.StartUtc);
                    var open = openOffers.Count(o => o.PractitionerId == practitionerId && o.StartUtc == slot.StartUtc);
                    var who = WaitlistMatcher.WhoGets(time, group, open, Math.Min(Options.OffersPerTime, Options.MaxOffersPerPass - made), e => offeredBefore.Contains((e.Id, practitionerId, slot.StartUtc)));
                    foreach (var entry in who)
                    {
                        entry.MarkOffered();
                        openOffers.Add(waitlist.NewOffer(entry, practitionerId, slot.StartUtc, offeredBy: null));
                        offeredBefore.Add((entry.Id, practitionerId, slot.StartUtc));
                        made++;
                    }
                }
            }
        }

        if (made + gone > 0)
        {
            LogOffers(made, gone);
        }

        return (made, gone);
    }

    /// <summary>
    /// Sends the waitlist's due emails under the booking outbox's lease (<see cref="OutboxPass.LeaseName"/>): sending to
    /// patients is one pass at a time across instances, so the one per-mailbox cap (<see cref="MailboxDailyCap"/>) counts
    /// every send before the next. While the outbox pass holds it, this pass sends nothing; the next one does.
    /// </summary>
    private async Task<(int Sent, int Failed, int Held)> SendDueAsync(CancellationToken cancellationToken)
    {
        var dueBy = clock.UtcNow;
        if (!await db.WaitlistMessages.AnyAsync(m => m.Status == OutboxStatus.Pending && m.DueAtUtc <= dueBy, cancellationToken))
        {
            return (0, 0, 0);
        }

        await using var sending = await leases.TryTakeAsync(OutboxPass.LeaseName, sender.SendTimeout * 5, cancellationToken);
        if (sending is null)
        {
            return (0, 0, 0);
        }

        var (sent, failed, held) = (0, 0, 0);
        while (true)
        {
            var due = await db.WaitlistMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.DueAtUtc <= dueBy)
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.Attempts })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var message in due)
            {
                if (!await sending.RenewAsync(cancellationToken))
                {
                    return (sent, failed, held); // it ran out and another instance took over
                }

                switch (await SendOneAsync(message.Id, message.Attempts, cancellationToken))
                {
                    case OutboxStatus.Sent: sent++; break;
                    case OutboxStatus.Failed: failed++; break;
                    case OutboxStatus.Held: held++; break;
                }
            }

            if (due.Count < BatchSize)
            {
                return (sent, failed, held);
            }
        }
    }

    /// <summary>Claims, composes and sends one message; returns its new status (Pending when it will be retried or was not ours).</summary>
    private async Task<OutboxStatus> SendOneAsync(int id, int attemptsBefore, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var attempt = attemptsBefore + 1;
        var claimUntil = now + sender.SendTimeout * 5;
        var claimed = await db.WaitlistMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.Attempts == attemptsBefore && m.DueAtUtc <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Attempts, attempt).SetProperty(m => m.DueAtUtc, claimUntil), cancellationToken);
        if (claimed == 0)
        {
            return OutboxStatus.Pending; // another pass or instance has it
        }

        var message = await db.WaitlistMessages.AsNoTracking().Include(m => m.Entry).Include(m => m.Offer).SingleAsync(m => m.Id == id, cancellationToken);
        var entry = message.Entry!;

        // An offer that is no longer open is not worth an email; nor is anything for an entry the patient left.
        if ((message.Kind == WaitlistEmailKind.Offer && message.Offer is not { Status: WaitlistOfferStatus.Open })
            || entry.Status == WaitlistStatus.Left || entry.Patient.Email is null)
        {
            await SetStatusAsync(id, OutboxStatus.Skipped, null);
            return OutboxStatus.Skipped;
        }

        if (attemptsBefore == 0 && await cap.IsReachedAsync(entry.Patient.Email, now, cancellationToken))
        {
            await SetStatusAsync(id, OutboxStatus.Held, $"Held: this address already had {cap.Limit} emails in 24 hours (Email:MaxPerRecipientPerDay).");
            LogHeld(id, message.Kind);
            return OutboxStatus.Held;
        }

        var treatment = await db.Treatments.AsNoTracking().SingleAsync(t => t.Id == entry.TreatmentId, cancellationToken);
        var practitionerId = message.Offer?.PractitionerId ?? entry.PractitionerId;
        var practitioner = practitionerId is { } pid
            ? await db.Practitioners.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name).SingleAsync(cancellationToken)
            : null;
        var facts = new WaitlistEmailFacts(
            message, entry, treatment, practitioner, message.Offer, tokens.Unprotect(entry.ProtectedLeaveToken),
            message.Offer is { } offer ? tokens.Unprotect(offer.ProtectedToken) : null);
        try
        {
            await sender.SendAsync(facts, cancellationToken);
        }
        catch (EmailNotComposedException e)
        {
            await SetStatusAsync(id, OutboxStatus.Failed, $"Could not build the message: {e.Message}");
            LogFailed(id, message.Kind, e.InnerException!.GetType().Name);
            return OutboxStatus.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var text = $"{e.GetType().Name}: {e.Message}";
            if (attempt >= outboxOptions.Value.MaxAttempts)
            {
                await SetStatusAsync(id, OutboxStatus.Failed, text);
                LogFailed(id, message.Kind, e.GetType().Name);
                return OutboxStatus.Failed;
            }

            var retryAt = clock.UtcNow + OutboxPass.Backoff(outboxOptions.Value.RetryBackoff, attempt);
            await db.WaitlistMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.DueAtUtc, retryAt).SetProperty(m => m.LastError, Truncate(text)), CancellationToken.None);
            return OutboxStatus.Pending;
        }

        await db.WaitlistMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAtUtc, clock.UtcNow), CancellationToken.None);
        LogSent(id, message.Kind, attempt);
        return OutboxStatus.Sent;
    }

    private Task SetStatusAsync(int id, OutboxStatus status, string? error) =>
        db.WaitlistMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, status).SetProperty(m => m.LastError, error == null ? null : Truncate(error)), CancellationToken.None);

    private static string Truncate(string text) => TextLength.Clip(text, 2000);

    [LoggerMessage(LogLevel.Information, "Waitlist pass: {Made} offers made, {Gone} offers gone")]
    private partial void LogOffers(int made, int gone);

    [LoggerMessage(LogLevel.Information, "Waitlist pass step met a change made meanwhile ({Error}); the next pass does it")]
    private partial void LogStepConflict(string error);

    [LoggerMessage(LogLevel.Warning, "Waitlist pass stopped at {Limit} offers (Waitlist:MaxOffersPerPass); the next pass goes on")]
    private partial void LogOfferLimit(int limit);

    [LoggerMessage(LogLevel.Information, "Waitlist email {MessageId} ({Kind}) sent on try {Attempt}")]
    private partial void LogSent(int messageId, WaitlistEmailKind kind, int attempt);

    [LoggerMessage(LogLevel.Error, "Waitlist email {MessageId} ({Kind}) failed ({Error}); marked Failed")]
    private partial void LogFailed(int messageId, WaitlistEmailKind kind, string error);

    [LoggerMessage(LogLevel.Warning, "Waitlist email {MessageId} ({Kind}) held: its address had too many emails in 24 hours")]
    private partial void LogHeld(int messageId, WaitlistEmailKind kind);
}
