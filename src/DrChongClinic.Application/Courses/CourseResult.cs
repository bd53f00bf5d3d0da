using DrChongClinic.Application.Booking;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Courses;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Application.Courses;

/// <summary>Why a course action was refused. Each has a localized message and status in the web layer (CourseRefusals).</summary>
public enum CourseProblem
{
    /// <summary>No such booking.</summary>
    NotFound,

    /// <summary>The booking's treatment is not given as a course.</summary>
    NoCourse,

    /// <summary>The booking already belongs to a course (booked meanwhile, perhaps from another tab).</summary>
    AlreadyBooked,

    /// <summary>The booking is cancelled, finished or in the past.</summary>
    NotActive,

    /// <summary>The times sent are not a full set of free times keeping the intervals (see the proposal's clashes).</summary>
    TimesNotValid,

    /// <summary>Someone took one of the times while the course was being booked; nothing was booked.</summary>
    TimeTaken,

    /// <summary>The booking changed since the page was read.</summary>
    ChangedMeanwhile,

    /// <summary>A move would break the weeks between sessions.</summary>
    IntervalBroken,

    /// <summary>The time sent for a move could not be read (not one of the times the page offers).</summary>
    MoveTimeUnreadable,

    /// <summary>A patient is past the cut-off for this session.</summary>
    TooLateToChange,

    /// <summary>A patient has moved this session the most times allowed.</summary>
    TooManyChanges,

    /// <summary>Staff cancel a course with a reason.</summary>
    ReasonRequired,

    /// <summary>The reason is too long or holds characters that cannot be used (<see cref="Domain.Booking.Appointment.IsUsableReason"/>).</summary>
    ReasonInvalid,
}

/// <summary>A course being proposed: its first session, the plan and one proposal per later session.</summary>
public sealed record CourseOffer(AppointmentDetails First, CoursePlan Plan, IReadOnlyList<SessionProposal> Sessions)
{
    /// <summary>Every later session has a free time that keeps its interval.</summary>
    public bool CanBook => Sessions.All(s => s.Proposed is not null && s.ChosenClash == CourseClash.None);
}

/// <summary>One session of a booked course as pages show it.</summary>
public sealed record CourseSessionInfo(Appointment Appointment, string PractitionerName, string? ManageToken);

/// <summary>Where one booked session may move: its window and the free times in it (empty when it may not move now).</summary>
public sealed record SessionMoveChoices(int Number, DateOnly? Earliest, DateOnly? Latest, IReadOnlyList<FreeSlot> Choices);

/// <summary>A booked course: its plan (null when staff have since removed it from the treatment) and every session in order.</summary>
public sealed record BookedCourse(CoursePlan? Plan, Treatment Treatment, IReadOnlyList<CourseSessionInfo> Sessions)
{
    /// <summary>Sessions still to come that are booked (requested or confirmed).</summary>
    public int ActiveFutureCount(DateTime nowUtc) => Sessions.Count(s => s.Appointment.IsActive && s.Appointment.StartUtc > nowUtc);
}

/// <summary>What a course action did, or why not.</summary>
public sealed record CourseResult
{
    public CourseProblem? Problem { get; private init; }

    /// <summary>With <see cref="CourseProblem.TimesNotValid"/> or <see cref="CourseProblem.TimeTaken"/>: the proposal again, showing the clashes.</summary>
    public CourseOffer? Offer { get; private init; }

    /// <summary>With <see cref="CourseProblem.IntervalBroken"/>: the broken gap.</summary>
    public CourseGapProblem? Gap { get; private init; }

    /// <summary>With a refused move: why that time cannot be had (closed, outside hours, taken, too soon).</summary>
    public CourseClash? Clash { get; private init; }

    /// <summary>Sessions booked, moved or cancelled.</summary>
    public int Changed { get; private init; }

    /// <summary>After a patient cancels a course: future sessions left because they are past the cut-off.</summary>
    public int KeptTooLate { get; private init; }

    public bool Succeeded => Problem is null;

    /// <summary>A proposal to show (nothing booked yet).</summary>
    public static CourseResult Offered(CourseOffer offer) => new() { Offer = offer };

    public static CourseResult Done(int changed, int keptTooLate = 0) => new() { Changed = changed, KeptTooLate = keptTooLate };

    public CourseResult WithClash(CourseClash clash) => this with { Clash = clash };

    public static CourseResult Refused(CourseProblem problem, CourseOffer? offer = null, CourseGapProblem? gap = null) =>
        new() { Problem = problem, Offer = offer, Gap = gap };
}
