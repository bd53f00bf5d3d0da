using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Web.Models;
using DrChongClinic.Web.Performance;
using DrChongClinic.Web.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Controllers;

/// <summary>The article section: list, article, tag and search pages in English (/articles) and Malay (/ms/artikel).</summary>
public sealed class ArticlesController(
    ArticleStore store,
    IOptions<ClinicDetails> clinic,
    IOptions<ArticleReviewers> reviewers,
    IStringLocalizer<SharedResource> text) : Controller
{
    internal const int RelatedCount = 3;
    internal const int SearchResultsMax = 20;
    internal const int SearchQueryMaxLength = 100;

    [OutputCache(PolicyName = PublicPageCache.Page)]
    [HttpGet("articles")]
    [HttpGet("ms/artikel")]
    public IActionResult Index()
    {
        var language = ClinicLanguage.Current.Code;
        var library = store.Library;
        return View(new ArticleListPage(
            library.InLanguage(language).Select(ArticleCard.For).ToList(),
            library.Tags(language).Select(t => TagLink.For(language, t.Tag, t.Count)).ToList()));
    }

    [OutputCache(PolicyName = PublicPageCache.Page)]
    [HttpGet("articles/{slug}")]
    [HttpGet("ms/artikel/{slug}")]
    public IActionResult Show(string slug)
    {
        var language = ClinicLanguage.Current.Code;
        var library = store.Library;
        if (library.Find(language, slug) is not { } article || library.Translation(article, ClinicLanguage.Of(language).Other.Code) is not { } translation)
        {
            return NotFound();
        }

        var breadcrumbs = Breadcrumbs(language, new Breadcrumb(article.Title, SitePaths.Article(article)));
        var shareImage = ShareImage.ForArticle(article, store, clinic.Value, string.Format(CultureInfo.CurrentCulture, text["Share_Alt_Article"].Value, article.Title, clinic.Value.DisplayName(language)));
        return View(ArticlePage.Create(
            article, translation, library.RelatedTo(article, RelatedCount), breadcrumbs, clinic.Value, reviewers.Value.Find(article.ReviewerKey), shareImage));
    }

    [OutputCache(PolicyName = PublicPageCache.Page)]
    [HttpGet("articles/tag/{tag}")]
    [HttpGet("ms/artikel/tag/{tag}")]
    public IActionResult Tag(string tag)
    {
        var language = ClinicLanguage.Current.Code;
        var articles = store.Library.Tagged(language, tag);
        if (articles.Count == 0)
        {
            return NotFound();
        }

        var tagLink = TagLink.For(language, tag, articles.Count);
        var breadcrumbs = Breadcrumbs(language, new Breadcrumb(tagLink.Label, tagLink.Url));
        return View(new ArticleTagPage(tagLink, articles.Select(ArticleCard.For).ToList(), breadcrumbs, [SchemaOrg.BreadcrumbList(breadcrumbs, clinic.Value)]));
    }

    [HttpGet("articles/search")]
    [HttpGet("ms/artikel/cari")]
    public IActionResult Search(string? q)
    {
        var language = ClinicLanguage.Current.Code;
        var library = store.Library;
        var query = TextLength.Clip((q ?? "").Trim(), SearchQueryMaxLength);

        return View(new ArticleSearchPage(
            query,
            library.Search(language, query, SearchResultsMax).Select(ArticleCard.For).ToList(),
            library.Tags(language).Select(t => TagLink.For(language, t.Tag, t.Count)).ToList()));
    }

    private List<Breadcrumb> Breadcrumbs(string language, Breadcrumb page) =>
    [
        new(text["Nav_Home"], SitePaths.Home(language)),
        new(text["Nav_Articles"], SitePaths.Articles(language)),
        page,
    ];
}
