using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Email;

/// <summary>
/// What a course email lists, read when it is sent: every session of the course (booked emails), or only the sessions
/// cancelled together with the message's own (cancellation emails: those whose cancellation was recorded at the same
/// instant, in the same save), each with its doctor's name and, for cancellations, its calendar SEQUENCE.
/// </summary>
public static class CourseEmailFacts
{
    private static readonly EmailKind[] CalendarKinds = [EmailKind.BookingReceived, EmailKind.BookingConfirmed, EmailKind.BookingRescheduled, EmailKind.BookingCancelled];

    public static async Task<EmailFacts> AddAsync(IClinicDatabase db, EmailFacts facts, CancellationToken cancellationToken)
    {
        if (facts.Appointment.CourseId is not { } courseId)
        {
            return facts;
        }

        var sessions = await db.Appointments.AsNoTracking().Include(a => a.History)
            .Where(a => a.CourseId == courseId).OrderBy(a => a.CourseSession).ToListAsync(cancellationToken);
        var sequences = new Dictionary<int, int>();
        if (facts.Message.Kind.IsCourseCancellation())
        {
            var own = sessions.FirstOrDefault(s => s.Id == facts.Appointment.Id);
            var at = own is null ? (DateTime?)null : CancelledAt(own);
            sessions = sessions.Where(s => s.Status == AppointmentStatus.Cancelled && at is not null && CancelledAt(s) == at).ToList();
            var ids = sessions.Select(s => s.Id).ToList();
            var earlier = await db.OutboxMessages.AsNoTracking()
                .Where(m => ids.Contains(m.AppointmentId) && m.Id < facts.Message.Id && CalendarKinds.Contains(m.Kind))
                .GroupBy(m => m.AppointmentId).Select(g => new { Id = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);

            // As for one booking's own emails: the files sent before, plus the course email's file for a later session.
            sequences = sessions.ToDictionary(s => s.Id, s => earlier.GetValueOrDefault(s.Id) + (s.CourseSession > 1 ? 1 : 0));
        }

        var doctorIds = sessions.Select(s => s.PractitionerId).Distinct().ToList();
        var doctors = await db.Practitioners.AsNoTracking().Where(p => doctorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return facts with
        {
            CourseSessions = sessions.Select(s => (s, doctors.GetValueOrDefault(s.PractitionerId, ""))).ToList(),
            CourseSequences = sequences,
        };
    }

    private static DateTime? CancelledAt(Appointment session) =>
        session.History.Where(h => h.Kind == AppointmentChangeKind.Cancelled).Select(h => (DateTime?)h.AtUtc).LastOrDefault();
}
