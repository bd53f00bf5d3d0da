using DrChongClinic.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace DrChongClinic.Web.Localization;

/// <summary>
/// The request's language comes from the URL: paths under /ms are Malay, everything else English
/// (<see cref="ClinicLanguage"/>). One URL, one language: good for readers, search engines and caches.
/// The staff area (/admin, never cached or indexed) is the exception: its language is the one staff chose with
/// the switch in its header, kept in a cookie (<see cref="Security.CookieSecurity.AdminLanguageCookie"/>); English until then.
/// </summary>
public static class ClinicLocalization
{
    public static IServiceCollection AddClinicLocalization(this IServiceCollection services)
    {
        // The site's own cultures (ClinicCultures), not ones made from their names: the middleware gives a request the
        // supported instance whose name the provider returns, so a Malay page formats with the Malay month names.
        var cultures = ClinicLanguage.All.Select(l => l.Culture).ToList();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(ClinicLanguage.English.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new PathLanguageProvider()];
        });
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new LanguageViews()));
        return services;
    }

    public static IApplicationBuilder UseClinicLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The language of a path: Malay for /ms and below, else English.</summary>
    public static ClinicLanguage LanguageOf(PathString path) =>
        path.Equals(ClinicLanguage.Malay.UrlPrefix, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(ClinicLanguage.Malay.UrlPrefix, StringComparison.OrdinalIgnoreCase)
            ? ClinicLanguage.Malay
            : ClinicLanguage.English;

    /// <summary>
    /// A page written once per language: About.ms.cshtml on Malay pages, About.en.cshtml on English ones, else About.cshtml.
    /// MVC's own (AddViewLocalization) makes a culture from the request culture's name and walks its parents; without ICU
    /// the parent of such a culture is the invariant culture, so it would never look for About.ms.cshtml.
    /// </summary>
    private sealed class LanguageViews : IViewLocationExpander
    {
        private const string Key = "language";

        public void PopulateValues(ViewLocationExpanderContext context) => context.Values[Key] = ClinicLanguage.Current.Code;

        public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
            context.Values.TryGetValue(Key, out var code) && code is not null
                ? viewLocations.SelectMany(location => new[] { location.Replace("{0}", "{0}." + code, StringComparison.Ordinal), location })
                : viewLocations;
    }

    private sealed class PathLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var path = PagePath(httpContext);
            var language = path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) ? AdminLanguage(httpContext) : LanguageOf(path);
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language.Culture.Name));
        }

        private static ClinicLanguage AdminLanguage(HttpContext httpContext) =>
            (httpContext.Request.Cookies[Security.CookieSecurity.Name(Security.CookieSecurity.AdminLanguageCookie, secure: true)]
                ?? httpContext.Request.Cookies[Security.CookieSecurity.AdminLanguageCookie]) == ClinicLanguage.MalayCode
                ? ClinicLanguage.Malay
                : ClinicLanguage.English;

        /// <summary>The page asked for: after an exception the request is re-run as /error, in the language of the page.</summary>
        private static PathString PagePath(HttpContext httpContext) =>
            httpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { } original
                ? new PathString(original)
                : httpContext.Request.Path;
    }
}
