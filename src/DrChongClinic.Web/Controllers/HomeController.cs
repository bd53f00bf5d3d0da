using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Booking;
using DrChongClinic.Domain;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Web.Models;
using DrChongClinic.Web.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DrChongClinic.Web.Controllers;

[OutputCache(PolicyName = PublicPageCache.Page)]
public sealed class HomeController(SlotFinder slots, ArticleStore articles) : Controller
{
    /// <summary>The article the home page's scar-type pictures lead to (its front matter <c>id</c>).</summary>
    public const string ScarTypesArticle = "scar-types";

    [HttpGet("")]
    [HttpGet(ClinicLanguage.MalayCode)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var treatments = await slots.ActiveTreatmentsAsync(cancellationToken);
        var language = ClinicLanguage.Current.Code;
        return View(new HomePage(treatments.Select(t => new TreatmentCard(t.Code, t.Name(language), t.DurationMinutes)).ToList())
        {
            LatestArticles = articles.Library.Latest(language, 3).Select(ArticleCard.For).ToList(),
            ScarTypesArticleUrl = articles.Library.InLanguage(language)
                .Where(a => a.TranslationId == ScarTypesArticle)
                .Select(SitePaths.Article)
                .FirstOrDefault(),
        });
    }
}
