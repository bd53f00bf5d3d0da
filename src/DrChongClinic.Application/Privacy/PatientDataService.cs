using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Privacy;

/// <summary>
/// PDPA requests: one patient's bookings by e-mail, exported or erased (the same anonymisation as the retention
/// job). Both are audited by booking reference, never by the patient's details.
/// </summary>
public sealed class PatientDataService(IClinicDatabase db, AuditLog audit)
{
    /// <summary>Every booking with this e-mail, whatever its letter case (EF sends the address as a parameter), oldest first.</summary>
    public Task<List<Appointment>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var lower = email.Trim().ToLowerInvariant();
        return db.Appointments.Include(a => a.History)
#pragma warning disable CA1304, CA1311 // translated to SQL LOWER(); never runs in .NET
            .Where(a => a.Patient.Email != null && a.Patient.Email.ToLower() == lower)
#pragma warning restore CA1304, CA1311
            .OrderBy(a => a.StartUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The bookings to hand to the patient, with the export recorded; empty when there are none.</summary>
    public async Task<IReadOnlyList<Appointment>> ExportAsync(string actor, string email, CancellationToken cancellationToken)
    {
        var bookings = await FindAsync(email, cancellationToken);
        if (bookings.Count > 0)
        {
            audit.Record(actor, "Exported patient data", string.Join(", ", bookings.Select(a => a.Reference)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return bookings;
    }

    /// <summary>Erases the personal data in every booking with this e-mail, with its record; the number erased.</summary>
    public async Task<int> EraseAsync(string actor, string email, CancellationToken cancellationToken)
    {
        var bookings = await FindAsync(email, cancellationToken);
        if (bookings.Count == 0)
        {
            return 0;
        }

        foreach (var appointment in bookings)
        {
            appointment.Anonymize(ManageToken.Hash(ManageToken.New()));
        }

        audit.Record(actor, "Erased patient data", string.Join(", ", bookings.Select(a => a.Reference)));
        await db.SaveChangesAsync(cancellationToken);
        return bookings.Count;
    }
}
