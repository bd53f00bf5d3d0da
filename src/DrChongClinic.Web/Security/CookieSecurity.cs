using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Security;

/// <summary>
/// One rule for every cookie the site sets (anti-forgery, staff sign-in and its two-factor steps, TempData):
/// HttpOnly, SameSite=Lax and, outside Development, Secure with the <c>__Host-</c> prefix, which browsers only
/// accept with Secure, Path=/ and no Domain, so no other site on a sub-domain can plant or overwrite them.
/// "Security:SecureCookies" = false turns the prefix and Secure off for a trial on plain http (never in real use).
/// </summary>
public static class CookieSecurity
{
    public const string AntiforgeryCookie = "clinic.af";
    public const string StaffCookie = "clinic.staff";
    public const string TempDataCookie = "clinic.msg";

    /// <summary>The staff area's language, chosen by staff (the public pages' language comes from their address).</summary>
    public const string AdminLanguageCookie = "clinic.admin-lang";

    public static IServiceCollection AddClinicCookieSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var secure = !environment.IsDevelopment() && configuration.GetValue("Security:SecureCookies", true);
        services.AddAntiforgery(antiforgery => Apply(antiforgery.Cookie, AntiforgeryCookie, secure));
        services.Configure<CookieTempDataProviderOptions>(tempData => Apply(tempData.Cookie, TempDataCookie, secure));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, c => Apply(c.Cookie, StaffCookie, secure));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, c => Apply(c.Cookie, "clinic.2fa", secure));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, c => Apply(c.Cookie, "clinic.2fa-remember", secure));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, c => Apply(c.Cookie, "clinic.external", secure));
        return services;
    }

    /// <summary>Whether cookies are Secure with the __Host- prefix here (outside Development unless Security:SecureCookies is false).</summary>
    public static bool IsSecure(IConfiguration configuration, IWebHostEnvironment environment) =>
        !environment.IsDevelopment() && configuration.GetValue("Security:SecureCookies", true);

    /// <summary>The options of a cookie the site writes itself, under the same rule as the others.</summary>
    public static CookieOptions Options(bool secure, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = secure,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };

    /// <summary>The cookie's name as the browser sees it.</summary>
    public static string Name(string baseName, bool secure) => secure ? "__Host-" + baseName : baseName;

    private static void Apply(CookieBuilder cookie, string baseName, bool secure)
    {
        cookie.Name = Name(baseName, secure);
        cookie.HttpOnly = true;
        // Lax, not Strict: a link to /admin in the clinic's own email must open signed in; every change is a
        // POST with an anti-forgery token, so Lax gives nothing away.
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Path = "/";
        cookie.Domain = null;
    }
}
