using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.Application.Booking;

/// <summary>
/// Books, moves, confirms and cancels appointments, for patients online and for staff alike.
/// Each change checks the clinic's rules (<see cref="SlotCalculator"/>, the guarded methods on
/// <see cref="Appointment"/>), then saves the appointment, its diary cells and its outbox emails in one
/// SaveChanges (the emails come from the appointment's events, see <see cref="BookingEmails"/>). The unique index on diary cells has the last word: when two requests race for one time,
/// the loser gets <see cref="BookingProblem.SlotTaken"/> with the nearest free times.
/// </summary>
public sealed class BookingService(
    IClinicDatabase db,
    SlotFinder slots,
    ManageTokenProtector tokens,
    Courses.CourseIntervals courseIntervals,
    ILogger<BookingService> logger)
{
    /// <summary>How many nearest free times a "just taken" answer offers.</summary>
    public const int NearestCount = 6;

    /// <summary>Tries for "any doctor": when the chosen doctor is taken meanwhile, the next attempt picks another.</summary>
    private static readonly int MaxAttempts = 3;

    private BookingPolicy Policy => slots.Policy;

    /// <summary>
    /// Books a time. A patient's booking is counted against the caps on active future bookings per email address and
    /// per phone number in one serialized transaction with its insert (only the count and the insert: the slot check
    /// stays outside), so simultaneous posts cannot pass a cap together. Staff booking a phone call are not capped.
    /// </summary>
    public async Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        // A form posted again (a double click, a reload) gets its own booking back, not a refusal: every way out below
        // that is not a new booking asks EarlierBookingAsync first, and a second insert of the same submission id fails
        // on its unique index and is answered the same way.
        var treatment = await slots.FindTreatmentAsync(request.TreatmentCode, cancellationToken);
        if (treatment is null)
        {
            return await RefusedAsync(request, BookingProblem.UnknownTreatment, cancellationToken);
        }

        if (request.PractitionerId is { } chosen && !await slots.IsActivePractitionerAsync(chosen, cancellationToken))
        {
            return await RefusedAsync(request, BookingProblem.UnknownPractitioner, cancellationToken);
        }

        var search = SlotSearch.For(treatment, request.PractitionerId, request.Gender);
        for (var attempt = 1; ; attempt++)
        {
            // Checked again right before saving: the page the patient saw may be minutes old.
            var (check, query) = await slots.CheckAsync(search, request.Date, request.Time, cancellationToken);
            if (check.Verdict == SlotVerdict.Taken)
            {
                // Perhaps taken by this very form: a double click whose first post saved after our check above.
                return await EarlierBookingAsync(request, cancellationToken)
                    ?? await TakenAsync(search, request.Date, request.Time, null, cancellationToken);
            }

            if (check.Slot is not { } slot)
            {
                return await RefusedAsync(request, BookingResult.ProblemFor(check.Verdict), cancellationToken);
            }

            var token = ManageToken.New();
            var appointment = Appointment.Book(
                new NewAppointment(
                    BookingReference.New(),
                    treatment.Id,
                    request.PractitionerId ?? SlotCalculator.ChoosePractitioner(query, slot),
                    slot.StartUtc,
                    treatment.DurationMinutes,
                    treatment.BufferMinutes,
                    Copy(request.Patient),
                    request.PrivacyNoticeVersion,
                    ManageToken.Hash(token),
                    tokens.Protect(token),
                    request.SubmissionId,
                    request.BookedBy,
                    request.Actor),
                Policy,
                slots.NowUtc);
            db.Appointments.Add(appointment);

            try
            {
                if (request.BookedBy == ChangedBy.Patient && await SavePatientBookingAsync(request, cancellationToken) is { } refused)
                {
                    db.ChangeTracker.Clear();
                    return refused;
                }

                if (request.BookedBy != ChangedBy.Patient)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                logger.LogInformation("Booking {Reference} ({Status}) made by {BookedBy} for practitioner {PractitionerId} at {StartUtc:u}",
                    appointment.Reference, appointment.Status, request.BookedBy, appointment.PractitionerId, appointment.StartUtc);
                return BookingResult.Done(appointment, token);
            }
            catch (DbUpdateException e) when (db.IsDuplicate(e))
            {
                db.ChangeTracker.Clear();
                if (await EarlierBookingAsync(request, cancellationToken) is { } concurrent)
                {
                    return concurrent;
                }

                var lostTheSlot = db.IsDiaryCellTaken(e);
                logger.LogInformation("Booking attempt {Attempt} lost a race ({What})", attempt, lostTheSlot ? "time taken" : "duplicate reference");
                if (attempt < MaxAttempts && (!lostTheSlot || request.PractitionerId is null))
                {
                    continue;
                }

                return await TakenAsync(search, request.Date, request.Time, null, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Moves a booking to another free time (same treatment length). Patients keep their doctor and must be before the
    /// cut-off; staff may pass another <paramref name="practitionerId"/>. The booking and its history stay the same.
    /// </summary>
    public async Task<BookingResult> RescheduleAsync(
        int appointmentId,
        DateOnly date,
        TimeOnly time,
        int? practitionerId,
        ChangedBy by,
        string? actor,
        Guid? expectedVersion,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadForChangeAsync(appointmentId, by, expectedVersion, mustBeActive: true, cancellationToken);
        if (loaded is not { Succeeded: true, Appointment: { } appointment })
        {
            return loaded;
        }

        if (practitionerId is { } other && other != appointment.PractitionerId && !await slots.IsActivePractitionerAsync(other, cancellationToken))
        {
            return BookingResult.Refused(BookingProblem.UnknownPractitioner, appointment);
        }

        var search = SlotSearch.ToMove(appointment, practitionerId);
        var (check, _) = await slots.CheckAsync(search, date, time, cancellationToken);
        if (check.Verdict == SlotVerdict.Taken)
        {
            return await TakenAsync(search, date, time, appointment, cancellationToken);
        }

        if (check.Slot is not { } slot)
        {
            return BookingResult.Refused(BookingResult.ProblemFor(check.Verdict), appointment);
        }

        var doctor = search.PractitionerId ?? appointment.PractitionerId;
        if (appointment.IsActiveAt(slot.StartUtc, doctor))
        {
            return BookingResult.Done(appointment); // already there (a second click): nothing to change or email
        }

        // Each move emails the patient's address: a stranger who booked with it must not be able to send it mail at will.
        // Two simultaneous moves cannot both pass: the appointment's version lets only one of them save.
        if (by == ChangedBy.Patient && await PatientMovesAsync(appointment.Id, cancellationToken) >= Policy.MaxPatientReschedules)
        {
            return BookingResult.Refused(BookingProblem.TooManyChanges, appointment);
        }

        // A course session keeps its weeks to the sessions before and after it, whichever page moves it.
        if (appointment.CourseId is not null && await courseIntervals.ProblemIfMovedAsync(appointment, slot.StartUtc, cancellationToken) is not null)
        {
            return BookingResult.Refused(BookingProblem.CourseIntervalBroken, appointment);
        }

        if (appointment.Reschedule(slot.StartUtc, doctor, by, actor, slots.NowUtc, Policy) is { } rule)
        {
            return BookingResult.Refused(BookingResult.ProblemFor(rule), appointment);
        }

        var saved = await SaveChangeAsync(appointment, "rescheduled", by, () => TakenAsync(search, date, time, appointment, cancellationToken), cancellationToken);
        return saved.Problem == BookingProblem.ChangedMeanwhile && await db.AlreadyMovedThereAsync(appointmentId, slot.StartUtc, doctor, cancellationToken) is { } there
            ? BookingResult.Done(there)
            : saved;
    }

    private Task<int> PatientMovesAsync(int appointmentId, CancellationToken cancellationToken) =>
        db.AppointmentChanges.CountAsync(c => c.AppointmentId == appointmentId && c.Kind == AppointmentChangeKind.Rescheduled && c.By == ChangedBy.Patient, cancellationToken);

    /// <summary>Cancels a booking. Patients: before the cut-off, reason optional. Staff: any time before it ends, reason required.</summary>
    public Task<BookingResult> CancelAsync(
        int appointmentId,
        ChangedBy by,
        string? actor,
        string? reason,
        Guid? expectedVersion,
        CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, by, expectedVersion, mustBeActive: true, "cancelled", a => a.Cancel(by, actor, reason, slots.NowUtc, Policy), cancellationToken);

    /// <summary>Staff confirm a requested booking; the patient is emailed.</summary>
    public Task<BookingResult> ConfirmAsync(int appointmentId, string actor, Guid? expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, ChangedBy.Staff, expectedVersion, mustBeActive: true, "confirmed", a => a.Confirm(actor, slots.NowUtc), cancellationToken);

    /// <summary>Staff record that the patient came (once the appointment has started). No email is sent.</summary>
    public Task<BookingResult> MarkCompletedAsync(int appointmentId, string actor, Guid? expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, ChangedBy.Staff, expectedVersion, mustBeActive: true, "completed", a => a.MarkCompleted(actor, slots.NowUtc), cancellationToken);

    /// <summary>Staff record that the patient did not come (once the appointment has started). No email is sent.</summary>
    public Task<BookingResult> MarkNoShowAsync(int appointmentId, string actor, Guid? expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, ChangedBy.Staff, expectedVersion, mustBeActive: true, "marked no-show", a => a.MarkNoShow(actor, slots.NowUtc), cancellationToken);

    /// <summary>Staff edit the internal notes, in any status; the history records the edit.</summary>
    public Task<BookingResult> SaveInternalNotesAsync(int appointmentId, string actor, string? notes, Guid? expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, ChangedBy.Staff, expectedVersion, mustBeActive: false, "notes edited", a => a.EditInternalNotes(actor, notes, slots.NowUtc), cancellationToken);

    /// <summary>The booking a manage link opens; null when the token is malformed, unknown or expired.</summary>
    public async Task<AppointmentDetails?> FindByManageTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.LooksValid(token))
        {
            return null;
        }

        var hash = ManageToken.Hash(token!);
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.ManageTokenHash == hash, cancellationToken);
        if (appointment is null || appointment.ManageLinkExpired(slots.NowUtc, Policy))
        {
            return null;
        }

        return await DetailsAsync(appointment, cancellationToken);
    }

    public async Task<AppointmentDetails> DetailsAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var treatment = await db.Treatments.AsNoTracking().FirstAsync(t => t.Id == appointment.TreatmentId, cancellationToken);
        var practitioner = await db.Practitioners.AsNoTracking()
            .Where(p => p.Id == appointment.PractitionerId).Select(p => p.Name).FirstAsync(cancellationToken);
        return new AppointmentDetails(appointment, treatment, practitioner);
    }

    /// <summary>The manage-link token of a stored booking (for repeating the link), or null if the keys are gone.</summary>
    public string? ManageTokenOf(Appointment appointment) => tokens.Unprotect(appointment.ProtectedManageToken);

    /// <summary>
    /// Saves a patient's booking inside the serialized transaction, after counting the caps there; or returns why not:
    /// the address or phone is at its cap, unless this very form's first post (a double click) is what filled it, which
    /// then answers. A second post of a form under the cap fails on the submission id's unique index instead, and
    /// <see cref="BookAsync"/> answers it with the first post's booking: one statement less, inside the lock, per booking.
    /// </summary>
    private Task<BookingResult?> SavePatientBookingAsync(BookingRequest request, CancellationToken cancellationToken) =>
        db.SerializedAsync<BookingResult?>("patient-bookings", async () =>
        {
            if (await OverCapAsync(request.Patient, cancellationToken))
            {
                if (await EarlierBookingAsync(request, cancellationToken) is { } earlier)
                {
                    return earlier;
                }

                logger.LogInformation("Booking refused: the email address or phone number already holds the most active bookings allowed");
                return BookingResult.Refused(BookingProblem.TooManyActiveBookings);
            }

            await db.SaveChangesAsync(cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>
    /// True when this patient's email address (as one mailbox, see <see cref="MailboxKey"/>) or phone number already holds
    /// the most active future bookings allowed (Booking:MaxActiveBookingsPerEmail, MaxActiveBookingsPerPhone).
    /// </summary>
    private async Task<bool> OverCapAsync(PatientDetails patient, CancellationToken cancellationToken)
    {
        var now = slots.NowUtc;
        var mailbox = MailboxKey.Of(patient.Email);
        var phone = (PatientPhone.ToE164(patient.Phone) ?? patient.Phone).Trim();
        var holders = await db.Appointments.AsNoTracking()
            .Where(a => (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed) && a.StartUtc > now)
            .Where(a => a.Patient.Phone == phone || a.Patient.Mailbox == mailbox)
            .Select(a => new { a.Patient.Mailbox, a.Patient.Phone, Booking = a.CourseId ?? a.Id })
            .ToListAsync(cancellationToken);

        // A treatment course counts as one booking, however many of its sessions are still to come (docs/booking.md).
        return holders.Where(h => h.Mailbox == mailbox).Select(h => h.Booking).Distinct().Count() >= Policy.MaxActiveBookingsPerEmail
            || holders.Where(h => h.Phone == phone).Select(h => h.Booking).Distinct().Count() >= Policy.MaxActiveBookingsPerPhone;
    }

    /// <summary>The booking this form already made, if any; otherwise the refusal.</summary>
    private async Task<BookingResult> RefusedAsync(BookingRequest request, BookingProblem problem, CancellationToken cancellationToken) =>
        await EarlierBookingAsync(request, cancellationToken) ?? BookingResult.Refused(problem);

    private async Task<BookingResult?> EarlierBookingAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        var earlier = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.SubmissionId == request.SubmissionId, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        // Only the person who sent the form gets its booking back: same email address, and the link still decrypts.
        var token = tokens.Unprotect(earlier.ProtectedManageToken);
        if (token is null || !string.Equals(earlier.Patient.Email?.Trim() ?? "", request.Patient.Email?.Trim() ?? "", StringComparison.OrdinalIgnoreCase))
        {
            return BookingResult.Refused(BookingProblem.SubmissionAlreadyUsed);
        }

        return BookingResult.Done(earlier, token, alreadyBooked: true);
    }

    /// <summary>The booking, tracked, when it may be changed: it exists, nobody changed it meanwhile, it is active (unless
    /// <paramref name="mustBeActive"/> is false) and a patient is before the cut-off. Otherwise the refusal.</summary>
    private async Task<BookingResult> LoadForChangeAsync(int appointmentId, ChangedBy by, Guid? expectedVersion, bool mustBeActive, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.Include(a => a.Slots).FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return BookingResult.Refused(BookingProblem.NotFound);
        }

        if (expectedVersion is { } version && version != appointment.Version)
        {
            return BookingResult.Refused(BookingProblem.ChangedMeanwhile, appointment);
        }

        if (!mustBeActive)
        {
            return BookingResult.Done(appointment);
        }

        if (!appointment.IsActive)
        {
            return BookingResult.Refused(BookingProblem.NotAllowedInCurrentStatus, appointment);
        }

        return by == ChangedBy.Patient && !appointment.PatientMayChange(slots.NowUtc, Policy)
            ? BookingResult.Refused(BookingProblem.TooLateToChange, appointment)
            : BookingResult.Done(appointment);
    }

    /// <summary>Loads, applies one guarded change, saves: the change's emails come from its events in the same save.</summary>
    private async Task<BookingResult> ChangeAsync(
        int appointmentId, ChangedBy by, Guid? expectedVersion, bool mustBeActive, string what, Func<Appointment, BookingRule?> change, CancellationToken cancellationToken)
    {
        var loaded = await LoadForChangeAsync(appointmentId, by, expectedVersion, mustBeActive, cancellationToken);
        if (loaded is not { Succeeded: true, Appointment: { } appointment })
        {
            return loaded;
        }

        return change(appointment) is { } rule
            ? BookingResult.Refused(BookingResult.ProblemFor(rule), appointment)
            : await SaveChangeAsync(appointment, what, by, null, cancellationToken);
    }

    private async Task<BookingResult> SaveChangeAsync(
        Appointment appointment,
        string what,
        ChangedBy by,
        Func<Task<BookingResult>>? whenTimeTaken,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Booking {Reference} {What} by {By}", appointment.Reference, what, by);
            return BookingResult.Done(appointment);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return BookingResult.Refused(BookingProblem.ChangedMeanwhile, appointment);
        }
        catch (DbUpdateException e) when (whenTimeTaken is not null && db.IsDiaryCellTaken(e))
        {
            db.ChangeTracker.Clear();
            return await whenTimeTaken();
        }
    }

    private async Task<BookingResult> TakenAsync(SlotSearch search, DateOnly date, TimeOnly time, Appointment? appointment, CancellationToken cancellationToken) =>
        BookingResult.Taken(await slots.NearestFreeSlotsAsync(search, date, time, NearestCount, cancellationToken), appointment);

    private static PatientDetails Copy(PatientDetails patient) => new()
    {
        Name = patient.Name.Trim(),
        Email = string.IsNullOrWhiteSpace(patient.Email) ? null : patient.Email.Trim(),
        Phone = patient.Phone.Trim(),
        Notes = string.IsNullOrWhiteSpace(patient.Notes) ? null : patient.Notes.Trim(),
        Language = patient.Language,
    };
}
