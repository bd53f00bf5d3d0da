using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Courses;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Courses;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Web.Booking;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Courses;

/// <summary>One time a select offers: its form value (clinic-local, <see cref="BookingInput.SlotFormat"/>) and its words.</summary>
public sealed record CourseChoice(string Value, string Label, bool Selected);

/// <summary>A later session in the proposal form.</summary>
public sealed record ProposedSessionRow(int Number, string Window, string? IdealNote, string? ChosenNote, IReadOnlyList<CourseChoice> Choices);

/// <summary>A booked session in the course list, with where it may move (when it may).</summary>
public sealed record BookedSessionRow(
    int Number,
    string When,
    AppointmentStatus Status,
    string Reference,
    string? ManageUrl,
    bool IsThis,
    string? MoveWindow,
    IReadOnlyList<CourseChoice> MoveChoices);

/// <summary>The course page (patient's or staff's): either the proposal to book, or the booked course.</summary>
public sealed class CoursePage
{
    public required string TreatmentName { get; init; }

    public required string PractitionerName { get; init; }

    /// <summary>"6 sessions, 4 to 6 weeks apart".</summary>
    public required string PlanText { get; init; }

    /// <summary>Where the form posts (book) or null on the booked course.</summary>
    public string? BookAction { get; init; }

    public string? FirstWhen { get; init; }

    public IReadOnlyList<ProposedSessionRow> Proposal { get; init; } = [];

    public bool CanBook { get; init; }

    public IReadOnlyList<BookedSessionRow> Booked { get; init; } = [];

    public string? MoveAction { get; init; }

    public string? CancelAction { get; init; }

    /// <summary>Future sessions that a cancel would cancel.</summary>
    public int FutureCount { get; init; }

    public required string BackUrl { get; init; }

    public bool IsStaff { get; init; }

    public string? Problem { get; set; }

    public string? Done { get; init; }
}

/// <summary>What the course card on the manage page shows.</summary>
public sealed class CourseCard
{
    public required string Token { get; init; }

    public required string PlanText { get; init; }

    /// <summary>Not in a course yet: how many sessions remain to book, and where.</summary>
    public int RemainingToBook { get; init; }

    public string? CourseUrl { get; init; }

    public IReadOnlyList<BookedSessionRow> Sessions { get; init; } = [];

    public string? CancelAction { get; init; }

    public int FutureCount { get; init; }

    public string? Done { get; init; }

    /// <summary>Future sessions a patient can no longer cancel online (inside the cut-off).</summary>
    public int TooLateCount { get; init; }

    public int CutoffHours { get; init; }

    public bool InCourse => Sessions.Count > 0;
}

