using System.Security.Claims;
using DrChongClinic.Application.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>Marks the few admin pages a staff member may use before two-factor sign-in is set up (set-up itself, sign-out).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// Outside Development every staff account (Staff and Admin: both can read and export every booking) must use
/// two-factor sign-in: an account without it is sent to set it up and can do nothing else until done.
/// "Admin:RequireTwoFactor" = false narrows the rule to Admins only.
/// </summary>
public sealed class RequireTwoFactorFilter(UserManager<IdentityUser> users, IWebHostEnvironment environment, IOptions<AdminOptions> options) : IAsyncActionFilter
{
    public const string SetUpPath = "/admin/account/two-factor/enable";

    /// <summary>Whether this signed-in staff member must use two-factor sign-in.</summary>
    public static bool Applies(ClaimsPrincipal user, IWebHostEnvironment environment, AdminOptions options) =>
        !environment.IsDevelopment() && (options.RequireTwoFactor || user.IsInRole(StaffRoles.Admin));

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true
            && Applies(user, environment, options.Value)
            && !context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any()
            && await users.GetUserAsync(user) is { TwoFactorEnabled: false })
        {
            context.Result = new RedirectResult(SetUpPath);
            return;
        }

        await next();
    }
}
