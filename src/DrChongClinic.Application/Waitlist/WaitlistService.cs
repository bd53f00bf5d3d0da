using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Waitlist;

/// <summary>
/// The patient's and staff's waitlist actions: join, leave, claim an offered time, and staff's day view and offer by
/// hand. A claim books through <see cref="BookingService.BookAsync"/> like the public form (its caps, its unique diary
/// cells), so the first claim wins and the database still refuses a double booking. Offers are made by
/// <see cref="WaitlistPass"/>, which scans for free times.
/// </summary>
public sealed class WaitlistService(
    IClinicDatabase db,
    SlotFinder slots,
    BookingService bookings,
    ManageTokenProtector tokens,
    ClinicClock clock,
    AuditLog audit,
    IOptions<WaitlistOptions> options,
    ILogger<WaitlistService> logger)
{
    private const int MaxTries = 5;

    private WaitlistOptions Options => options.Value;

    /// <summary>Puts a patient on the waitlist (same caps idea as booking: open entries per mailbox and per phone) and queues the "you are on the waitlist" email.</summary>
    public async Task<WaitlistResult> JoinAsync(WaitlistJoinRequest request, CancellationToken cancellationToken)
    {
        if (await EarlierJoinAsync(request, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var treatment = await slots.FindTreatmentAsync(request.TreatmentCode, cancellationToken);
        if (treatment is null)
        {
            return WaitlistResult.Refused(WaitlistProblem.UnknownTreatment);
        }

        if (request.PractitionerId is { } chosen && !await slots.IsActivePractitionerAsync(chosen, cancellationToken))
        {
            return WaitlistResult.Refused(WaitlistProblem.UnknownPractitioner);
        }

        var token = ManageToken.New();
        var patient = new PatientDetails
        {
            Name = request.Name.Trim(),
            Email = request.Email.Trim(),
            Phone = request.Phone.Trim(),
            Language = request.Language,
        };
        var (entry, broken) = WaitlistEntry.Join(
            new NewWaitlistEntry(
                treatment.Id, request.PractitionerId, request.Gender, request.FirstDay, request.LastDay, request.Times, patient,
                request.PrivacyNoticeVersion, ManageToken.Hash(token), tokens.Protect(token), request.SubmissionId),
            slots.Policy,
            clock.Today,
            clock.UtcNow);
        if (entry is null)
        {
            return WaitlistResult.Refused(broken switch
            {
                WaitlistRule.StartsInPast => WaitlistProblem.StartsInPast,
                WaitlistRule.BeyondHorizon => WaitlistProblem.BeyondHorizon,
                _ => WaitlistProblem.InvalidRange,
            });
        }

        var search = SlotSearch.For(treatment, request.PractitionerId, request.Gender);
        if (!await slots.OffersAnyTimeAsync(search, request.FirstDay, request.LastDay, request.Times, cancellationToken))
        {
            return WaitlistResult.Refused(WaitlistProblem.NeverOffered);
        }

        try
        {
            var refused = await db.SerializedAsync<WaitlistResult?>("waitlist-join", async () =>
            {
                if (await EarlierJoinAsync(request, cancellationToken) is { } concurrent)
                {
                    return concurrent;
                }

                if (await OverCapAsync(patient, cancellationToken))
                {
                    logger.LogInformation("Waitlist join refused: the email address or phone number already holds the most open entries allowed");
                    return WaitlistResult.Refused(WaitlistProblem.TooManyEntries);
                }

                db.WaitlistEntries.Add(entry);
                db.WaitlistMessages.Add(WaitlistMessage.About(entry, WaitlistEmailKind.Joined, clock.UtcNow));
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }, cancellationToken);
            if (refused is not null)
            {
                db.ChangeTracker.Clear();
                return refused;
            }
        }
        catch (DbUpdateException e) when (db.IsDuplicate(e))
        {
            db.ChangeTracker.Clear();
            return await EarlierJoinAsync(request, cancellationToken) ?? WaitlistResult.Refused(WaitlistProblem.SubmissionAlreadyUsed);
        }

        logger.LogInformation("Waitlist entry {EntryId} joined for treatment {TreatmentId}", entry.Id, entry.TreatmentId);
        return WaitlistResult.Done(entry);
    }

    /// <summary>The entry a leave link opens, or null when the token is malformed or unknown.</summary>
    public async Task<WaitlistEntryDetails?> FindByLeaveTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.LooksValid(token))
        {
            return null;
        }

        var hash = ManageToken.Hash(token!);
        var entry = await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(e => e.LeaveTokenHash == hash, cancellationToken);
        return entry is null ? null : await DetailsAsync(entry, cancellationToken);
    }

    /// <summary>Takes the patient off the waitlist; their open offer goes back to the others. Leaving twice is not an error.</summary>
    public async Task<WaitlistResult> LeaveAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.LooksValid(token))
        {
            return WaitlistResult.Refused(WaitlistProblem.NotFound);
        }

        var hash = ManageToken.Hash(token!);
        for (var attempt = 1; ; attempt++)
        {
            var entry = await db.WaitlistEntries.FirstOrDefaultAsync(e => e.LeaveTokenHash == hash, cancellationToken);
            if (entry is null)
            {
                return WaitlistResult.Refused(WaitlistProblem.NotFound);
            }

            var now = clock.UtcNow;
            if (entry.Leave(now) is not null)
            {
                return WaitlistResult.Done(entry); // booked, left or expired already: nothing to do
            }

            foreach (var offer in await db.WaitlistOffers.Where(o => o.EntryId == entry.Id && o.Status == WaitlistOfferStatus.Open).ToListAsync(cancellationToken))
            {
                offer.MarkGone(now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Waitlist entry {EntryId} left by the patient", entry.Id);
                return WaitlistResult.Done(entry);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The offer a claim link opens (in any status), or null when the token is malformed or unknown.</summary>
    public async Task<WaitlistOfferDetails?> FindOfferAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.LooksValid(token))
        {
            return null;
        }

        var hash = ManageToken.Hash(token!);
        var offer = await db.WaitlistOffers.AsNoTracking().Include(o => o.Entry).FirstOrDefaultAsync(o => o.TokenHash == hash, cancellationToken);
        if (offer?.Entry is null)
        {
            return null;
        }

        var treatment = await db.Treatments.AsNoTracking().FirstAsync(t => t.Id == offer.Entry.TreatmentId, cancellationToken);
        var practitioner = await db.Practitioners.AsNoTracking().Where(p => p.Id == offer.PractitionerId).Select(p => p.Name).FirstAsync(cancellationToken);
        var cancelled = offer.AppointmentId is { } booked &&
            !await db.Appointments.AnyAsync(a => a.Id == booked && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed), cancellationToken);
        return new WaitlistOfferDetails(offer, offer.Entry, treatment, practitioner, clock.ToLocal(offer.StartUtc), clock.ToLocal(offer.ExpiresAtUtc), cancelled);
    }

    /// <summary>
    /// Books the offered time for the waiting patient through the booking use case. The first claim wins; a later one
    /// (or one after staff or another patient took the time) gets <see cref="WaitlistProblem.Gone"/> and the entry goes
    /// back in line. A second click on a claimed offer returns the same booking.
    /// </summary>
    public async Task<WaitlistResult> ClaimAsync(string? token, CancellationToken cancellationToken)
    {
        var found = await FindOfferAsync(token, cancellationToken);
        if (found is null)
        {
            return WaitlistResult.Refused(WaitlistProblem.NotFound);
        }

        var (offer, entry) = (found.Offer, found.Entry);
        if (offer.Status != WaitlistOfferStatus.Claimed && !offer.IsClaimable(clock.UtcNow))
        {
            await EndOfferAsync(offer.Id, gone: false, cancellationToken);
            return WaitlistResult.Refused(WaitlistProblem.Gone, entry);
        }

        if (!found.Treatment.IsActive)
        {
            await EndOfferAsync(offer.Id, gone: true, cancellationToken);
            return WaitlistResult.Refused(WaitlistProblem.Gone, entry);
        }

        var local = found.LocalStart;
        var booked = await bookings.BookAsync(
            new BookingRequest(
                found.Treatment.Code,
                offer.PractitionerId,
                DateOnly.FromDateTime(local),
                TimeOnly.FromDateTime(local),
                new PatientDetails { Name = entry.Patient.Name, Email = entry.Patient.Email, Phone = entry.Patient.Phone, Language = entry.Patient.Language },
                entry.PrivacyNoticeVersion,
                offer.SubmissionId),
            cancellationToken);
        db.ChangeTracker.Clear();

        if (booked is { Succeeded: true, Appointment: { } appointment })
        {
            await ClaimedAsync(offer.Id, appointment.Id, cancellationToken);
            return WaitlistResult.Done(entry, booked.ManageToken);
        }

        if (booked.Problem == BookingProblem.TooManyActiveBookings)
        {
            return new WaitlistResult(WaitlistProblem.TooManyActiveBookings, entry, BookingProblem: booked.Problem);
        }

        // Taken (by another claimer, staff on the phone, the public form), too soon now, or no longer offered.
        logger.LogInformation("Waitlist offer {OfferId} claimed too late ({Problem})", offer.Id, booked.Problem);
        await EndOfferAsync(offer.Id, gone: true, cancellationToken);
        return WaitlistResult.Refused(WaitlistProblem.Gone, entry);
    }

    /// <summary>
    /// Staff's day: entries whose range covers the date (in join order) and offers of times on that date, with treatment
    /// names in <paramref name="language"/> (the admin area's).
    /// </summary>
    public async Task<WaitlistDay> DayAsync(DateOnly date, string language, CancellationToken cancellationToken)
    {
        var entries = await db.WaitlistEntries.AsNoTracking()
            .Where(e => (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered) && e.FirstDay <= date && e.LastDay >= date)
            .OrderBy(e => e.JoinedAtUtc).ThenBy(e => e.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var (fromUtc, toUtc) = clock.UtcRange(date);
        var offers = await db.WaitlistOffers.AsNoTracking().Include(o => o.Entry)
            .Where(o => o.StartUtc >= fromUtc && o.StartUtc < toUtc)
            .OrderBy(o => o.StartUtc).ThenBy(o => o.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var names = ClinicLanguage.Of(language);
        var treatments = (await db.Treatments.AsNoTracking().Select(t => new { t.Id, t.NameEn, t.NameMs }).ToListAsync(cancellationToken))
            .ToDictionary(t => t.Id, t => names.Pick(t.NameEn, t.NameMs));
        var practitioners = await db.Practitioners.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.IsActive }).ToListAsync(cancellationToken);
        var doctors = practitioners.ToDictionary(p => p.Id, p => p.Name);
        return new WaitlistDay(
            date,
            entries.Select(e => new WaitlistDayEntry(e, treatments[e.TreatmentId], e.PractitionerId is { } p ? doctors[p] : null, clock.ToLocal(e.JoinedAtUtc))).ToList(),
            offers.Select(o => new WaitlistDayOffer(o, o.Entry!.Patient.Name, treatments[o.Entry.TreatmentId], doctors[o.PractitionerId], clock.ToLocal(o.StartUtc), clock.ToLocal(o.ExpiresAtUtc))).ToList(),
            practitioners.Where(p => p.IsActive).Select(p => (p.Id, p.Name)).ToList());
    }

    /// <summary>
    /// Staff offer a waiting patient a free time by hand (e.g. after a phone call): the time must be free for that doctor
    /// and the entry's treatment, the entry must be waiting without an open offer. Audited; the offer email goes out as usual.
    /// </summary>
    public async Task<WaitlistResult> OfferByHandAsync(int entryId, DateOnly date, TimeOnly time, int practitionerId, string actor, CancellationToken cancellationToken)
    {
        var entry = await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return WaitlistResult.Refused(WaitlistProblem.NotFound);
        }

        if (!await slots.IsActivePractitionerAsync(practitionerId, cancellationToken))
        {
            return WaitlistResult.Refused(WaitlistProblem.UnknownPractitioner, entry);
        }

        var treatment = await db.Treatments.AsNoTracking().FirstAsync(t => t.Id == entry.TreatmentId, cancellationToken);
        var (check, _) = await slots.CheckAsync(SlotSearch.For(treatment, practitionerId), date, time, cancellationToken);
        if (check.Slot is not { } slot)
        {
            return WaitlistResult.Refused(WaitlistProblem.NotFree, entry);
        }

        try
        {
            // Not under the waitlist pass's lease: the entry's concurrency token and the "one open offer per entry" index
            // refuse the second of two offers to one entry (staff's or the pass's), whichever saves last.
            var tracked = await db.WaitlistEntries.FirstAsync(e => e.Id == entryId, cancellationToken);
            if (!tracked.IsOpen || tracked.ExpireIfPast(clock.Today, clock.UtcNow))
            {
                db.ChangeTracker.Clear();
                return WaitlistResult.Refused(WaitlistProblem.Closed, tracked);
            }

            if (tracked.MarkOffered() is not null)
            {
                db.ChangeTracker.Clear();
                return WaitlistResult.Refused(WaitlistProblem.AlreadyOffered, tracked);
            }

            var offer = NewOffer(tracked, practitionerId, slot.StartUtc, actor);
            audit.Record(actor, "Waitlist time offered", $"Waitlist entry {tracked.Id}",
                $"Practitioner {practitionerId}, {ClinicText.StaffDateTime(clock.ToLocal(slot.StartUtc))}, valid until {ClinicText.StaffDateTime(clock.ToLocal(offer.ExpiresAtUtc))}");
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Waitlist offer {OfferId} made by staff for entry {EntryId}", offer.Id, tracked.Id);
            return WaitlistResult.Done(tracked);
        }
        catch (DbUpdateException e) when (db.IsDuplicate(e) || e is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WaitlistResult.Refused(WaitlistProblem.AlreadyOffered, entry);
        }
    }

    /// <summary>A new open offer of a time to an entry, with its claim token and its email (added to the context, not saved).</summary>
    internal WaitlistOffer NewOffer(WaitlistEntry entry, int practitionerId, DateTime startUtc, string? offeredBy)
    {
        var token = ManageToken.New();
        var now = clock.UtcNow;
        var offer = WaitlistOffer.Make(entry, practitionerId, startUtc, Options.OfferValidFor, now, ManageToken.Hash(token), tokens.Protect(token), offeredBy);
        db.WaitlistOffers.Add(offer);
        db.WaitlistMessages.Add(WaitlistMessage.About(entry, WaitlistEmailKind.Offer, now, offer));
        return offer;
    }

    /// <summary>After a claim booked: the offer is claimed, the entry booked, and everyone else holding that time is told it has gone.</summary>
    private async Task ClaimedAsync(int offerId, int appointmentId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.UtcNow;
            var offer = await db.WaitlistOffers.Include(o => o.Entry).FirstAsync(o => o.Id == offerId, cancellationToken);
            offer.Claimed(appointmentId, now);
            offer.Entry!.MarkBooked(now);
            var others = await db.WaitlistOffers.Include(o => o.Entry)
                .Where(o => o.Id != offerId && o.Status == WaitlistOfferStatus.Open && o.PractitionerId == offer.PractitionerId && o.StartUtc == offer.StartUtc)
                .ToListAsync(cancellationToken);
            foreach (var other in others)
            {
                if (other.MarkGone(now))
                {
                    other.Entry!.OfferEnded(clock.Today, now);
                    db.WaitlistMessages.Add(WaitlistMessage.About(other.Entry, WaitlistEmailKind.Gone, now, other));
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Waitlist offer {OfferId} claimed: booking {AppointmentId}; {Others} other offers of the time gone", offerId, appointmentId, others.Count);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
            {
                db.ChangeTracker.Clear(); // the pass or another claimer changed a row meanwhile: read again
            }
        }
    }

    /// <summary>Closes an offer that can no longer be claimed (gone: with the "gone" email; or run out) and puts its entry back in line.</summary>
    private async Task EndOfferAsync(int offerId, bool gone, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.UtcNow;
            var offer = await db.WaitlistOffers.Include(o => o.Entry).FirstAsync(o => o.Id == offerId, cancellationToken);
            var changed = gone ? offer.MarkGone(now) : offer.ExpireIfDue(now);
            if (!changed)
            {
                return;
            }

            offer.Entry!.OfferEnded(clock.Today, now);
            if (gone)
            {
                db.WaitlistMessages.Add(WaitlistMessage.About(offer.Entry, WaitlistEmailKind.Gone, now, offer));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<WaitlistEntryDetails> DetailsAsync(WaitlistEntry entry, CancellationToken cancellationToken)
    {
        var treatment = await db.Treatments.AsNoTracking().FirstAsync(t => t.Id == entry.TreatmentId, cancellationToken);
        var practitioner = entry.PractitionerId is { } id
            ? await db.Practitioners.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new WaitlistEntryDetails(entry, treatment, practitioner);
    }

    private async Task<WaitlistResult?> EarlierJoinAsync(WaitlistJoinRequest request, CancellationToken cancellationToken)
    {
        var earlier = await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(e => e.SubmissionId == request.SubmissionId, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return string.Equals(earlier.Patient.Email?.Trim() ?? "", request.Email.Trim(), StringComparison.OrdinalIgnoreCase)
            ? WaitlistResult.Done(earlier)
            : WaitlistResult.Refused(WaitlistProblem.SubmissionAlreadyUsed);
    }

    /// <summary>True when this mailbox or phone number already holds the most open entries allowed.</summary>
    private async Task<bool> OverCapAsync(PatientDetails patient, CancellationToken cancellationToken)
    {
        var mailbox = MailboxKey.Of(patient.Email);
        var holders = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered)
            .Where(e => e.Patient.Phone == patient.Phone || e.Patient.Mailbox == mailbox)
            .Select(e => new { e.Patient.Mailbox, e.Patient.Phone })
            .ToListAsync(cancellationToken);
        return holders.Count(h => h.Mailbox == mailbox) >= Options.MaxActiveEntriesPerEmail
            || holders.Count(h => h.Phone == patient.Phone) >= Options.MaxActiveEntriesPerPhone;
    }
}
