using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Doctors;

/// <summary>A doctor as the public pages show them (no photo bytes: those are served on their own address).</summary>
public sealed record DoctorProfile(
    int Id,
    string Name,
    string Slug,
    PractitionerGender? Gender,
    string? MmcNumber,
    bool HoldsLcp,
    IReadOnlyList<string> Languages,
    string? BioEn,
    string? BioMs,
    string? PhotoVersion)
{
    public string? Bio(string language) => Domain.ClinicLanguage.Of(language).Pick(BioEn, BioMs);

    internal static DoctorProfile From(Practitioner p) =>
        new(p.Id, p.Name, p.Slug, p.Gender, p.MmcNumber, p.HoldsLcp, p.LanguageCodes, p.BioEn, p.BioMs, p.PhotoVersion);
}

/// <summary>A doctor page look-up: the doctor, or the current address of a page that moved (the doctor was renamed), or neither.</summary>
public sealed record DoctorLookup(DoctorProfile? Doctor, string? MovedTo)
{
    public static readonly DoctorLookup NotFound = new(null, null);
}

/// <summary>The public doctor pages' data: the active doctors, one by page address, and a doctor's photo.</summary>
public sealed class DoctorDirectory(IClinicDatabase db)
{
    /// <summary>The active doctors, longest-serving first (the order of the booking page).</summary>
    public async Task<IReadOnlyList<DoctorProfile>> ActiveAsync(CancellationToken cancellationToken)
    {
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return practitioners.Select(DoctorProfile.From).ToList();
    }

    /// <summary>An active doctor by page address, or null (also for a malformed address, without asking the database).</summary>
    public async Task<DoctorProfile?> FindAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!PractitionerSlug.IsWellFormed(slug))
        {
            return null;
        }

        var practitioner = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsActive, cancellationToken);
        return practitioner is null ? null : DoctorProfile.From(practitioner);
    }

    /// <summary>An active doctor by page address; for an address the doctor had before a rename, the current one to redirect to.</summary>
    public async Task<DoctorLookup> LookUpAsync(string? slug, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, cancellationToken) is { } doctor)
        {
            return new DoctorLookup(doctor, null);
        }

        if (!PractitionerSlug.IsWellFormed(slug))
        {
            return DoctorLookup.NotFound;
        }

        var current = await db.PractitionerFormerSlugs.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Join(db.Practitioners.Where(p => p.IsActive), s => s.PractitionerId, p => p.Id, (s, p) => p.Slug)
            .FirstOrDefaultAsync(cancellationToken);
        return current is null ? DoctorLookup.NotFound : new DoctorLookup(null, current);
    }

    /// <summary>The stored photo of a doctor (staff preview inactive ones too) when <paramref name="version"/> is its current one, or null.</summary>
    public async Task<PractitionerPhoto?> PhotoAsync(int practitionerId, string? version, CancellationToken cancellationToken)
    {
        if (version is not { Length: > 0 and <= 32 })
        {
            return null;
        }

        var current = await db.Practitioners.AsNoTracking()
            .AnyAsync(p => p.Id == practitionerId && p.PhotoVersion == version, cancellationToken);
        return current ? await db.PractitionerPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.PractitionerId == practitionerId, cancellationToken) : null;
    }
}
