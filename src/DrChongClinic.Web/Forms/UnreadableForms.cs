using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DrChongClinic.Web.Forms;

/// <summary>
/// A form the server cannot read (a body over the size limit, more fields than the form limit, a broken multipart
/// body, a name or value it refuses) is answered with the status that says why: 413 when it is too large, 400
/// otherwise, and the friendly error page for that status. Without this the anti-forgery check met the broken form
/// first and answered a bare 400 whose page then said "something went wrong on our side".
/// </summary>
public static class UnreadableForms
{
    /// <summary>
    /// The posted form, or why it cannot be read: <see cref="StatusCodes.Status413PayloadTooLarge"/> or
    /// <see cref="StatusCodes.Status400BadRequest"/>. The form is read once per request; later reads get the same answer.
    /// </summary>
    public static async Task<(IFormCollection? Form, int Status)> ReadAsync(HttpRequest request)
    {
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted), StatusCodes.Status200OK);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode is >= 400 and < 500 ? ex.StatusCode : StatusCodes.Status400BadRequest);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            // The form reader's own size limits ("Multipart body length limit 2097152 exceeded.", a value or key over
            // its length limit): too large, as when the server's request size limit stops the body.
            return (null, StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// Reads every posted form before anything else does: after an action's own form and size limits are applied
    /// (<see cref="RequestFormLimitsAttribute"/> and <see cref="RequestSizeLimitAttribute"/>, order 900) and before the
    /// anti-forgery check (order 1000), which would otherwise meet the broken form first.
    /// </summary>
    internal sealed class UnreadableFormFilter : IAsyncAuthorizationFilter, IOrderedFilter
    {
        public int Order => 950;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (context.Result is not null || !http.Request.HasFormContentType || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                return; // the error page, shown for a refused form, does not read it again
            }

            var (form, status) = await ReadAsync(http.Request);
            if (form is null)
            {
                context.Result = new StatusCodeResult(status);
            }
        }
    }
}
