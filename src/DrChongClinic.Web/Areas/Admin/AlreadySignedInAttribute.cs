using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>
/// A sign-in page's form sent by someone who is already signed in (the back button after signing in, a second tab, the
/// code form sent twice) goes to the staff area with a note. It runs before the anti-forgery check, whose token was made
/// for the signed-out page and would answer with the "could not read what was sent" page. It changes nothing; a post
/// with no token at all (not from one of our pages) is still refused by that check.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlreadySignedInAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the anti-forgery filters (order 1000).</summary>
    public int Order => 0;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        var tokenField = context.HttpContext.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
        if (context.HttpContext.User.Identity?.IsAuthenticated != true || !request.HasFormContentType
            || !(await request.ReadFormAsync(context.HttpContext.RequestAborted)).ContainsKey(tokenField))
        {
            return;
        }

        // Saved here: a result set by an authorization filter skips the filter that saves TempData.
        var services = context.HttpContext.RequestServices;
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData[AdminControllerBase.FlashKey] = services.GetRequiredService<IStringLocalizer<SharedResource>>()["Admin_SignIn_AlreadySignedIn"].Value;
        tempData.Save();
        context.Result = new LocalRedirectResult(ReturnUrls.StaffHome);
    }
}
