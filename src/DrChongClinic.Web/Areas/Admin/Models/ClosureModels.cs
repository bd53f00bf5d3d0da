using DrChongClinic.Application.Clinic;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed record ClosureRow(int Id, string Dates, string Who, string Reason);

public sealed record ClosuresPage(IReadOnlyList<ClosureRow> Upcoming);

public sealed class ClosureInput : ScheduleChangeInput
{
    /// <summary>Empty closes the whole clinic.</summary>
    public int? PractitionerId { get; set; }

    public DateOnly? FirstDay { get; set; }

    public DateOnly? LastDay { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>For the practitioner drop-down.</summary>
    public IReadOnlyList<(int Id, string Name)> Practitioners { get; set; } = [];
}

public sealed class ClosureInputValidator : AbstractValidator<ClosureInput>
{
    public ClosureInputValidator(IStringLocalizer<SharedResource> t, ClinicClock time)
    {
        RuleFor(x => x.FirstDay).NotNull().WithMessage(t["Admin_Closure_FirstDayRequired"]);
        RuleFor(x => x.LastDay).NotNull().WithMessage(t["Admin_Closure_LastDayRequired"]);
        RuleFor(x => x.LastDay).GreaterThanOrEqualTo(x => x.FirstDay).When(x => x.FirstDay is not null && x.LastDay is not null)
            .WithMessage(t["Admin_Closure_LastBeforeFirst"]);
        RuleFor(x => x.LastDay).Must(last => last >= time.Today).When(x => x.LastDay is not null)
            .WithMessage(t["Admin_Closure_InThePast"]);
        RuleFor(x => x).Must(x => x.LastDay!.Value.DayNumber - x.FirstDay!.Value.DayNumber < 366)
            .When(x => x.FirstDay is not null && x.LastDay is not null && x.LastDay >= x.FirstDay)
            .WithName(nameof(ClosureInput.LastDay)).OverridePropertyName(nameof(ClosureInput.LastDay))
            .WithMessage(t["Admin_Closure_TooLong"]);
        RuleFor(x => x.Reason).NotEmpty().WithMessage(t["Admin_Closure_ReasonRequired"]).MaximumLength(200).WithMessage(t["Admin_Validation_TooLong"]);
    }
}
