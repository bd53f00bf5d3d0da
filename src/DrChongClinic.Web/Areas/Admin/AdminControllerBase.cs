using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>
/// Every admin controller derives from this: the Admin area, signed-in staff only (Staff or Admin),
/// anti-forgery checked on every POST, and staff held at two-factor set-up until they have it (outside Development).
/// Admin-only controllers add <c>[Authorize(Policy = AdminPolicies.AdminOnly)]</c>.
/// </summary>
[Area("Admin")]
[Authorize(Policy = AdminPolicies.StaffArea)]
[AutoValidateAntiforgeryToken]
[ServiceFilter<RequireTwoFactorFilter>]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminControllerBase : Controller
{
    /// <summary>Where <see cref="Flash"/> keeps its message until the next page shows it.</summary>
    public const string FlashKey = "Admin_Flash";

    /// <summary>The signed-in staff member's user name (their e-mail), for audit entries.</summary>
    protected string Actor => User.Identity?.Name ?? "unknown";

    /// <summary>Whether the value sent as <paramref name="key"/> could not be read (practitioner=abc): it then binds as null.</summary>
    protected bool Unread(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>Shows a one-line confirmation on the next page (after a redirect).</summary>
    protected void Flash(string message) => TempData[FlashKey] = message;
}
