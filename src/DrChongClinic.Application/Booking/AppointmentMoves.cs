using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Booking;

internal static class AppointmentMoves
{
    /// <summary>
    /// The booking, read again, when it is already at this time with this doctor: the same move sent twice at once (a
    /// double click), whose other request saved first. That one answers as done, like a second click a moment later.
    /// </summary>
    public static async Task<Appointment?> AlreadyMovedThereAsync(
        this IClinicDatabase db, int appointmentId, DateTime startUtc, int practitionerId, CancellationToken cancellationToken) =>
        await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken) is { } fresh && fresh.IsActiveAt(startUtc, practitionerId)
            ? fresh
            : null;
}
