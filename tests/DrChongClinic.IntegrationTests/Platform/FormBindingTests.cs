using System.Globalization;
using DrChongClinic.Domain;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>MVC's own model-binding messages are replaced by the clinic's, in the language of the request.</summary>
public sealed class FormBindingTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    /// <summary>
    /// Every rule of every validator the site uses says its own, localized message: FluentValidation's defaults are
    /// English on Malay pages ("The length of 'Email' must be 256 characters or fewer", staff-area sweep).
    /// </summary>
    [Fact]
    public void Every_validation_rule_has_the_clinics_own_message_not_fluent_validations_english_default()
    {
        var english = new CultureInfo("en");
        var validatorTypes = typeof(DrChongClinic.Web.SharedResource).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>)))
            .ToList();
        using var scope = factory.Services.CreateScope();
        var defaults = new List<string>();
        foreach (var type in validatorTypes)
        {
            var service = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>));
            var validator = (FluentValidation.IValidator)scope.ServiceProvider.GetRequiredService(service);
            foreach (var rule in validator.CreateDescriptor().Rules)
            {
                foreach (var component in rule.Components)
                {
                    string message;
                    try
                    {
                        message = component.GetUnformattedErrorMessage();
                    }
                    catch (Exception e) when (e is NullReferenceException or InvalidOperationException)
                    {
                        continue; // a message built from the form being validated: the clinic's own
                    }

                    if (message == FluentValidation.ValidatorOptions.Global.LanguageManager.GetString(component.Validator.Name, english))
                    {
                        defaults.Add($"{type.Name}.{rule.PropertyName}: {component.Validator.Name}");
                    }
                }
            }
        }

        Assert.NotEmpty(validatorTypes);
        Assert.True(defaults.Count == 0, string.Join("\n", defaults));
    }

    [Theory]
    [InlineData("en", "This value is not valid. Please check it and try again.", "Please fill in this field.")]
    [InlineData("ms", "Nilai ini tidak sah. Sila semak dan cuba lagi.", "Sila isi ruangan ini.")]
    public void Values_that_cannot_be_read_get_the_clinics_message_in_the_page_language(string language, string invalid, string missing)
    {
        var messages = factory.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBindingMessageProvider;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = ClinicLanguage.Of(language).Culture;

            Assert.Equal(invalid, messages.AttemptedValueIsInvalidAccessor("abc", "DurationMinutes"));
            Assert.Equal(invalid, messages.ValueMustBeANumberAccessor("DurationMinutes"));
            Assert.Equal(invalid, messages.NonPropertyAttemptedValueIsInvalidAccessor("abc"));
            Assert.Equal(missing, messages.MissingBindRequiredValueAccessor("Code"));
            Assert.Equal(missing, messages.ValueMustNotBeNullAccessor("abc"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
