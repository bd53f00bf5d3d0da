using System.Globalization;
using System.Reflection;
using DrChongClinic.Application.Clinic;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Forms;

/// <summary>
/// How posted form values become models when they cannot: every model-binding message ("The value 'x' is not
/// valid for DurationMinutes.") becomes the clinic's own, in the page's language, and a checkbox sent with a
/// value that is not true/false is an error on the form rather than a crash when the form is shown again. A form
/// shown again with its errors answers 400; a form that cannot be read at all answers 400 or 413 (<see cref="UnreadableForms"/>).
/// </summary>
public static class FormBinding
{
    public static IServiceCollection AddClinicFormBinding(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<MvcOptions>, ConfigureFormBinding>();

    private sealed class ConfigureFormBinding(IStringLocalizerFactory localizers) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            // Called while binding each request, so the text follows that request's language.
            var text = localizers.Create(typeof(SharedResource));
            string Invalid() => text["Form_ValueInvalid"];
            string Missing() => text["Form_ValueMissing"];

            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid());
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid());
            messages.SetUnknownValueIsInvalidAccessor(_ => Invalid());
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(Invalid);
            messages.SetValueIsInvalidAccessor(_ => Invalid());
            messages.SetValueMustBeANumberAccessor(_ => Invalid());
            messages.SetNonPropertyValueMustBeANumberAccessor(Invalid);
            messages.SetMissingBindRequiredValueAccessor(_ => Missing());
            messages.SetMissingKeyOrValueAccessor(Missing);
            messages.SetMissingRequestBodyRequiredValueAccessor(Missing);
            messages.SetValueMustNotBeNullAccessor(_ => Missing());

            options.ModelMetadataDetailsProviders.Add(new EmptyTextStaysText());
            options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            options.ModelBinderProviders.Insert(0, new DateBinderProvider());
            options.ModelBinderProviders.Insert(0, new EnumBinderProvider());
            options.Filters.Add(new RefusedFormStatus());
            options.Filters.Add(new UnreadableForms.UnreadableFormFilter());
        }
    }

    /// <summary>
    /// A form sent back with its errors is a refusal: 400, not 200, unless the action chose its own status (409 for
    /// a time just taken). Browsers show the page all the same; monitoring and tests see what happened.
    /// </summary>
    private sealed class RefusedFormStatus : IResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !context.ModelState.IsValid && context.Result is ViewResult { StatusCode: null } view)
            {
                view.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }

    /// <summary>
    /// A text field sent empty binds as "" to a property declared non-nullable (<c>string Code</c>), never as null:
    /// MVC turns empty text into null by default, and code that trusts the declaration (<c>input.Code.Trim()</c>)
    /// then failed with a 500 instead of the validator's "enter a code" (staff-area sweep finding 2). Properties
    /// declared <c>string?</c> still get null.
    /// </summary>
    private sealed class EmptyTextStaysText : IDisplayMetadataProvider
    {
        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Key is { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { } property } && property.PropertyType == typeof(string)
                && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
            {
                context.DisplayMetadata.ConvertEmptyStringToNull = false;
            }
        }
    }

    /// <summary>
    /// Every DateOnly and DateTime a form or address binds to is written the one way the site's date fields and links
    /// write it (2026-12-08, or 2026-12-08T09:30 with a time) and lies within <see cref="ClinicDates"/>. MVC's own
    /// conversion reads "1,5", "5/1/2027" or "Dec 8" as some date, differently in a link than in a form (staff-area
    /// sweep), and 0001-01-01 or 9999-12-31T23:59 would overflow later date arithmetic into a 500 (security review
    /// finding 9): anything else is a binding error with the clinic's message.
    /// </summary>
    private sealed class DateBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(DateOnly) || context.Metadata.UnderlyingOrModelType == typeof(DateTime)
                ? new DateBinder()
                : null;
    }

    /// <summary>
    /// Binds a value written one exact way (<see cref="Read"/>): nothing sent leaves the default; an empty value is null
    /// (or "missing" when the property cannot be null); anything <see cref="Read"/> refuses is the clinic's "could not be
    /// read" message, never MVC's looser conversion.
    /// </summary>
    private abstract class ExactTextBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            var text = value.FirstValue?.Trim();
            var metadata = bindingContext.ModelMetadata;
            if (string.IsNullOrEmpty(text))
            {
                if (metadata.IsReferenceOrNullableType)
                {
                    bindingContext.Result = ModelBindingResult.Success(null);
                }
                else
                {
                    bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(""));
                }
            }
            else if (Read(text, metadata.UnderlyingOrModelType) is { } model)
            {
                bindingContext.Result = ModelBindingResult.Success(model);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, metadata.ModelBindingMessageProvider.ValueIsInvalidAccessor(text));
            }

            return Task.CompletedTask;
        }

        /// <summary>The value, or null when <paramref name="text"/> is not written the one accepted way.</summary>
        protected abstract object? Read(string text, Type type);
    }

    private sealed class DateBinder : ExactTextBinder
    {
        private static readonly string[] DateTimeFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

        protected override object? Read(string text, Type type) => type == typeof(DateOnly)
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && ClinicDates.IsUsable(date) ? date : null
            : DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && ClinicDates.IsUsable(time) ? time : null;
    }

    /// <summary>
    /// An enum (a booking status in the list's filter) binds from one of its names only: MVC's own conversion also
    /// takes numbers and comma-separated lists ("1,2", "Confirmed,Completed"), which combine into some other value
    /// and filtered silently by it (staff-area sweep).
    /// </summary>
    private sealed class EnumBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType.IsEnum ? new EnumBinder() : null;
    }

    private sealed class EnumBinder : ExactTextBinder
    {
        protected override object? Read(string text, Type type) =>
            text.All(char.IsAsciiLetter) && Enum.TryParse(type, text, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed) ? parsed : null;
    }

    private sealed class CheckboxBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool)
                ? new CheckboxBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>())
                : null;
    }

    /// <summary>
    /// MVC's own binder, except that a value which is not a boolean is remembered as "false": the checkbox tag
    /// helper parses the remembered value when it shows the form again, and would throw on "abc".
    /// </summary>
    private sealed class CheckboxBinder(Type modelType, ILoggerFactory loggers) : IModelBinder
    {
        private readonly SimpleTypeModelBinder _inner = new(modelType, loggers);

        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await _inner.BindModelAsync(bindingContext);
            var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue;
            if (!string.IsNullOrEmpty(sent) && !bool.TryParse(sent, out _))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: "false");
            }
        }
    }
}