/// <summary>Builds the course pages' view models: every date and time through <see cref="ClinicText"/>, in the page's language.</summary>
public sealed class CoursePageFactory(ClinicClock clock, IOptions<BookingPolicy> policy, IStringLocalizer<SharedResource> t)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public string PlanText(CoursePlan plan) =>
        string.Format(Culture, t["Course_PlanText"], plan.Sessions, plan.MinWeeks, plan.MaxWeeks);

    public string When(DateTime local) =>
        $"{ClinicText.LongDate(DateOnly.FromDateTime(local), ClinicLanguage.Current)}, {ClinicText.Time(TimeOnly.FromDateTime(local), ClinicLanguage.Current)}";

    /// <summary>A time in a drop-down: "Wed, 30 Dec 2026, 9:00 am", short enough for a phone-wide select.</summary>
    public static string ChoiceLabel(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        return $"{ClinicText.Weekday(day, ClinicLanguage.Current)}, {ClinicText.ShortDate(day, ClinicLanguage.Current)}, {ClinicText.Time(TimeOnly.FromDateTime(local), ClinicLanguage.Current)}";
    }

    /// <summary>"Between Tuesday, 5 January 2027 and …", or "Only on …" when the window is a single day.</summary>
    public string Window(DateOnly from, DateOnly to) => from == to
        ? string.Format(Culture, t["Course_WindowOneDay"], ClinicText.LongDate(from, ClinicLanguage.Current))
        : string.Format(Culture, t["Course_Window"], ClinicText.LongDate(from, ClinicLanguage.Current), ClinicText.LongDate(to, ClinicLanguage.Current));

    public string ClashText(CourseClash clash) => t[$"Course_Clash_{clash}"];

    public CoursePage Proposal(CourseOffer offer, string bookAction, string backUrl, bool isStaff, IReadOnlyList<DateTime?>? chosen)
    {
        var rows = offer.Sessions.Select(s =>
        {
            var window = Window(s.Earliest, s.Latest);
            var idealNote = s.IdealClash == CourseClash.None ? null
                : string.Format(Culture, t["Course_IdealClash"], When(s.IdealLocal), ClashText(s.IdealClash));
            var chosenNote = s.ChosenClash == CourseClash.None ? null : string.Format(Culture, t["Course_ChosenClash"], ClashText(s.ChosenClash));
            var choices = s.Choices.Select(c => new CourseChoice(BookingInput.Slot(c.LocalStart), ChoiceLabel(c.LocalStart), c == s.Proposed)).ToList();
            return new ProposedSessionRow(s.Number, window, idealNote, chosenNote, choices);
        }).ToList();
        return new CoursePage
        {
            TreatmentName = offer.First.Treatment.Name(ClinicLanguage.Current.Code),
            PractitionerName = offer.First.PractitionerName,
            PlanText = PlanText(offer.Plan),
            BookAction = bookAction,
            FirstWhen = When(clock.ToLocal(offer.First.Appointment.StartUtc)),
            Proposal = rows,
            CanBook = offer.CanBook,
            BackUrl = backUrl,
            IsStaff = isStaff,
            Problem = offer.CanBook ? null : t["Course_CannotBookAll"].Value,
        };
    }

    public CoursePage Booked(
        BookedCourse course,
        Appointment current,
        IReadOnlyDictionary<int, SessionMoveChoices> moves,
        Func<CourseSessionInfo, string?> manageUrl,
        string? moveAction,
        string? cancelAction,
        string backUrl,
        bool isStaff,
        string? done) => new()
        {
            TreatmentName = course.Treatment.Name(ClinicLanguage.Current.Code),
            PractitionerName = course.Sessions.FirstOrDefault(s => s.Appointment.Id == current.Id)?.PractitionerName ?? "",
            PlanText = course.Plan is { } plan ? PlanText(plan) : "",
            Booked = Rows(course, current, moves, manageUrl),
            MoveAction = moveAction,
            CancelAction = course.ActiveFutureCount(clock.UtcNow) > 0 ? cancelAction : null,
            FutureCount = course.ActiveFutureCount(clock.UtcNow),
            BackUrl = backUrl,
            IsStaff = isStaff,
            Done = done,
        };

    public CourseCard Card(string token, Treatment treatment, Appointment appointment, BookedCourse? course, string? done)
    {
        var now = clock.UtcNow;
        var language = ClinicLanguage.Current.Code;
        if (course is null)
        {
            var plan = treatment.Course!;
            return new CourseCard
            {
                Token = token,
                PlanText = PlanText(plan),
                RemainingToBook = plan.Sessions - 1,
                CourseUrl = SitePaths.Course(language, token),
                CutoffHours = CutoffHours,
            };
        }

        var future = course.Sessions.Where(s => s.Appointment.IsActive && s.Appointment.StartUtc > now).ToList();
        return new CourseCard
        {
            Token = token,
            PlanText = course.Plan is { } p ? PlanText(p) : "",
            CourseUrl = SitePaths.Course(language, token),
            Sessions = Rows(course, appointment, new Dictionary<int, SessionMoveChoices>(), s => s.ManageToken is { } tk ? SitePaths.Manage(language, tk) : null),
            CancelAction = future.Count > 0 ? SitePaths.CourseCancel(language, token) : null,
            FutureCount = future.Count,
            TooLateCount = future.Count(s => !s.Appointment.PatientMayChange(now, policy.Value)),
            CutoffHours = CutoffHours,
            Done = done,
        };
    }

    private int CutoffHours => (int)Math.Round(policy.Value.PatientChangeCutoff.TotalHours);

    private List<BookedSessionRow> Rows(
        BookedCourse course, Appointment current, IReadOnlyDictionary<int, SessionMoveChoices> moves, Func<CourseSessionInfo, string?> manageUrl) =>
        course.Sessions.Select(s =>
        {
            var move = moves.GetValueOrDefault(s.Appointment.Id);
            return new BookedSessionRow(
                s.Appointment.CourseSession ?? 0,
                When(clock.ToLocal(s.Appointment.StartUtc)),
                s.Appointment.Status,
                ClinicText.Reference(s.Appointment.Reference),
                s.Appointment.Id == current.Id || !s.Appointment.IsActive ? null : manageUrl(s),
                s.Appointment.Id == current.Id,
                move is { Earliest: { } from, Latest: { } to }
                    ? Window(from, to)
                    : null,
                move?.Choices.Select(c => new CourseChoice(BookingInput.Slot(c.LocalStart), ChoiceLabel(c.LocalStart), false)).ToList() ?? []);
        }).ToList();
}
