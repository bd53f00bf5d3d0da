using System.Text;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Web.Performance;
using DrChongClinic.Web.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Controllers;

/// <summary>What search engines and feed readers fetch: /robots.txt, /sitemap.xml and an Atom feed per language.</summary>
[ResponseCache(Duration = 3600)]
[OutputCache(PolicyName = PublicPageCache.Feed)]
public sealed class SearchEnginesController(ArticleStore store, IOptions<ClinicDetails> clinic, ClinicClock clock, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("robots.txt")]
    public IActionResult Robots()
    {
        var robots = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /admin\n")
            .Append("Disallow: /book/manage\n")
            .Append("Disallow: /ms/tempah/urus\n")
            .Append("Disallow: /waitlist/offer\n")
            .Append("Disallow: /waitlist/leave\n")
            .Append("Disallow: /ms/senarai-menunggu/tawaran\n")
            .Append("Disallow: /ms/senarai-menunggu/keluar\n")
            .Append("Disallow: /diary\n")
            .Append("Disallow: /ms/diari\n")
            .Append('\n')
            .Append("Sitemap: ").Append(clinic.Value.AbsoluteUrl("/sitemap.xml")).Append('\n');
        return Content(robots.ToString(), "text/plain; charset=utf-8");
    }

    /// <summary>Lists the doctors' pages too, so it is cached like a page (purged when the schedule or the articles change).</summary>
    [HttpGet("sitemap.xml")]
    [OutputCache(PolicyName = PublicPageCache.Page)]
    public async Task<IActionResult> Sitemap([FromServices] DoctorDirectory doctors, CancellationToken cancellationToken) =>
        File(Seo.Sitemap.Write(store.Library, await doctors.ActiveAsync(cancellationToken), clinic.Value), "application/xml; charset=utf-8");

    [HttpGet("feed.xml")]
    [HttpGet("ms/feed.xml")]
    public IActionResult Feed()
    {
        var language = ClinicLanguage.Current.Code;
        var title = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Article_Feed_Title"], clinic.Value.DisplayName(language));
        return File(AtomFeed.Write(store.Library, language, title, text["Article_List_Intro"], clinic.Value, clock), "application/atom+xml; charset=utf-8");
    }
}
