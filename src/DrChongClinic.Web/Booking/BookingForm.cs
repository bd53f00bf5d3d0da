using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Booking;

/// <summary>The booking form as posted: exactly what the patient typed, so the page can show it again.</summary>
public sealed class BookingForm
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = SendableEmail.MaxLength;
    public const int NotesMaxLength = 1000;

    /// <summary>A Guid given to each form when it is shown; a second post of the same form returns the first booking.</summary>
    public string? SubmissionId { get; set; }

    public string? Treatment { get; set; }

    /// <summary>"any", "female" (any female doctor) or a practitioner's id.</summary>
    public string? Practitioner { get; set; }

    /// <summary>Clinic-local start, "yyyy-MM-ddTHH:mm".</summary>
    public string? Slot { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Notes { get; set; }

    /// <summary>"en" or "ms": the language of the emails and of the manage link.</summary>
    public string? Language { get; set; }

    public bool Consent { get; set; }

    /// <summary>The honeypot: hidden from people and assistive technology, so only a form bot fills it in.</summary>
    public string? Website { get; set; }

    public bool IsFromBot => !string.IsNullOrEmpty(Website);

    /// <summary>
    /// Set by staff's phone-booking page (never bound from the form): the patient may have no email address.
    /// The public booking form always requires one.
    /// </summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool EmailOptional { get; set; }

    /// <summary>
    /// What the booking service is asked for, from a form the validator has passed (slot, practitioner, phone and
    /// submission id are known to parse). The same for patients and for staff booking a phone call.
    /// </summary>
    public BookingRequest ToRequest(string privacyNoticeVersion, ChangedBy bookedBy = ChangedBy.Patient, string? actor = null)
    {
        _ = BookingInput.TryParseSlot(Slot, out var date, out var time);
        _ = BookingInput.TryParsePractitioner(Practitioner, out var practitionerId);
        var patient = new PatientDetails
        {
            Name = Name!.Trim(),
            Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
            Phone = PatientPhone.ToE164(Phone)!,
            Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
            Language = Language!,
        };
        return new BookingRequest(Treatment!, practitionerId, date, time, patient, privacyNoticeVersion, Guid.Parse(SubmissionId!), bookedBy, actor, BookingInput.Gender(Practitioner));
    }

    /// <summary>The choices this form holds, with the date asked for in the address (a malformed one is marked, not dropped).</summary>
    public BookingChoiceRequest Choices(string? date)
    {
        var practitionerReadable = BookingInput.TryParsePractitioner(Practitioner, out var practitionerId);
        DateOnly? asked = BookingInput.TryParseDate(date, out var day) ? day : null;
        DateOnly? picked = BookingInput.TryParseSlot(Slot, out var slotDate, out _) ? slotDate : null;
        return new BookingChoiceRequest(Treatment, practitionerId, !practitionerReadable, asked, !string.IsNullOrEmpty(date) && asked is null, picked, BookingInput.Gender(Practitioner));
    }
}

/// <summary>Checks the booking form; messages come from the resx files in the language of the page.</summary>
public sealed class BookingFormValidator : AbstractValidator<BookingForm>
{
    public BookingFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.SubmissionId)
            .Must(id => Guid.TryParse(id, out var guid) && guid != Guid.Empty)
            .WithMessage(_ => t["Booking_Error_FormExpired"]);
        RuleFor(f => f.Treatment)
            .NotEmpty().WithMessage(_ => t["Booking_Error_TreatmentRequired"])
            .MaximumLength(50).WithMessage(_ => t["Booking_Error_TreatmentUnknown"]);
        RuleFor(f => f.Practitioner)
            .Must(p => BookingInput.TryParsePractitioner(p, out _)).WithMessage(_ => t["Booking_Error_PractitionerUnknown"]);
        RuleFor(f => f.Slot)
            .NotEmpty().WithMessage(_ => t["Booking_Error_SlotRequired"])
            .Must(s => BookingInput.TryParseSlot(s, out _, out _)).WithMessage(_ => t["Booking_Error_SlotInvalid"]);
        RuleFor(f => f.Name).PersonName(t);
        RuleFor(f => f.Email).PatientEmail(t).When(f => !f.EmailOptional || !string.IsNullOrWhiteSpace(f.Email));
        RuleFor(f => f.Phone)
            .NotEmpty().WithMessage(_ => t["Booking_Error_PhoneRequired"])
            .PatientMobile(t);
        RuleFor(f => f.Notes)
            .MaximumLength(BookingForm.NotesMaxLength).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, t["Booking_Error_TooLong"], BookingForm.NotesMaxLength))
            .ReadableText(t, multiLine: true);
        RuleFor(f => f.Language)
            .Must(l => l is ClinicLanguage.EnglishCode or ClinicLanguage.MalayCode).WithMessage(_ => t["Booking_Error_LanguageRequired"]);
        RuleFor(f => f.Consent)
            .Equal(true).WithMessage(_ => t["Booking_Error_ConsentRequired"]);
    }
}

internal static class PatientRules
{
    /// <summary>A mobile number libphonenumber can read (Malaysian local forms, or any country's with its code); landlines get their own message.</summary>
    public static IRuleBuilderOptions<T, string?> PatientMobile<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> t) => rule
        .Must(p => PatientPhone.TryRead(p, out _, out var problem) || problem != PhoneNumberProblem.NotMobile).WithMessage(_ => t["Booking_Error_PhoneNotMobile"])
        .Must(p => PatientPhone.ToE164(p) is not null).WithMessage(_ => t["Booking_Error_PhoneInvalid"]);

    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> t) => rule
        .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => t["Booking_Error_NameRequired"])
        .Must(n => n is null || n.Trim().Length is >= 2 and <= BookingForm.NameMaxLength)
        .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, t["Booking_Error_NameLength"], BookingForm.NameMaxLength))
        .ReadableText(t)
        .Must(VisibleText.HasLetters).WithMessage(_ => t["Booking_Error_NameLetters"]);

    public static IRuleBuilderOptions<T, string?> PatientEmail<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> t) => rule
        .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage(_ => t["Booking_Error_EmailRequired"])
        .Must(e => e is null || e.Trim().Length <= BookingForm.EmailMaxLength)
        .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, t["Booking_Error_TooLong"], BookingForm.EmailMaxLength))
        .Must(e => string.IsNullOrWhiteSpace(e) || SendableEmail.Accepts(e.Trim())).WithMessage(_ => t["Booking_Error_EmailInvalid"]);
}
