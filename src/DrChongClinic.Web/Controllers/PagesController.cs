using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain;
using DrChongClinic.Web.Models;
using DrChongClinic.Web.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Controllers;

/// <summary>
/// The clinic's information pages, each with an English and a Malay URL. Pages that are mostly prose
/// (about, privacy, terms) have one view per language, e.g. Privacy.en.cshtml and Privacy.ms.cshtml,
/// picked by view localization from the request's culture; pages built from data use one view and resx text.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Page)]
public sealed class PagesController(
    SlotFinder slots,
    ClinicPublicData data,
    IOptions<ClinicDetails> clinic,
    IOptions<PrivacyOptions> privacy,
    IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet(SitePaths.TreatmentsEn)]
    [HttpGet(SitePaths.TreatmentsMs)]
    public async Task<IActionResult> Treatments(CancellationToken cancellationToken)
    {
        var treatments = await slots.ActiveTreatmentsAsync(cancellationToken);
        var language = ClinicLanguage.Current.Code;
        return View(new TreatmentsPage(treatments.Select(t => TreatmentDescription.From(t, language, text)).ToList()));
    }

    [HttpGet(SitePaths.AboutEn)]
    [HttpGet(SitePaths.AboutMs)]
    public async Task<IActionResult> About(CancellationToken cancellationToken) =>
        View(new AboutPage(await data.DoctorNamesAsync(cancellationToken), clinic.Value));

    [HttpGet(SitePaths.ContactEn)]
    [HttpGet(SitePaths.ContactMs)]
    public IActionResult Contact() => View(clinic.Value);

    [HttpGet(SitePaths.PrivacyEn)]
    [HttpGet(SitePaths.PrivacyMs)]
    public IActionResult Privacy() => View(PrivacyPage.Create(privacy.Value, clinic.Value, text));

    [HttpGet(SitePaths.TermsEn)]
    [HttpGet(SitePaths.TermsMs)]
    public IActionResult Terms() => View(clinic.Value);
}
