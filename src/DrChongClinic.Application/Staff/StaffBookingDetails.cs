using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Staff;

/// <summary>An email about a booking, as the staff detail page lists it.</summary>
public sealed record BookingEmail(EmailKind Kind, DateTime CreatedAtUtc, OutboxStatus Status);

/// <summary>
/// A booking as staff see it: the booking with its history and names, its emails, the doctors it could move to,
/// and, when a date to move to was asked for, that doctor's free times on it (its own time not counted as busy).
/// </summary>
public sealed record StaffBookingDetail(
    AppointmentDetails Details,
    IReadOnlyList<BookingEmail> Emails,
    IReadOnlyList<Choice> Practitioners,
    bool HasStarted,
    DateOnly Today,
    DateOnly LastBookableDay)
{
    public Appointment Appointment => Details.Appointment;

    public int MovePractitioner { get; init; }

    public DateOnly? MoveDate { get; init; }

    public IReadOnlyList<FreeSlot> MoveTimes { get; init; } = [];
}

/// <summary>The staff detail page's data.</summary>
public sealed class StaffBookingDetails(IClinicDatabase db, BookingService bookings, SlotFinder slots)
{
    /// <summary>The booking, or null when there is none with this id; free times to move it to when <paramref name="moveDate"/> is given and it can still change.</summary>
    public async Task<StaffBookingDetail?> FindAsync(int id, DateOnly? moveDate, int? movePractitioner, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var details = await bookings.DetailsAsync(appointment, cancellationToken);
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.AppointmentId == id).OrderBy(m => m.Id)
            .Select(m => new BookingEmail(m.Kind, m.CreatedAtUtc, m.Status)).ToListAsync(cancellationToken);
        var practitioners = await db.PractitionerChoicesAsync(cancellationToken);
        var detail = new StaffBookingDetail(details, emails, practitioners, appointment.StartUtc <= slots.NowUtc, slots.Today, slots.LastBookableDay)
        {
            MovePractitioner = appointment.PractitionerId,
        };
        if (!appointment.IsActive || moveDate is not { } day)
        {
            return detail;
        }

        var practitioner = movePractitioner is { } p && practitioners.Any(c => c.Id == p) ? p : appointment.PractitionerId;
        var free = await slots.FreeSlotsAsync(SlotSearch.ToMove(appointment, practitioner), day, cancellationToken);
        return detail with { MoveDate = day, MovePractitioner = practitioner, MoveTimes = free };
    }
}
