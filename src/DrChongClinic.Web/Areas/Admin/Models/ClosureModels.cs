using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Schedule;
using DrChongClinic.Domain;
using DrChongClinic.Web.Forms;
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
        RuleFor(x => x.Reason).NotEmpty().WithMessage(t["Admin_Closure_ReasonRequired"]).MaximumLength(200).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t);
    }
}

/// <summary>One holiday carried from the preview to the confirmation (hidden fields).</summary>
public sealed class HolidayRow
{
    public DateOnly? FirstDay { get; set; }

    public DateOnly? LastDay { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>The import preview and its confirmation form: the holidays read from the file, then posted back to be saved.</summary>
public sealed class HolidayImportInput : ScheduleChangeInput
{
    /// <summary>Most holidays saved from one file.</summary>
    public const int MaxHolidays = 500;

    /// <summary>
    /// Fields the confirmation form may carry: three hidden fields a holiday, the anti-forgery token and the confirmed
    /// references, with room to spare. The preview allows <see cref="MaxHolidays"/>, so the confirmation must read that
    /// many (MVC's default of 1,024 fields refused anything over about 340 holidays, and nothing was saved).
    /// </summary>
    public const int MaxFormValues = (MaxHolidays * 3) + 16;

    public List<HolidayRow> Holidays { get; set; } = [];

    /// <summary>The preview as the service worked it out (not posted).</summary>
    public HolidayImportPreview? Preview { get; set; }

    /// <summary>Events in the file that were not all-day holidays (not posted).</summary>
    public int Skipped { get; set; }

    public IReadOnlyList<HolidayEntry> Entries() =>
        Holidays.Select(h => new HolidayEntry(h.FirstDay!.Value, h.LastDay!.Value, h.Name.Trim())).ToList();

    /// <summary>Shows this preview, and carries its holidays and conflicts in the form.</summary>
    public void Show(HolidayImportPreview preview)
    {
        Preview = preview;
        Holidays = preview.Holidays.Where(h => !h.AlreadyClosed)
            .Select(h => new HolidayRow { FirstDay = h.Holiday.FirstDay, LastDay = h.Holiday.LastDay, Name = h.Holiday.Name }).ToList();
        ShowConflicts(preview.Conflicts);
    }
}

public sealed class HolidayImportInputValidator : AbstractValidator<HolidayImportInput>
{
    public HolidayImportInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Holidays).NotEmpty().WithMessage(t["Admin_Holidays_NoneToImport"])
            .Must(h => h.Count <= HolidayImportInput.MaxHolidays).WithMessage(t["Admin_Holidays_TooMany"]);
        RuleForEach(x => x.Holidays).Must(h => h.FirstDay is { } first && h.LastDay is { } last && last >= first
                && last.DayNumber - first.DayNumber < HolidayCalendarFile.MaxDays
                && !string.IsNullOrWhiteSpace(h.Name) && h.Name.Length <= HolidayCalendarFile.MaxNameLength
                && !VisibleText.HasControlCharacters(h.Name) && !VisibleText.HasHiddenText(h.Name))
            .WithMessage(t["Admin_Holidays_Invalid"]);
    }
}

/// <summary>The upload form, with what was wrong with the last file.</summary>
public sealed class HolidayUploadPage
{
    public string? Problem { get; init; }
}
