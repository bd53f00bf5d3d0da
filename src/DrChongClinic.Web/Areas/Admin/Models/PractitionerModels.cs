using DrChongClinic.Application.Schedule;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Web.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed class PractitionerInput : ScheduleChangeInput
{
    public int? Id { get; set; }

    public string Name { get; set; } = "";

    public bool IsActive { get; set; } = true;

    /// <summary>"" (not stated), "Female" or "Male".</summary>
    public string? Gender { get; set; }

    public string? MmcNumber { get; set; }

    public bool HoldsLcp { get; set; }

    public List<string> Languages { get; set; } = [];

    public string? BioEn { get; set; }

    public string? BioMs { get; set; }

    /// <summary>Shown on the edit page: the current photo's address, or null.</summary>
    public string? PhotoUrl { get; set; }

    /// <summary>Shown on the edit page: the public page's address.</summary>
    public string? PageUrl { get; set; }

    /// <summary>Shown on the edit page: when the doctor's current diary address was issued, or null without one.</summary>
    public DateTime? DiaryFeedIssuedAtUtc { get; set; }

    /// <summary>Sent back by the diary form: which address the page showed (<see cref="Application.Doctors.DiaryFeedService.Fingerprint"/>).</summary>
    public string DiaryFeedFingerprint { get; set; } = "";

    public static PractitionerInput From(Practitioner p) => new()
    {
        Id = p.Id,
        Name = p.Name,
        IsActive = p.IsActive,
        Gender = p.Gender?.ToString(),
        MmcNumber = p.MmcNumber,
        HoldsLcp = p.HoldsLcp,
        Languages = p.LanguageCodes.ToList(),
        BioEn = p.BioEn,
        BioMs = p.BioMs,
        PhotoUrl = p.PhotoVersion is null ? null : Application.Clinic.SitePaths.DoctorPhoto(p.Id, p.PhotoVersion),
        PageUrl = Application.Clinic.SitePaths.Doctor(Domain.ClinicLanguage.EnglishCode, p.Slug),
        DiaryFeedIssuedAtUtc = p.DiaryFeedIssuedAtUtc,
        DiaryFeedFingerprint = Application.Doctors.DiaryFeedService.Fingerprint(p.DiaryFeedTokenHash),
        Shown = PractitionerService.Stamp(p),
    };

    public PractitionerProfile ToProfile() => new(
        Name,
        IsActive,
        Enum.TryParse<PractitionerGender>(Gender, ignoreCase: false, out var gender) && Enum.IsDefined(gender) ? gender : null,
        MmcNumber,
        HoldsLcp,
        Languages,
        BioEn,
        BioMs);
}

public sealed class PractitionerInputValidator : AbstractValidator<PractitionerInput>
{
    public PractitionerInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(t["Admin_Validation_NameRequired"]).MaximumLength(100).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t)
            .Must(VisibleText.HasLetters).WithMessage(t["Admin_Validation_NameLetters"]);
        RuleFor(x => x.Gender)
            .Must(g => string.IsNullOrEmpty(g) || g is nameof(PractitionerGender.Female) or nameof(PractitionerGender.Male))
            .WithMessage(t["Admin_Practitioner_GenderInvalid"]);
        RuleFor(x => x.MmcNumber)
            .MaximumLength(Practitioner.MmcNumberMaxLength).WithMessage(t["Admin_Validation_TooLong"])
            .Must(m => string.IsNullOrWhiteSpace(m) || m.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/' or '.'))
            .WithMessage(t["Admin_Practitioner_MmcInvalid"]);
        RuleFor(x => x.Languages)
            .Must(l => l.Count <= SpokenLanguages.Codes.Count && l.All(SpokenLanguages.Codes.Contains))
            .WithMessage(t["Admin_Practitioner_LanguageInvalid"]);
        RuleFor(x => x.BioEn).MaximumLength(Practitioner.BioMaxLength).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t, multiLine: true);
        RuleFor(x => x.BioMs).MaximumLength(Practitioner.BioMaxLength).WithMessage(t["Admin_Validation_TooLong"]).ReadableText(t, multiLine: true);
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
                .Must(p => OnTheGrid(p.Start) && OnTheGrid(p.End))
                .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Admin_Hours_Grid"], AppointmentSlot.CellMinutes))
                .Must(p => p.Start is null || p.End is null || p.Start < p.End).WithMessage(t["Admin_Hours_EndAfterStart"]);
            day.RuleFor(d => d.Periods).Must(NotOverlap).WithMessage(t["Admin_Hours_Overlap"]);
        });
    }

    /// <summary>Whole minutes on the diary's cell grid (09:00, 09:05): 09:00:30 or 09:02 would make slots no booking can fill exactly.</summary>
    private static bool OnTheGrid(TimeOnly? time) =>
        time is not { } t || (t.Second == 0 && t.Millisecond == 0 && t.Microsecond == 0 && t.Minute % AppointmentSlot.CellMinutes == 0);

    private static bool NotOverlap(List<PeriodInput> periods)
    {
        var filled = periods.Where(p => p.Start < p.End).OrderBy(p => p.Start).ToList();
        return filled.Zip(filled.Skip(1)).All(pair => pair.First.End <= pair.Second.Start);
    }
}

/// <summary>A doctor's diary address in one language: https:// (Google Calendar, Android, Outlook) and webcal:// (Apple devices).</summary>
public sealed record DiaryFeedAddress(string Language, string Https, string Webcal);

/// <summary>The page shown once after staff issue a diary address: the only time the address can be seen.</summary>
public sealed record DiaryFeedIssuedPage(int PractitionerId, string PractitionerName, IReadOnlyList<DiaryFeedAddress> Addresses);
