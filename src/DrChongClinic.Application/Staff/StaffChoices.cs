using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Staff;

/// <summary>An id and a name for a staff page's drop-down.</summary>
public sealed record Choice(int Id, string Name);

/// <summary>The staff pages' drop-downs: every practitioner and treatment, active or not (old bookings name them too).</summary>
internal static class StaffChoices
{
    public static Task<List<Choice>> PractitionerChoicesAsync(this IClinicDatabase db, CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking().OrderBy(p => p.Id).Select(p => new Choice(p.Id, p.Name)).ToListAsync(cancellationToken);

    /// <summary>The treatments, named in the staff area's language.</summary>
    public static Task<List<Choice>> TreatmentChoicesAsync(this IClinicDatabase db, CancellationToken cancellationToken)
    {
        var malay = ClinicLanguage.Current.IsMalay;
        return db.Treatments.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new Choice(x.Id, malay ? x.NameMs : x.NameEn)).ToListAsync(cancellationToken);
    }
}
