using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Courses;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Courses;

/// <summary>
/// The weeks-between-sessions rule for a booked course, asked whenever a session moves (by the course pages and by
/// the ordinary reschedule of <see cref="Booking.BookingService"/>, so no path can break it).
/// </summary>
public sealed class CourseIntervals(IClinicDatabase db, ClinicClock clock)
{
    /// <summary>The course's plan (from its treatment) and the sessions that count for intervals (not cancelled, not no-show).</summary>
    public async Task<(CoursePlan? Plan, List<(int Number, DateOnly Date, int Id)> Sessions)> LoadAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        if (appointment.CourseId is not { } courseId)
        {
            return (null, []);
        }

        var plan = (await db.Treatments.AsNoTracking().FirstAsync(t => t.Id == appointment.TreatmentId, cancellationToken)).Course;
        var sessions = await db.Appointments.AsNoTracking()
            .Where(a => a.CourseId == courseId && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { a.Id, a.CourseSession, a.StartUtc })
            .ToListAsync(cancellationToken);
        return (plan, sessions.Select(s => (s.CourseSession ?? 0, DateOnly.FromDateTime(clock.ToLocal(s.StartUtc)), s.Id)).ToList());
    }

    /// <summary>
    /// The broken gap if this course session moved to <paramref name="newStartUtc"/>; null when it keeps the intervals,
    /// when the booking is not in a course, or when staff have since removed the course from the treatment.
    /// </summary>
    public async Task<CourseGapProblem?> ProblemIfMovedAsync(Appointment appointment, DateTime newStartUtc, CancellationToken cancellationToken)
    {
        var (plan, sessions) = await LoadAsync(appointment, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var newDate = DateOnly.FromDateTime(clock.ToLocal(newStartUtc));
        return plan.CheckIntervals(sessions.Select(s => (s.Number, s.Id == appointment.Id ? newDate : s.Date)));
    }
}
