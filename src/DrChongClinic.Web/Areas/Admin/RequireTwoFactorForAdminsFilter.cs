using DrChongClinic.Application.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>Marks the few admin pages an Admin may use before two-factor sign-in is set up (set-up itself, sign-out).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// Outside Development, Admin accounts must use two-factor sign-in: an Admin without it is sent to
/// set it up and can do nothing else until done.
/// </summary>
public sealed class RequireTwoFactorForAdminsFilter(UserManager<IdentityUser> users, IWebHostEnvironment environment) : IAsyncActionFilter
{
    public const string SetUpPath = "/admin/account/two-factor/enable";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (!environment.IsDevelopment()
            && user.IsInRole(StaffRoles.Admin)
            && !context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any()
            && await users.GetUserAsync(user) is { TwoFactorEnabled: false })
        {
            context.Result = new RedirectResult(SetUpPath);
            return;
        }

        await next();
    }
}
