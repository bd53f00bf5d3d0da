using DrChongClinic.Application.Schedule;
using DrChongClinic.Domain.Scheduling;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed class PractitionerInput : ScheduleChangeInput
{
    public int? Id { get; set; }

    public string Name { get; set; } = "";

    public bool IsActive { get; set; } = true;
}

public sealed class PractitionerInputValidator : AbstractValidator<PractitionerInput>
{
    public PractitionerInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(t["Admin_Validation_NameRequired"]).MaximumLength(100).WithMessage(t["Admin_Validation_TooLong"]);
    }
}

/// <summary>A practitioner's week: for each day, up to <see cref="PeriodsPerDay"/> working periods (two for a lunch break).</summary>
public sealed class WeeklyHoursInput : ScheduleChangeInput
{
    public const int PeriodsPerDay = 3;

    public string PractitionerName { get; set; } = "";

    public List<DayHoursInput> Days { get; set; } = [];

    public static WeeklyHoursInput From(Practitioner practitioner) => new WeeklyHoursInput
    {
        PractitionerName = practitioner.Name,
        Days = PractitionerService.Week.Select(day => new DayHoursInput
        {
            Day = day,
            Periods = practitioner.WorkingHours.Where(h => h.Day == day).OrderBy(h => h.Start)
                .Select(h => new PeriodInput { Start = h.Start, End = h.End }).ToList(),
        }).ToList(),
    }.Padded();

    /// <summary>Always seven days with three period rows each, so the form has empty rows to fill in.</summary>
    public WeeklyHoursInput Padded()
    {
        Days = PractitionerService.Week.Select(day => Days.FirstOrDefault(d => d.Day == day) ?? new DayHoursInput { Day = day }).ToList();
        foreach (var day in Days)
        {
            while (day.Periods.Count < PeriodsPerDay)
            {
                day.Periods.Add(new PeriodInput());
            }
        }

        return this;
    }

    public IReadOnlyList<WorkingPeriod> ToPeriods() =>
        Days.SelectMany(d => d.Periods
                .Where(p => p.Start is not null && p.End is not null)
                .Select(p => new WorkingPeriod(d.Day, p.Start!.Value, p.End!.Value)))
            .ToList();
}

public sealed class DayHoursInput
{
    public DayOfWeek Day { get; set; }

    public List<PeriodInput> Periods { get; set; } = [];
}

public sealed class PeriodInput
{
    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }
}

public sealed class WeeklyHoursInputValidator : AbstractValidator<WeeklyHoursInput>
{
    public WeeklyHoursInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Days).Must(days => days.Count == 7 && days.Select(d => d.Day).Distinct().Count() == 7)
            .WithMessage(t["Admin_Hours_WholeWeek"]);
        RuleForEach(x => x.Days).ChildRules(day =>
        {
            day.RuleFor(d => d.Periods).Must(p => p.Count <= WeeklyHoursInput.PeriodsPerDay).WithMessage(t["Admin_Hours_TooManyPeriods"]);
            day.RuleForEach(d => d.Periods)
                .Must(p => (p.Start is null) == (p.End is null)).WithMessage(t["Admin_Hours_StartAndEnd"])
                .Must(p => p.Start is null || p.End is null || p.Start < p.End).WithMessage(t["Admin_Hours_EndAfterStart"]);
            day.RuleFor(d => d.Periods).Must(NotOverlap).WithMessage(t["Admin_Hours_Overlap"]);
        });
    }

    private static bool NotOverlap(List<PeriodInput> periods)
    {
        var filled = periods.Where(p => p.Start < p.End).OrderBy(p => p.Start).ToList();
        return filled.Zip(filled.Skip(1)).All(pair => pair.First.End <= pair.Second.Start);
    }
}
