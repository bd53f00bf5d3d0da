using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Schedule;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Courses;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Web.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed class TreatmentInput : ScheduleChangeInput
{
    public int? Id { get; set; }

    /// <summary>Set once when the treatment is created: it appears in links and articles.</summary>
    public string Code { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string NameMs { get; set; } = "";

    public int DurationMinutes { get; set; } = 30;

    public int BufferMinutes { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    /// <summary>The price as typed, e.g. "150", "1,250.50" or "RM 150"; empty: no published price.</summary>
    public string? Price { get; set; }

    public bool PriceIsFrom { get; set; }

    public string? IncludedEn { get; set; }

    public string? IncludedMs { get; set; }

    /// <summary>Sessions in a course (2..12); all three course fields empty: not a course.</summary>
    public int? CourseSessions { get; set; }

    public int? CourseMinWeeks { get; set; }

    public int? CourseMaxWeeks { get; set; }

    public static TreatmentInput From(Treatment t) => new()
    {
        Id = t.Id,
        Code = t.Code,
        NameEn = t.NameEn,
        NameMs = t.NameMs,
        DurationMinutes = t.DurationMinutes,
        BufferMinutes = t.BufferMinutes,
        IsActive = t.IsActive,
        SortOrder = t.SortOrder,
        Price = t.Price?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        PriceIsFrom = t.PriceIsFrom,
        IncludedEn = t.IncludedEn,
        IncludedMs = t.IncludedMs,
        CourseSessions = t.CourseSessions,
        CourseMinWeeks = t.CourseMinWeeks,
        CourseMaxWeeks = t.CourseMaxWeeks,
        Shown = TreatmentService.Stamp(t),
    };

    /// <summary>What the service saves; only called once the validator has passed (so the price reads).</summary>
    public TreatmentDetails ToDetails()
    {
        _ = TreatmentPrice.TryParse(Price, out var price);
        return new(NameEn, NameMs, DurationMinutes, BufferMinutes, IsActive, SortOrder, price, PriceIsFrom, IncludedEn, IncludedMs, CourseSessions, CourseMinWeeks, CourseMaxWeeks);
    }
}

public sealed class TreatmentInputValidator : AbstractValidator<TreatmentInput>
{
    public TreatmentInputValidator(IStringLocalizer<SharedResource> t)
    {
        // The code is checked when the treatment is created; it never changes afterwards.
        RuleFor(x => x.Code).NotEmpty().WithMessage(t["Admin_Treatment_CodeRequired"])
            .MaximumLength(50).WithMessage(t["Admin_Validation_TooLong"])
            .Matches("^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$").WithMessage(t["Admin_Treatment_CodeFormat"]) // with a letter: "0" is no code
            .When(x => x.Id is null);
        RuleFor(x => x.NameEn).NotEmpty().WithMessage(t["Admin_Validation_NameRequired"]).MaximumLength(100).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t)
            .Must(VisibleText.HasLetters).WithMessage(t["Admin_Validation_NameLetters"]);
        RuleFor(x => x.NameMs).NotEmpty().WithMessage(t["Admin_Validation_NameRequired"]).MaximumLength(100).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t)
            .Must(VisibleText.HasLetters).WithMessage(t["Admin_Validation_NameLetters"]);
        RuleFor(x => x.DurationMinutes).InclusiveBetween(5, 480).WithMessage(t["Admin_Treatment_DurationRange"])
            .Must(m => m % 5 == 0).WithMessage(t["Admin_Treatment_FiveMinuteSteps"]);
        RuleFor(x => x.BufferMinutes).InclusiveBetween(0, 240).WithMessage(t["Admin_Treatment_BufferRange"])
            .Must(m => m % 5 == 0).WithMessage(t["Admin_Treatment_FiveMinuteSteps"]);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 999).WithMessage(t["Admin_Treatment_SortOrderRange"]);
        RuleFor(x => x.Price).Must(p => TreatmentPrice.TryParse(p, out _))
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Admin_Treatment_PriceInvalid"], TreatmentPrice.Ringgit(Treatment.MaxPrice)));
        RuleFor(x => x.IncludedEn).MaximumLength(Treatment.IncludedMaxLength).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t, multiLine: true);
        RuleFor(x => x.IncludedMs).MaximumLength(Treatment.IncludedMaxLength).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t, multiLine: true);
        RuleFor(x => x.CourseSessions)
            .Must((x, _) => CoursePlan.Problem(x.CourseSessions, x.CourseMinWeeks, x.CourseMaxWeeks) is null)
            .WithMessage(x => string.Format(
                System.Globalization.CultureInfo.CurrentCulture,
                t[$"Course_Admin_{CoursePlan.Problem(x.CourseSessions, x.CourseMinWeeks, x.CourseMaxWeeks)}"],
                CoursePlan.MinSessions,
                CoursePlan.MaxSessions,
                CoursePlan.MaxWeeksBetween));
    }
}
