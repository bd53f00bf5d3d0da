using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// Turns the events appointments raised into outbox emails (<see cref="BookingEmails"/>) just before they are saved,
/// so a change and its emails are stored by the same SaveChanges, in one transaction, or not at all.
/// Nobody pairs a booking change with its email by hand.
/// </summary>
public sealed class AppointmentEventDispatcher(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Dispatch(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Dispatch(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Dispatch(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = context.ChangeTracker.Entries<Appointment>().Select(e => e.Entity).Where(a => a.Events.Count > 0).ToList();
        foreach (var appointment in changed)
        {
            foreach (var happened in appointment.Events)
            {
                context.AddRange(BookingEmails.For(happened).Select(kind => OutboxMessage.About(appointment, kind, now)));
            }

            appointment.ClearEvents();
        }
    }
}
