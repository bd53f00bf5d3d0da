using System.Globalization;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>MVC's own model-binding messages are replaced by the clinic's, in the language of the request.</summary>
public sealed class FormBindingTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Theory]
    [InlineData("en-MY", "This value is not valid. Please check it and try again.", "Please fill in this field.")]
    [InlineData("ms-MY", "Nilai ini tidak sah. Sila semak dan cuba lagi.", "Sila isi ruangan ini.")]
    public void Values_that_cannot_be_read_get_the_clinics_message_in_the_page_language(string culture, string invalid, string missing)
    {
        var messages = factory.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBindingMessageProvider;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);

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
