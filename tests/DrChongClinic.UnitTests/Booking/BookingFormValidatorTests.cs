using System.Globalization;
using DrChongClinic.Domain;
using DrChongClinic.Web;
using DrChongClinic.Web.Booking;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DrChongClinic.UnitTests.Booking;

public class BookingFormValidatorTests
{
    private static readonly IStringLocalizer<SharedResource> Text = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    [Fact]
    public void A_complete_form_is_valid()
    {
        Assert.True(new BookingFormValidator(Text).Validate(Valid()).IsValid);
    }

    [Theory]
    [InlineData("SubmissionId", "", "This form has expired")]
    [InlineData("SubmissionId", "00000000-0000-0000-0000-000000000000", "This form has expired")]
    [InlineData("Treatment", "", "Please choose a treatment")]
    [InlineData("Practitioner", "Dr Chong", "We could not find that doctor")]
    [InlineData("Practitioner", "0", "We could not find that doctor")]
    [InlineData("Practitioner", "12345678901", "We could not find that doctor")]
    [InlineData("Slot", "", "Please choose a time")]
    [InlineData("Slot", "2026-12-08 10:00", "That time is not valid")]
    [InlineData("Slot", "2026-12-08T25:00", "That time is not valid")]
    [InlineData("Name", "   ", "Please enter your full name")]
    [InlineData("Name", "Q", "Please enter between 2 and 100 characters")]
    [InlineData("Name", "Line\nbreak", "This contains characters we cannot accept")]
    [InlineData("Email", "", "Please enter your email address")]
    [InlineData("Email", "aisyah@", "Please enter an email address like name@example.com")]
    [InlineData("Email", "aisyah example@mail.com", "Please enter an email address like name@example.com")]
    [InlineData("Email", "a@b@example.com", "Please enter an email address like name@example.com")]
    [InlineData("Email", "victim@example.com\r\nBcc: all@example.com", "Please enter an email address like name@example.com")]
    [InlineData("Phone", "", "Please enter your mobile number")]
    [InlineData("Phone", "03-2345 6789", "This looks like a landline")]
    [InlineData("Phone", "12345", "This does not look like a phone number")]
    [InlineData("Language", "zh", "Please choose English or Bahasa Malaysia")]
    [InlineData("Notes", "\u0000", "This contains characters we cannot accept")]
    public void Each_bad_field_gets_its_own_message(string field, string value, string message)
    {
        var form = Valid();
        typeof(BookingForm).GetProperty(field)!.SetValue(form, value);

        var errors = new BookingFormValidator(Text).Validate(form).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(field, error.PropertyName);
        Assert.Contains(message, error.ErrorMessage);
    }

    [Theory]
    [InlineData("Name", 100, true)]
    [InlineData("Name", 101, false)]
    [InlineData("Notes", 1000, true)]
    [InlineData("Notes", 1001, false)]
    public void Field_limits_are_exact(string field, int length, bool valid)
    {
        var form = Valid();
        typeof(BookingForm).GetProperty(field)!.SetValue(form, new string('a', length));

        Assert.Equal(valid, new BookingFormValidator(Text).Validate(form).IsValid);
    }

    [Fact]
    public void Consent_is_required()
    {
        var form = Valid();
        form.Consent = false;

        Assert.Contains("Please agree to the privacy notice", Assert.Single(new BookingFormValidator(Text).Validate(form).Errors).ErrorMessage);
    }

    [Fact]
    public void Messages_follow_the_language_of_the_page()
    {
        var form = Valid();
        form.Consent = false;
        form.Phone = "12";
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = ClinicLanguage.Malay.Culture;
        try
        {
            var errors = new BookingFormValidator(Text).Validate(form).Errors.Select(e => e.ErrorMessage).ToList();

            Assert.Contains("Sila bersetuju dengan notis privasi supaya kami boleh menempah temujanji anda.", errors);
            Assert.Contains(errors, e => e.StartsWith("Ini tidak kelihatan seperti nombor telefon", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Cancel_reason_is_optional_but_limited()
    {
        var validator = new CancelFormValidator(Text);

        Assert.True(validator.Validate(new CancelForm()).IsValid);
        Assert.True(validator.Validate(new CancelForm { Reason = new string('x', 500) }).IsValid);
        Assert.False(validator.Validate(new CancelForm { Reason = new string('x', 501) }).IsValid);
    }

    [Fact]
    public void Reschedule_needs_a_well_formed_slot()
    {
        var validator = new RescheduleFormValidator(Text);

        Assert.True(validator.Validate(new RescheduleForm { Slot = "2026-12-08T09:30" }).IsValid);
        Assert.False(validator.Validate(new RescheduleForm()).IsValid);
        Assert.False(validator.Validate(new RescheduleForm { Slot = "tomorrow" }).IsValid);
    }

    [Theory]
    [InlineData("any", true, null)]
    [InlineData("female", true, null)]
    [InlineData("Female", false, null)]
    [InlineData("", true, null)]
    [InlineData("7", true, 7)]
    [InlineData("+7", false, null)]
    [InlineData("7.0", false, null)]
    public void Practitioner_is_any_or_a_positive_id(string value, bool ok, int? id)
    {
        Assert.Equal(ok, BookingInput.TryParsePractitioner(value, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Fact]
    public void Female_asks_for_any_female_doctor_and_is_written_back_the_same_way()
    {
        Assert.Equal(DrChongClinic.Domain.Scheduling.PractitionerGender.Female, BookingInput.Gender("female"));
        Assert.Null(BookingInput.Gender("any"));
        Assert.Null(BookingInput.Gender("7"));
        Assert.Equal("female", BookingInput.Practitioner(null, DrChongClinic.Domain.Scheduling.PractitionerGender.Female));
        Assert.Equal("7", BookingInput.Practitioner(7, DrChongClinic.Domain.Scheduling.PractitionerGender.Female));
    }

    private static BookingForm Valid() => new()
    {
        SubmissionId = Guid.NewGuid().ToString(),
        Treatment = "pico-laser",
        Practitioner = "any",
        Slot = "2026-12-08T10:00",
        Name = "Muthu a/l Rajan",
        Email = "muthu@example.com.my",
        Phone = "+60 11-2345 6789",
        Notes = "Line one\nLine two",
        Language = "en",
        Consent = true,
    };
}
