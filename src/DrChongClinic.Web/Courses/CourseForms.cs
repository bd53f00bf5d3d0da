using DrChongClinic.Domain.Courses;
using DrChongClinic.Web.Booking;

namespace DrChongClinic.Web.Courses;

/// <summary>The course booking form: one time per later session (session 2 first); Replan shows the proposal again without booking.</summary>
public sealed class CourseForm
{
    public List<string?> Times { get; set; } = [];

    public string? Replan { get; set; }

    /// <summary>The times as clinic-local instants; an unreadable one, or a list longer than any course, reads as not chosen.</summary>
    public IReadOnlyList<DateTime?> Chosen() =>
        Times.Count > CoursePlan.MaxSessions ? [] : Times.Select(Parse).ToList();

    public static DateTime? Parse(string? value) =>
        BookingInput.TryParseSlot(value, out var date, out var time) ? date.ToDateTime(time) : null;
}

/// <summary>Moving one session of a booked course: which session, and the new clinic-local time.</summary>
public sealed class CourseMoveForm
{
    public int? Session { get; set; }

    public string? Slot { get; set; }
}

/// <summary>Staff cancelling the rest of a course give a reason.</summary>
public sealed class CourseCancelForm
{
    public string? Reason { get; set; }
}
