using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace DrChongClinic.Web.Localization;

/// <summary>
/// The site speaks English and Bahasa Malaysia. The language comes from the URL: paths under /ms are
/// Malay, everything else English. One URL, one language: good for readers, search engines and caches.
/// </summary>
public static class ClinicLocalization
{
    public const string English = "en";
    public const string Malay = "ms";

    public static readonly CultureInfo[] Cultures = [new("en-MY"), new("ms-MY")];

    public static IServiceCollection AddClinicLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new PathLanguageProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseClinicLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>"ms" when the current request is Malay, else "en".</summary>
    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Malay ? Malay : English;

    public static bool IsMalayPath(PathString path) =>
        path.Equals("/ms", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/ms", StringComparison.OrdinalIgnoreCase);

    private sealed class PathLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(IsMalayPath(PagePath(httpContext)) ? "ms-MY" : "en-MY"));

        /// <summary>The page asked for: after an exception the request is re-run as /error, in the language of the page.</summary>
        private static PathString PagePath(HttpContext httpContext) =>
            httpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { } original
                ? new PathString(original)
                : httpContext.Request.Path;
    }
}
