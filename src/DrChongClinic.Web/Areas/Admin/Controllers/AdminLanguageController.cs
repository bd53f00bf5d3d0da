using DrChongClinic.Domain;
using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>The staff area's language switch (English or Bahasa Malaysia), remembered in a cookie for this browser.</summary>
[Route("admin/language")]
public sealed class AdminLanguageController(IConfiguration configuration, IWebHostEnvironment environment) : AdminControllerBase
{
    [HttpPost("")]
    public IActionResult Choose(string? language, string? returnUrl)
    {
        var chosen = language == ClinicLanguage.MalayCode ? ClinicLanguage.Malay : ClinicLanguage.English;
        var secure = CookieSecurity.IsSecure(configuration, environment);
        Response.Cookies.Append(CookieSecurity.Name(CookieSecurity.AdminLanguageCookie, secure), chosen.Code, CookieSecurity.Options(secure, TimeSpan.FromDays(365)));

        // Back to the page the switch was on: only a page of the staff area, never another site.
        return LocalRedirect(ReturnUrls.StaffPage(Url, returnUrl));
    }
}
