using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Privacy;

/// <summary>One waitlist request of a patient, with its offers and emails (for the export), and its treatment.</summary>
public sealed record PatientWaitlistEntry(WaitlistEntry Entry, Treatment Treatment, IReadOnlyList<WaitlistOffer> Offers, IReadOnlyList<WaitlistMessage> Emails);

/// <summary>Everything the clinic holds under one e-mail address: bookings, and waitlist requests.</summary>
public sealed record PatientRecords(IReadOnlyList<Appointment> Bookings, IReadOnlyList<PatientWaitlistEntry> Waitlist)
{
    public static readonly PatientRecords None = new([], []);

    public bool IsEmpty => Bookings.Count == 0 && Waitlist.Count == 0;

    /// <summary>What the audit log names: booking references and waitlist entry numbers, never the patient's details.</summary>
    public string AuditSubject => string.Join(", ", Bookings.Select(a => a.Reference).Concat(Waitlist.Select(w => $"Waitlist entry {w.Entry.Id}")));
}

/// <summary>
/// PDPA requests: one patient's bookings and waitlist requests by e-mail, exported or erased (bookings with the same
/// anonymisation as the retention job; waitlist requests deleted with their offers and emails, as the waitlist pass does
/// 30 days after they close). Both are audited by booking reference and waitlist entry number, never by the patient's details.
/// </summary>
public sealed class PatientDataService(IClinicDatabase db, AuditLog audit)
{
    /// <summary>Every booking and waitlist request with this e-mail, whatever its letter case (EF sends the address as a parameter), oldest first.</summary>
    public async Task<PatientRecords> FindAsync(string email, CancellationToken cancellationToken)
    {
        var lower = email.Trim().ToLowerInvariant();
        var bookings = await db.Appointments.Include(a => a.History)
#pragma warning disable CA1304, CA1311 // translated to SQL LOWER(); never runs in .NET
            .Where(a => a.Patient.Email != null && a.Patient.Email.ToLower() == lower)
#pragma warning restore CA1304, CA1311
            .OrderBy(a => a.StartUtc)
            .ToListAsync(cancellationToken);
        var entries = await db.WaitlistEntries.AsNoTracking()
#pragma warning disable CA1304, CA1311
            .Where(e => e.Patient.Email != null && e.Patient.Email.ToLower() == lower)
#pragma warning restore CA1304, CA1311
            .OrderBy(e => e.JoinedAtUtc).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return new PatientRecords(bookings, []);
        }

        var ids = entries.Select(e => e.Id).ToList();
        var treatmentIds = entries.Select(e => e.TreatmentId).Distinct().ToList();
        var treatments = await db.Treatments.AsNoTracking().Where(t => treatmentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var offers = await db.WaitlistOffers.AsNoTracking().Where(o => ids.Contains(o.EntryId)).OrderBy(o => o.CreatedAtUtc).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        var emails = await db.WaitlistMessages.AsNoTracking().Where(m => ids.Contains(m.EntryId)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var waitlist = entries.Select(e => new PatientWaitlistEntry(
            e, treatments[e.TreatmentId], offers.Where(o => o.EntryId == e.Id).ToList(), emails.Where(m => m.EntryId == e.Id).ToList())).ToList();
        return new PatientRecords(bookings, waitlist);
    }

    /// <summary>The records to hand to the patient, with the export recorded; empty when there are none.</summary>
    public async Task<PatientRecords> ExportAsync(string actor, string email, CancellationToken cancellationToken)
    {
        var records = await FindAsync(email, cancellationToken);
        if (!records.IsEmpty)
        {
            audit.Record(actor, "Exported patient data", records.AuditSubject);
            await db.SaveChangesAsync(cancellationToken);
        }

        return records;
    }

    /// <summary>
    /// Erases the personal data in every booking with this e-mail (anonymised, with its record) and deletes every waitlist
    /// request with it, with its offers and unsent emails; returns how many of each (none when nothing is held, perhaps
    /// erased a moment ago). A booking changed by another request in between (its Version moved: a double click, a
    /// colleague erasing the same patient) makes it look again, and erase what is still there.
    /// </summary>
    public async Task<(int Bookings, int WaitlistEntries)> EraseAsync(string actor, string email, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EraseOnceAsync(actor, email, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxEraseAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private const int MaxEraseAttempts = 3;

    private async Task<(int Bookings, int WaitlistEntries)> EraseOnceAsync(string actor, string email, CancellationToken cancellationToken)
    {
        var records = await FindAsync(email, cancellationToken);
        if (records.IsEmpty)
        {
            return (0, 0);
        }

        foreach (var appointment in records.Bookings)
        {
            appointment.Anonymize(ManageToken.Hash(ManageToken.New()));
        }

        var entryIds = records.Waitlist.Select(w => w.Entry.Id).ToList();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // Emails and offers first (an email may point at an offer), then the entries; the bookings' anonymisation
            // and the audit entry in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.WaitlistMessages.Where(m => entryIds.Contains(m.EntryId)).ExecuteDeleteAsync(cancellationToken);
            await db.WaitlistOffers.Where(o => entryIds.Contains(o.EntryId)).ExecuteDeleteAsync(cancellationToken);
            await db.WaitlistEntries.Where(e => entryIds.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            audit.Record(actor, "Erased patient data", records.AuditSubject);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return (records.Bookings.Count, records.Waitlist.Count);
    }
}
