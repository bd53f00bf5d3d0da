using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain;
using DrChongClinic.Web.Models;
using DrChongClinic.Web.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DrChongClinic.Web.Controllers;

/// <summary>The clinic's doctors: a list and a page per doctor (English and Malay), and the doctors' photos.</summary>
public sealed class DoctorsController(DoctorDirectory doctors, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet(SitePaths.DoctorsEn)]
    [HttpGet(SitePaths.DoctorsMs)]
    [OutputCache(PolicyName = PublicPageCache.Page)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var language = ClinicLanguage.Current.Code;
        var active = await doctors.ActiveAsync(cancellationToken);
        return View(new DoctorsPage(active.Select(d => DoctorCard.From(d, language, text)).ToList()));
    }

    [HttpGet(SitePaths.DoctorsEn + "/{slug}")]
    [HttpGet(SitePaths.DoctorsMs + "/{slug}")]
    [OutputCache(PolicyName = PublicPageCache.Page)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var language = ClinicLanguage.Current;
        var lookup = await doctors.LookUpAsync(slug, cancellationToken);
        if (lookup.MovedTo is { } current)
        {
            return RedirectPermanent(SitePaths.Doctor(language.Code, current));
        }

        if (lookup.Doctor is not { } doctor)
        {
            return NotFound();
        }

        return View(new DoctorPage(DoctorCard.From(doctor, language.Code, text), doctor, SitePaths.Doctor(language.Other.Code, doctor.Slug)));
    }

    /// <summary>The photo, at an address that changes with each new photo: cached for a year by browsers and proxies.</summary>
    [HttpGet(SitePaths.DoctorsEn + "/photos/{id:int}/{version}.jpg")]
    public async Task<IActionResult> Photo(int id, string version, CancellationToken cancellationToken)
    {
        var photo = await doctors.PhotoAsync(id, version, cancellationToken);
        if (photo is null)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(photo.Content, photo.ContentType);
    }
}
