using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Waitlist;
using DrChongClinic.Web.Booking;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Waitlist;

/// <summary>The waitlist form as posted: exactly what the patient typed, so the page can show it again.</summary>
public sealed class WaitlistForm
{
    public const string Morning = "morning";
    public const string Afternoon = "afternoon";
    public const string Evening = "evening";

    public string? SubmissionId { get; set; }

    public string? Treatment { get; set; }

    /// <summary>"any", "female" or a practitioner's id, as on the booking page.</summary>
    public string? Practitioner { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? FirstDay { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? LastDay { get; set; }

    /// <summary>Any of "morning", "afternoon", "evening".</summary>
    public List<string>? Times { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Language { get; set; }

    public bool Consent { get; set; }

    /// <summary>The honeypot (see the booking form).</summary>
    public string? Website { get; set; }

    public bool IsFromBot => !string.IsNullOrEmpty(Website);

    /// <summary>The parts of the day ticked; None when a value is unknown or nothing is ticked.</summary>
    public DayParts Parts()
    {
        var parts = DayParts.None;
        foreach (var value in Times ?? [])
        {
            var part = value switch
            {
                Morning => DayParts.Morning,
                Afternoon => DayParts.Afternoon,
                Evening => DayParts.Evening,
                _ => (DayParts?)null,
            };
            if (part is null)
            {
                return DayParts.None;
            }

            parts |= part.Value;
        }

        return parts;
    }

    public bool Has(string part) => Times?.Contains(part) == true;

    /// <summary>The service's request, from a form the validator has passed.</summary>
    public WaitlistJoinRequest ToRequest(string privacyNoticeVersion)
    {
        _ = BookingInput.TryParsePractitioner(Practitioner, out var practitionerId);
        _ = BookingInput.TryParseDate(FirstDay, out var first);
        _ = BookingInput.TryParseDate(LastDay, out var last);
        return new WaitlistJoinRequest(
            Treatment!, practitionerId, BookingInput.Gender(Practitioner), first, last, Parts(),
            Name!.Trim(), Email!.Trim(), PatientPhone.ToE164(Phone)!, Language!, privacyNoticeVersion, Guid.Parse(SubmissionId!));
    }
}

/// <summary>Checks the waitlist form with the booking form's rules for name, email, phone, language and consent.</summary>
public sealed class WaitlistFormValidator : AbstractValidator<WaitlistForm>
{
    public WaitlistFormValidator(IStringLocalizer<SharedResource> t)
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
        RuleFor(f => f.FirstDay)
            .NotEmpty().WithMessage(_ => t["Waitlist_Error_DateRequired"])
            .Must(d => BookingInput.TryParseDate(d, out _)).WithMessage(_ => t["Waitlist_Error_DateInvalid"]);
        RuleFor(f => f.LastDay)
            .NotEmpty().WithMessage(_ => t["Waitlist_Error_DateRequired"])
            .Must(d => BookingInput.TryParseDate(d, out _)).WithMessage(_ => t["Waitlist_Error_DateInvalid"])
            .Must((f, d) => !BookingInput.TryParseDate(f.FirstDay, out var first) || !BookingInput.TryParseDate(d, out var last) || first <= last)
            .WithMessage(_ => t["Waitlist_Error_RangeBackwards"]);
        RuleFor(f => f.Times)
            .Must(times => times is { Count: > 0 and <= 3 }).WithMessage(_ => t["Waitlist_Error_TimesRequired"])
            .Must((f, _) => DayPart.IsValid(f.Parts())).WithMessage(_ => t["Waitlist_Error_TimesRequired"]);
        RuleFor(f => f.Name).PersonName(t);
        RuleFor(f => f.Email).PatientEmail(t);
        RuleFor(f => f.Phone)
            .NotEmpty().WithMessage(_ => t["Booking_Error_PhoneRequired"])
            .PatientMobile(t);
        RuleFor(f => f.Language)
            .Must(ClinicLanguage.IsKnown).WithMessage(_ => t["Booking_Error_LanguageRequired"]);
        RuleFor(f => f.Consent)
            .Equal(true).WithMessage(_ => t["Booking_Error_ConsentRequired"]);
    }
}

/// <summary>The join page (/waitlist, /ms/senarai-menunggu), also shown again with its errors.</summary>
public sealed class WaitlistJoinPage
{
    public required string Language { get; init; }

    public required WaitlistForm Form { get; init; }

    public required IReadOnlyList<TreatmentOption> Treatments { get; init; }

    /// <summary>"any", "female" (when a female doctor works here) and each doctor.</summary>
    public required IReadOnlyList<PractitionerOption> Practitioners { get; init; }

    public required string MinDate { get; init; }

    public required string MaxDate { get; init; }

    public required string MaxDateLabel { get; init; }

    public required string NoticeVersion { get; init; }

    public Dictionary<string, string> Errors { get; } = [];

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The start of each part of the day, for the hints ("from 12:00").</summary>
    public static string Starts(TimeOnly time) => ClinicText.Time(time, ClinicLanguage.Current);

    public static string Format(string text, object value) => string.Format(CultureInfo.CurrentCulture, text, value);
}

/// <summary>The leave page: what the entry waits for, and whether it is still open.</summary>
public sealed record WaitlistLeavePage(string Language, string Token, string TreatmentName, string DoctorName, string Dates, string Times, bool IsOpen, bool JustLeft);

/// <summary>The claim page of an offer, and the "this time has gone" page.</summary>
public sealed record WaitlistOfferPage(
    string Language, string Token, string TreatmentName, string DoctorName, string DateLabel, string TimeLabel, string ValidUntil, bool Claimable, bool Claimed, string? Problem, bool StillWaiting,
    bool LeftWaitlist = false,
    bool ClaimedThenCancelled = false);
