using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// A doctor's diary on their phone: staff issue a private subscription address (shown once, on the page that answers
/// the POST, never stored in a cookie or a redirect), replace it with a new one, or revoke it. All audited.
/// </summary>
[Route("admin/schedule/practitioners/{id:int}/diary-feed")]
public sealed class DiaryFeedsController(DiaryFeedService diaries, IOptions<ClinicDetails> clinic, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpPost("")]
    public async Task<IActionResult> Issue(int id, CancellationToken cancellationToken)
    {
        // The form's "replacing" says which address the page showed; a form without it replaces nothing (refused as changed).
        var form = await Request.ReadFormAsync(cancellationToken);
        var issued = await diaries.IssueAsync(Actor, id, form.TryGetValue("replacing", out var shown) ? shown.ToString() : null, cancellationToken);
        if (issued is null)
        {
            return NotFound();
        }

        if (issued.Token is null)
        {
            var changed = View("Changed", new DiaryFeedIssuedPage(id, issued.PractitionerName, []));
            changed.StatusCode = StatusCodes.Status409Conflict;
            return changed;
        }

        var addresses = ClinicLanguage.All.Select(language =>
        {
            var https = clinic.Value.AbsoluteUrl(SitePaths.DiaryFeed(language.Code, issued.Token));
            var webcal = "webcal" + https[https.IndexOf(':', StringComparison.Ordinal)..];
            return new DiaryFeedAddress(language.Code, https, webcal);
        }).ToList();
        return View(new DiaryFeedIssuedPage(id, issued.PractitionerName, addresses));
    }

    [HttpPost("revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken cancellationToken)
    {
        var revoked = await diaries.RevokeAsync(Actor, id, cancellationToken);
        if (revoked is null)
        {
            return NotFound();
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_DiaryFeed_Revoked"], revoked.PractitionerName));
        return RedirectToAction(nameof(PractitionersController.Edit), "Practitioners", new { id });
    }
}
