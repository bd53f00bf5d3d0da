using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DrChongClinic.Web.Areas.Admin;

public static class ValidationExtensions
{
    /// <summary>Runs a form's validator and copies its messages into ModelState; true when the form is valid.</summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(model, cancellationToken);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        return modelState.IsValid;
    }
}
