using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain.Scheduling;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Models;

/// <summary>A doctor as the public pages show them: only what staff entered (empty fields are left out).</summary>
public sealed record DoctorCard(
    string Name,
    string Url,
    string? PhotoUrl,
    string? Gender,
    string? MmcNumber,
    bool HoldsLcp,
    IReadOnlyList<string> Languages,
    string? Bio,
    string BookUrl)
{
    public static DoctorCard From(DoctorProfile doctor, string language, IStringLocalizer text) => new(
        doctor.Name,
        SitePaths.Doctor(language, doctor.Slug),
        doctor.PhotoVersion is null ? null : SitePaths.DoctorPhoto(doctor.Id, doctor.PhotoVersion),
        doctor.Gender switch
        {
            PractitionerGender.Female => text["Doctors_Gender_Female"].Value,
            PractitionerGender.Male => text["Doctors_Gender_Male"].Value,
            _ => null,
        },
        doctor.MmcNumber,
        doctor.HoldsLcp,
        doctor.Languages.Select(code => text[$"Doctors_Language_{code}"].Value).ToList(),
        doctor.Bio(language),
        $"{SitePaths.Book(language)}?practitioner={doctor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>The bio's paragraphs (staff separate them with blank lines).</summary>
    public IReadOnlyList<string> BioParagraphs =>
        Bio is null ? [] : Bio.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed record DoctorsPage(IReadOnlyList<DoctorCard> Doctors);

public sealed record DoctorPage(DoctorCard Doctor, DoctorProfile Profile, string AlternateUrl);
