using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Models;

public sealed record TreatmentsPage(IReadOnlyList<TreatmentDescription> Treatments);

/// <summary>
/// One treatment as the treatments page shows it. The list comes from the database; the wording comes from
/// the resx keys Treatments_{code}_What and Treatments_{code}_Suits. A treatment staff add later without
/// those keys still shows, with a generic line and no "suits" line.
/// </summary>
/// <param name="Price">"RM 150.00" or "From RM 300.00"; null when the clinic publishes no price (the page says to ask).</param>
/// <param name="Included">What the price includes, as staff wrote it; null when not written.</param>
public sealed record TreatmentDescription(string Code, string Name, int DurationMinutes, string What, string? Suits, string? ArticleUrl, string BookUrl, string? Price = null, string? Included = null)
{
    public static TreatmentDescription From(Treatment treatment, string language, IStringLocalizer text)
    {
        var what = text[$"Treatments_{treatment.Code}_What"];
        var suits = text[$"Treatments_{treatment.Code}_Suits"];
        var slug = TreatmentArticles.Slug(treatment.Code, language);
        return new TreatmentDescription(
            treatment.Code,
            treatment.Name(language),
            treatment.DurationMinutes,
            what.ResourceNotFound ? text["Treatments_Generic"].Value : what.Value,
            suits.ResourceNotFound ? null : suits.Value,
            slug is null ? null : SitePaths.Article(language, slug),
            SitePaths.Book(language, treatment.Code),
            TreatmentPrice.Text(treatment, ClinicLanguage.Of(language)),
            treatment.Included(language));
    }
}

/// <summary>The article that explains each treatment (slugs of content/en and content/ms).</summary>
public static class TreatmentArticles
{
    private static readonly Dictionary<string, (string En, string Ms)> Slugs = new()
    {
        ["consultation"] = ("acne-scar-treatments", "rawatan-parut-jerawat"),
        ["pico-laser"] = ("pico-laser", "laser-pico"),
        ["fractional-co2-laser"] = ("fractional-co2-laser", "laser-co2-fraksional"),
        ["microneedling-prp"] = ("microneedling-with-prp", "microneedling-dengan-prp"),
        ["chemical-peel"] = ("chemical-peels", "pengelupasan-kimia"),
        ["dermal-filler"] = ("dermal-fillers", "pengisi-dermal"),
        ["subcision"] = ("subcision", "subsisi"),
    };

    public static string? Slug(string treatmentCode, string language) =>
        Slugs.TryGetValue(treatmentCode, out var slugs) ? ClinicLanguage.Of(language).Pick(slugs.En, slugs.Ms) : null;
}

/// <summary>The about page: the clinic's active doctors, by name only (no biographies beyond the clinic's brief).</summary>
public sealed record AboutPage(IReadOnlyList<string> Doctors, ClinicDetails Clinic);

/// <summary>The PDPA privacy notice: its version and date, how long bookings keep personal data, whom to contact.</summary>
public sealed record PrivacyPage(string NoticeVersion, string? NoticeMonth, string RetentionPeriod, ClinicDetails Clinic)
{
    public static PrivacyPage Create(PrivacyOptions privacy, ClinicDetails clinic, IStringLocalizer text) => new(
        privacy.NoticeVersion,
        privacy.NoticeDate?.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        DescribeMonths(privacy.RetentionMonths, text),
        clinic);

    /// <summary>"2 years" for 24, "18 months" for 18, in the current language.</summary>
    private static string DescribeMonths(int months, IStringLocalizer text) => months switch
    {
        12 => text["Privacy_RetentionOneYear"].Value,
        _ when months % 12 == 0 => text["Privacy_RetentionYears", months / 12].Value,
        1 => text["Privacy_RetentionOneMonth"].Value,
        _ => text["Privacy_RetentionMonths", months].Value,
    };
}

/// <summary>A treatment's price line (treatments page, booking form): the price or "please ask the clinic", and what it includes.</summary>
public sealed record PriceLine(string? Price, string? Included);
