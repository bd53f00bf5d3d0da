using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Doctors;

/// <summary>One booking as a doctor's diary shows it: time, treatment, the patient's initials and the reference; nothing else about the patient.</summary>
public sealed record DiaryEntry(
    string Reference,
    DateTime StartUtc,
    DateTime EndUtc,
    string TreatmentEn,
    string TreatmentMs,
    string PatientInitials,
    bool Tentative,
    int Sequence,
    DateTime LastModifiedUtc);

/// <summary>A doctor's diary feed: their name and bookings from <see cref="DiaryFeedService.PastDays"/> ago to the booking horizon.</summary>
public sealed record DiaryFeed(string PractitionerName, IReadOnlyList<DiaryEntry> Entries);

/// <summary>Whether a doctor has a diary address, and since when (the address itself cannot be shown again: only its hash is kept).</summary>
public sealed record DiaryFeedStatus(int PractitionerId, string PractitionerName, DateTime? IssuedAtUtc);

/// <summary>
/// A newly issued diary address's token, shown to staff once; <see cref="Token"/> is null when the doctor's address
/// changed after the page was read (a double click, or a colleague), so nothing was issued.
/// </summary>
public sealed record DiaryFeedIssued(string PractitionerName, string? Token);

/// <summary>
/// A doctor's diary on their phone: a private, read-only iCalendar subscription address per doctor. Staff issue it
/// (a new one replaces the old, which stops working at once) and revoke it, audited. The address holds a 256-bit
/// random token; only its SHA-256 hash is stored, so a copy of the database opens no diary.
/// </summary>
public sealed class DiaryFeedService(IClinicDatabase db, AuditLog audit, ClinicClock clock, IOptions<BookingPolicy> policy)
{
    /// <summary>How far back the diary reaches, so the doctor can look up last month's patients.</summary>
    public const int PastDays = 30;

    /// <summary>Issuing addresses runs one at a time (<see cref="IClinicDatabase.SerializedAsync{T}"/>).</summary>
    private const string DiaryFeedsLock = "diary-feeds";

    public async Task<DiaryFeedStatus?> StatusAsync(int practitionerId, CancellationToken cancellationToken) =>
        await db.Practitioners.AsNoTracking().Where(p => p.Id == practitionerId)
            .Select(p => new DiaryFeedStatus(p.Id, p.Name, p.DiaryFeedIssuedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Issues a new address for the doctor's diary; an earlier one stops working in the same save. <paramref name="replacing"/>
    /// is the <see cref="Fingerprint"/> of the address the page showed ("" for none): if the doctor's address has changed
    /// since (or the form did not say), nothing is issued, so the address staff are shown is never one that a second click
    /// or a colleague had already replaced. Null when the doctor does not exist.
    /// </summary>
    public Task<DiaryFeedIssued?> IssueAsync(string actor, int practitionerId, string? replacing, CancellationToken cancellationToken) =>
        db.SerializedAsync(DiaryFeedsLock, async () =>
        {
            var practitioner = await db.Practitioners.FindAsync([practitionerId], cancellationToken);
            if (practitioner is null)
            {
                return null;
            }

            if (replacing != Fingerprint(practitioner.DiaryFeedTokenHash))
            {
                return new DiaryFeedIssued(practitioner.Name, null);
            }

            var replaced = practitioner.DiaryFeedTokenHash is not null;
            var token = ManageToken.New();
            practitioner.DiaryFeedTokenHash = ManageToken.Hash(token);
            practitioner.DiaryFeedIssuedAtUtc = clock.UtcNow;
            audit.Record(actor, replaced ? "diary-feed.replaced" : "diary-feed.issued", $"Practitioner {practitionerId}",
                replaced ? "new diary address; the old one no longer works" : "diary address issued");
            await db.SaveChangesAsync(cancellationToken);
            return (DiaryFeedIssued?)new DiaryFeedIssued(practitioner.Name, token);
        }, cancellationToken);

    /// <summary>
    /// Which address a page showed, without the address: 16 hex digits of a hash of its stored hash ("" for none). Changes
    /// with every issue, even two in the same clock tick.
    /// </summary>
    public static string Fingerprint(string? tokenHash) =>
        tokenHash is null ? "" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tokenHash)))[..16];

    /// <summary>Stops the doctor's diary address from working (nothing to do when there is none); null when the doctor does not exist.</summary>
    public async Task<DiaryFeedStatus?> RevokeAsync(string actor, int practitionerId, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.FindAsync([practitionerId], cancellationToken);
        if (practitioner is null)
        {
            return null;
        }

        if (practitioner.DiaryFeedTokenHash is not null)
        {
            practitioner.DiaryFeedTokenHash = null;
            practitioner.DiaryFeedIssuedAtUtc = null;
            audit.Record(actor, "diary-feed.revoked", $"Practitioner {practitionerId}", "diary address revoked");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new DiaryFeedStatus(practitioner.Id, practitioner.Name, null);
    }

    /// <summary>
    /// The diary behind a token, or null for a malformed, unknown or revoked token (without a database look-up for a malformed one).
    /// Bookings that are not cancelled, from <see cref="PastDays"/> days ago to the end of the booking horizon.
    /// </summary>
    public async Task<DiaryFeed?> FeedAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.LooksValid(token))
        {
            return null;
        }

        var hash = ManageToken.Hash(token!);
        var practitioner = await db.Practitioners.AsNoTracking().Where(p => p.DiaryFeedTokenHash == hash)
            .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (practitioner is null)
        {
            return null;
        }

        var today = clock.Today;
        var fromUtc = clock.UtcRange(today.AddDays(-PastDays)).FromUtc;
        var toUtc = clock.UtcRange(today.AddDays(policy.Value.HorizonDays)).ToUtc;
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.PractitionerId == practitioner.Id && a.Status != AppointmentStatus.Cancelled && a.StartUtc >= fromUtc && a.StartUtc < toUtc)
            .OrderBy(a => a.StartUtc)
            .Join(db.Treatments, a => a.TreatmentId, t => t.Id, (a, t) => new
            {
                a.Reference,
                a.StartUtc,
                a.DurationMinutes,
                a.Status,
                a.CreatedAtUtc,
                a.Patient.Name,
                t.NameEn,
                t.NameMs,
                Changes = a.History.Count(h => h.Kind == AppointmentChangeKind.Confirmed || h.Kind == AppointmentChangeKind.Rescheduled
                    || h.Kind == AppointmentChangeKind.Completed || h.Kind == AppointmentChangeKind.NoShow),
                LastChangeUtc = a.History.Where(h => h.Kind == AppointmentChangeKind.Confirmed || h.Kind == AppointmentChangeKind.Rescheduled
                    || h.Kind == AppointmentChangeKind.Completed || h.Kind == AppointmentChangeKind.NoShow).Max(h => (DateTime?)h.AtUtc),
            })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(r => new DiaryEntry(
            r.Reference,
            r.StartUtc,
            r.StartUtc.AddMinutes(r.DurationMinutes),
            r.NameEn,
            r.NameMs,
            PatientInitials.Of(r.Name),
            r.Status == AppointmentStatus.Requested,
            r.Changes,
            r.LastChangeUtc ?? r.CreatedAtUtc)).ToList();
        return new DiaryFeed(practitioner.Name, entries);
    }
}
