using System.Security.Cryptography;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Schedule;

/// <summary>One working period in a practitioner's week, e.g. Monday 09:00–13:00.</summary>
public sealed record WorkingPeriod(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>A practitioner on the staff list, with their week summed up.</summary>
public sealed record PractitionerRow(int Id, string Name, bool IsActive, IReadOnlyList<string> Hours);

/// <summary>What staff enter about a doctor on the details page; empty texts are stored as null (the public page then omits them).</summary>
public sealed record PractitionerProfile(
    string Name,
    bool IsActive,
    PractitionerGender? Gender = null,
    string? MmcNumber = null,
    bool HoldsLcp = false,
    IReadOnlyList<string>? Languages = null,
    string? BioEn = null,
    string? BioMs = null)
{
    internal void ApplyTo(Practitioner practitioner)
    {
        practitioner.Gender = Gender;
        practitioner.MmcNumber = Clean(MmcNumber);
        practitioner.HoldsLcp = HoldsLcp;
        practitioner.Languages = SpokenLanguages.Join(Languages ?? []);
        practitioner.BioEn = Clean(BioEn);
        practitioner.BioMs = Clean(BioMs);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}

/// <summary>A photo change: <see cref="Photo"/> is set when the file was refused (nothing changed).</summary>
public sealed record PhotoChangeResult(ScheduleChangeResult Result, PhotoProblem? Photo);

/// <summary>The doctors who see patients, and each one's weekly working hours. Changes are audited and warn about stranded bookings.</summary>
public sealed class PractitionerService(IClinicDatabase db, AuditLog audit, BookingConflictFinder conflicts, IPhotoProcessor photos)
{
    /// <summary>Monday first, as the clinic's week is shown.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Adding doctors, editing them and removing photos run one at a time (<see cref="IClinicDatabase.SerializedAsync{T}"/>).</summary>
    private const string PractitionersLock = "practitioners";

    public async Task<IReadOnlyList<PractitionerRow>> ListAsync(CancellationToken cancellationToken)
    {
        var practitioners = await db.Practitioners.AsNoTracking().Include(p => p.WorkingHours)
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return practitioners.Select(p => new PractitionerRow(p.Id, p.Name, p.IsActive, Summary(p.WorkingHours))).ToList();
    }

    /// <summary>The practitioner with their working hours, or null.</summary>
    public Task<Practitioner?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking().Include(p => p.WorkingHours).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>
    /// Adds a doctor, unless one with the same name (any letter case) is already on the list: most likely a double click
    /// or a colleague a moment earlier. Staff check the list rather than get a second "Dr X" they did not mean to add;
    /// two doctors who share a name are told apart in it. Additions run one at a time, so two at once cannot both pass.
    /// </summary>
    public Task<ScheduleChangeResult> CreateAsync(string actor, PractitionerProfile profile, CancellationToken cancellationToken) =>
        db.SerializedAsync(PractitionersLock, async () =>
        {
            var name = profile.Name.Trim();
            var names = await db.Practitioners.Select(p => p.Name).ToListAsync(cancellationToken); // a clinic's few doctors
            if (names.Any(existing => string.Equals(existing, name, StringComparison.OrdinalIgnoreCase)))
            {
                return ScheduleChangeResult.Refused(ScheduleProblem.JustAdded);
            }

            var practitioner = new Practitioner { Name = name, IsActive = profile.IsActive };
            profile.ApplyTo(practitioner);
            practitioner.Slug = await UniqueSlugAsync(practitioner.Name, null, cancellationToken);
            db.Practitioners.Add(practitioner);
            try
            {
                await audit.SaveNewAsync(actor, "practitioner.created", () => $"Practitioner {practitioner.Id}", () => Describe(practitioner), cancellationToken);
            }
            catch (DbUpdateException e) when (db.IsDuplicate(e))
            {
                // The unique page address is the last guard (SerializedAsync already keeps additions apart).
                return ScheduleChangeResult.Refused(ScheduleProblem.JustAdded);
            }

            return ScheduleChangeResult.Saved(practitioner.Id, practitioner.Name);
        }, cancellationToken);

    /// <summary>The stamp a details page carries for this doctor (<see cref="EditStamp"/>).</summary>
    public static string Stamp(Practitioner practitioner) => EditStamp.Of(Shown(practitioner));

    /// <summary>
    /// Saves the details if the doctor still has what the page showed (<paramref name="shown"/>, its <see cref="Stamp"/>);
    /// otherwise <see cref="ScheduleProblem.ChangedMeanwhile"/>. Edits of doctors run one at a time.
    /// </summary>
    public Task<ScheduleChangeResult> UpdateAsync(
        string actor, int id, string? shown, PractitionerProfile profile, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken) =>
        db.SerializedAsync(PractitionersLock, () => UpdateCheckedAsync(actor, id, shown, profile, confirmedConflicts, cancellationToken), cancellationToken);

    /// <summary>The details page's fields as stored.</summary>
    private static object Shown(Practitioner p) => new { p.Name, p.IsActive, p.Gender, p.MmcNumber, p.HoldsLcp, p.Languages, p.BioEn, p.BioMs };

    private async Task<ScheduleChangeResult> UpdateCheckedAsync(
        string actor, int id, string? shown, PractitionerProfile profile, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.FindAsync([id], cancellationToken);
        if (practitioner is null)
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.NotFound);
        }

        if (!EditStamp.Matches(shown, Shown(practitioner)))
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.ChangedMeanwhile);
        }

        IReadOnlyList<ConflictingBooking> stranded = practitioner.IsActive && !profile.IsActive ? await conflicts.ForPractitionerAsync(id, cancellationToken) : [];
        if (!ConflictConfirmation.AllSeen(stranded, confirmedConflicts))
        {
            return ScheduleChangeResult.Unconfirmed(stranded);
        }

        var before = Describe(practitioner);
        var renamed = !string.Equals(practitioner.Name, profile.Name.Trim(), StringComparison.Ordinal);
        practitioner.Name = profile.Name.Trim();
        practitioner.IsActive = profile.IsActive;
        profile.ApplyTo(practitioner);
        if (renamed)
        {
            await MoveSlugAsync(practitioner, cancellationToken);
        }

        audit.Record(actor, "practitioner.updated", $"Practitioner {id}", $"{before} → {Describe(practitioner)}{ConflictConfirmation.Note(stranded)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsDuplicate(e))
        {
            // Renamed at the same moment as another doctor took the same new address.
            return ScheduleChangeResult.Refused(ScheduleProblem.ChangedMeanwhile);
        }

        return ScheduleChangeResult.Saved(id, practitioner.Name);
    }

    /// <summary>Stores a new photo for the doctor's page (processed: resized, metadata stripped, re-encoded), replacing any old one.</summary>
    public async Task<PhotoChangeResult> SetPhotoAsync(string actor, int id, byte[] upload, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.FindAsync([id], cancellationToken);
        if (practitioner is null)
        {
            return new PhotoChangeResult(ScheduleChangeResult.Refused(ScheduleProblem.NotFound), null);
        }

        var (photo, problem) = photos.Process(upload);
        if (photo is null)
        {
            return new PhotoChangeResult(ScheduleChangeResult.Saved(id, practitioner.Name), problem);
        }

        var stored = await db.PractitionerPhotos.FindAsync([id], cancellationToken);
        if (stored is null)
        {
            db.PractitionerPhotos.Add(new PractitionerPhoto { PractitionerId = id, Content = photo.Content, ContentType = photo.ContentType });
        }
        else
        {
            stored.Content = photo.Content;
            stored.ContentType = photo.ContentType;
        }

        practitioner.PhotoVersion = Convert.ToHexStringLower(SHA256.HashData(photo.Content))[..16];
        audit.Record(actor, "practitioner.photo-updated", $"Practitioner {id}", $"{photo.Width}×{photo.Height} {photo.ContentType}, {photo.Content.Length} bytes");
        await db.SaveChangesAsync(cancellationToken);
        return new PhotoChangeResult(ScheduleChangeResult.Saved(id, practitioner.Name), null);
    }

    /// <summary>
    /// Takes the doctor's photo off their page. With no photo there is nothing to do and nothing is audited (a second
    /// click, or a colleague removed it first); removals run one at a time, so two at once cannot both record it.
    /// </summary>
    public Task<ScheduleChangeResult> RemovePhotoAsync(string actor, int id, CancellationToken cancellationToken) =>
        db.SerializedAsync(PractitionersLock, async () =>
        {
            var practitioner = await db.Practitioners.FindAsync([id], cancellationToken);
            if (practitioner is null)
            {
                return ScheduleChangeResult.Refused(ScheduleProblem.NotFound);
            }

            var stored = await db.PractitionerPhotos.FindAsync([id], cancellationToken);
            if (stored is null && practitioner.PhotoVersion is null)
            {
                return ScheduleChangeResult.Saved(id, practitioner.Name);
            }

            if (stored is not null)
            {
                db.PractitionerPhotos.Remove(stored);
            }

            practitioner.PhotoVersion = null;
            audit.Record(actor, "practitioner.photo-removed", $"Practitioner {id}");
            await db.SaveChangesAsync(cancellationToken);
            return ScheduleChangeResult.Saved(id, practitioner.Name);
        }, cancellationToken);

    /// <summary>
    /// A renamed doctor's page moves to an address made from the new name; the old address is kept as a former one,
    /// which redirects (301) to the current page, so links in search results, messages and bookmarks keep working.
    /// A doctor renamed back takes their old address again.
    /// </summary>
    private async Task MoveSlugAsync(Practitioner practitioner, CancellationToken cancellationToken)
    {
        var slug = await UniqueSlugAsync(practitioner.Name, practitioner.Id, cancellationToken);
        if (slug == practitioner.Slug)
        {
            return;
        }

        var former = await db.PractitionerFormerSlugs.Where(s => s.PractitionerId == practitioner.Id).ToListAsync(cancellationToken);
        if (former.FirstOrDefault(s => s.Slug == slug) is { } reused)
        {
            db.PractitionerFormerSlugs.Remove(reused);
        }

        if (practitioner.Slug.Length > 0 && former.All(s => s.Slug != practitioner.Slug))
        {
            db.PractitionerFormerSlugs.Add(new PractitionerFormerSlug { Slug = practitioner.Slug, PractitionerId = practitioner.Id });
        }

        practitioner.Slug = slug;
    }

    /// <summary>The slug of the name, made unique against every other doctor's current and former addresses (never one that redirects elsewhere).</summary>
    private async Task<string> UniqueSlugAsync(string name, int? ownId, CancellationToken cancellationToken)
    {
        var slug = PractitionerSlug.From(name);
        var taken = await db.Practitioners.AsNoTracking()
            .Where(p => p.Id != ownId && EF.Functions.Like(p.Slug, slug + "%"))
            .Select(p => p.Slug)
            .ToListAsync(cancellationToken);
        taken.AddRange(await db.PractitionerFormerSlugs.AsNoTracking()
            .Where(s => s.PractitionerId != ownId && EF.Functions.Like(s.Slug, slug + "%"))
            .Select(s => s.Slug)
            .ToListAsync(cancellationToken));
        return PractitionerSlug.Unique(slug, taken.Contains);
    }

    /// <summary>Replaces the practitioner's week with these periods.</summary>
    public async Task<ScheduleChangeResult> SetHoursAsync(
        string actor, int id, IReadOnlyList<WorkingPeriod> periods, IReadOnlyCollection<string> confirmedConflicts, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.Include(p => p.WorkingHours).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practitioner is null)
        {
            return ScheduleChangeResult.Refused(ScheduleProblem.NotFound);
        }

        var newHours = periods.Select(p => new WorkingHours { PractitionerId = id, Day = p.Day, Start = p.Start, End = p.End })
            .OrderBy(h => Array.IndexOf(Week, h.Day)).ThenBy(h => h.Start)
            .ToList();
        var stranded = await conflicts.ForWorkingHoursAsync(id, newHours, cancellationToken);
        if (!ConflictConfirmation.AllSeen(stranded, confirmedConflicts))
        {
            return ScheduleChangeResult.Unconfirmed(stranded, practitioner.Name);
        }

        var before = string.Join("; ", Summary(practitioner.WorkingHours));
        db.WorkingHours.RemoveRange(practitioner.WorkingHours);
        db.WorkingHours.AddRange(newHours);
        var after = string.Join("; ", Summary(newHours));
        audit.Record(actor, "working-hours.updated", $"Practitioner {id}", $"{before} → {(after.Length == 0 ? "no hours" : after)}{ConflictConfirmation.Note(stranded)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save replaced this week first (the rows this one deletes were gone): nothing of this one was saved.
            return ScheduleChangeResult.Refused(ScheduleProblem.ChangedMeanwhile, practitioner.Name);
        }

        return ScheduleChangeResult.Saved(id, practitioner.Name);
    }

    /// <summary>"Mon 09:00–13:00, 14:00–18:00" lines, for the list page and the audit entry.</summary>
    public static IReadOnlyList<string> Summary(IEnumerable<WorkingHours> hours) =>
        hours.GroupBy(h => h.Day)
            .OrderBy(g => Array.IndexOf(Week, g.Key))
            .Select(g => $"{ClinicLanguage.English.Culture.DateTimeFormat.GetAbbreviatedDayName(g.Key)} " +
                         string.Join(", ", g.OrderBy(h => h.Start).Select(h => $"{h.Start:HH\\:mm}–{h.End:HH\\:mm}")))
            .ToList();

    private static string Describe(Practitioner p) =>
        $"{p.Name}, {(p.IsActive ? "active" : "inactive")}, gender {p.Gender?.ToString() ?? "not stated"}, MMC {p.MmcNumber ?? "none"}, " +
        $"LCP {(p.HoldsLcp ? "yes" : "no")}, languages {(p.Languages.Length == 0 ? "none" : p.Languages)}, " +
        $"bio {p.BioEn?.Length ?? 0}/{p.BioMs?.Length ?? 0} characters";
}
