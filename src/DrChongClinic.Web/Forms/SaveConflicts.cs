using DrChongClinic.Application.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Web.Forms;

/// <summary>
/// The last line of defence against two saves of the same thing at once (two staff, a double click): a concurrency
/// conflict or a unique-index refusal that no use case turned into its own message becomes a 409 with the friendly
/// "someone else saved a change at the same time" page, never a 500. Nothing is lost: the losing save was rolled back.
/// Use cases still handle the races they can explain better (a treatment code taken, a doctor just added, a time just booked).
/// </summary>
public static class SaveConflicts
{
    public static IServiceCollection AddClinicSaveConflicts(this IServiceCollection services) =>
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add<SaveConflictFilter>());

    private sealed class SaveConflictFilter(IClinicDatabase db, ILogger<SaveConflictFilter> logger) : IExceptionFilter
    {
        public void OnException(ExceptionContext context)
        {
            if (context.Exception is not DbUpdateException e || !(e is DbUpdateConcurrencyException || db.IsDuplicate(e)))
            {
                return;
            }

            // Information, without the stack: a lost race is expected and handled. The action's name, never the path
            // (a manage link's path holds its token).
            logger.LogInformation("{Action} lost a race with another save ({Kind}); answered 409", context.ActionDescriptor.DisplayName, e.GetType().Name);
            context.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
            context.ExceptionHandled = true;
        }
    }
}
