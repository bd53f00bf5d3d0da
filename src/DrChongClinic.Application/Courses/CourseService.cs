using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Courses;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.Application.Courses;

/// <summary>
/// Treatment courses for patients (through a session's manage link) and staff (phone-ins): propose the later sessions
/// after a first one, book them all at once, show a booked course, move one session within its interval, cancel the
/// sessions still to come. Booking saves the first session's change and every new session with its diary cells in one
/// SaveChanges, so the unique index on diary cells makes it all or none.
/// </summary>
public sealed class CourseService(
    IClinicDatabase db,
    SlotFinder slots,
    ClinicClock clock,
    CourseIntervals intervals,
    ManageTokenProtector tokens,
    ILogger<CourseService> logger)
{
    private static readonly int MaxAttempts = 3;

    private BookingPolicy Policy => slots.Policy;

    /// <summary>A booking by id, untracked (the staff course page), or null.</summary>
    public Task<Appointment?> FindAsync(int appointmentId, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);

    /// <summary>The proposal for the sessions after this first one, honouring <paramref name="chosen"/> where those times work.</summary>
    public async Task<CourseResult> OfferAsync(int appointmentId, IReadOnlyList<DateTime?>? chosen, CancellationToken cancellationToken)
    {
        var first = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (first is null)
        {
            return CourseResult.Refused(CourseProblem.NotFound);
        }

        var (problem, offer) = await ProposeAsync(first, chosen, cancellationToken);
        return problem is { } refused ? CourseResult.Refused(refused) : CourseResult.Offered(offer!);
    }

    /// <summary>
    /// Books the later sessions at exactly the times sent (local clinic times, session 2 first), all or none. Refused with
    /// the proposal again when a time is not free or breaks an interval, or when another booking took one meanwhile.
    /// </summary>
    public async Task<CourseResult> BookAsync(int appointmentId, IReadOnlyList<DateTime?> chosen, ChangedBy by, string? actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var first = await db.Appointments.Include(a => a.Slots).FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
            if (first is null)
            {
                return CourseResult.Refused(CourseProblem.NotFound);
            }

            var (problem, offer) = await ProposeAsync(first, chosen, cancellationToken);
            if (problem is { } refused)
            {
                return CourseResult.Refused(refused);
            }

            var sessions = offer!.Sessions;

            // A time chosen on the page that another booking has taken since: the diary changed meanwhile (409), not a bad choice.
            var taken = chosen.Count == sessions.Count && sessions.Any(s => s.ChosenClash == CourseClash.Taken);
            if (taken || chosen.Count != sessions.Count || !offer.CanBook || sessions.Any(s => s.Proposed!.LocalStart != chosen[s.Number - 2]))
            {
                // The taker may be this same form sent a moment earlier (a double click), which booked the course since it was read.
                return await BookedMeanwhileAsync(appointmentId, cancellationToken) ? CourseResult.Refused(CourseProblem.AlreadyBooked)
                    : CourseResult.Refused(taken ? CourseProblem.TimeTaken : CourseProblem.TimesNotValid, offer);
            }

            var now = clock.UtcNow;
            if (first.StartCourse(offer.Plan.Sessions, by, actor, now) is not null)
            {
                return CourseResult.Refused(CourseProblem.NotActive);
            }

            var treatment = offer.First.Treatment;
            foreach (var session in sessions)
            {
                var token = ManageToken.New();
                db.Appointments.Add(Appointment.Book(
                    new NewAppointment(
                        BookingReference.New(),
                        treatment.Id,
                        first.PractitionerId,
                        session.Proposed!.StartUtc,
                        treatment.DurationMinutes,
                        treatment.BufferMinutes,
                        Copy(first.Patient),
                        first.PrivacyNoticeVersion,
                        ManageToken.Hash(token),
                        tokens.Protect(token),
                        Guid.NewGuid(),
                        by,
                        actor,
                        CourseId: first.Id,
                        CourseSession: session.Number),
                    Policy,
                    now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Course of {Sessions} sessions booked from booking {Reference} by {By}", offer.Plan.Sessions, first.Reference, by);
                return CourseResult.Done(sessions.Count);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return await BookedMeanwhileAsync(appointmentId, cancellationToken)
                    ? CourseResult.Refused(CourseProblem.AlreadyBooked)
                    : CourseResult.Refused(CourseProblem.ChangedMeanwhile);
            }
            catch (DbUpdateException e) when (db.IsDiaryCellTaken(e))
            {
                db.ChangeTracker.Clear();
                logger.LogInformation("Course from booking {Reference} lost a race for a time; nothing was booked", first.Reference);
                if (await BookedMeanwhileAsync(appointmentId, cancellationToken))
                {
                    return CourseResult.Refused(CourseProblem.AlreadyBooked);
                }

                var again = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == appointmentId, cancellationToken);
                var (_, fresh) = await ProposeAsync(again, chosen, cancellationToken);
                return CourseResult.Refused(CourseProblem.TimeTaken, fresh);
            }
            catch (DbUpdateException e) when (db.IsDuplicate(e) && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear(); // a booking reference drawn twice: draw new ones
            }
        }
    }

    /// <summary>
    /// Whether the course was booked by another request since this one read the booking: the same form sent twice (a
    /// double click), which the patient should hear is done rather than that another patient or a change got in the way.
    /// </summary>
    private Task<bool> BookedMeanwhileAsync(int appointmentId, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking().AnyAsync(a => a.Id == appointmentId && a.CourseId != null, cancellationToken);

    /// <summary>The course this booking belongs to, every session in order with its manage token; null when it is in none.</summary>
    public async Task<BookedCourse?> CourseOfAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        if (appointment.CourseId is not { } courseId)
        {
            return null;
        }

        var treatment = await db.Treatments.AsNoTracking().FirstAsync(t => t.Id == appointment.TreatmentId, cancellationToken);
        var sessions = await db.Appointments.AsNoTracking().Where(a => a.CourseId == courseId).OrderBy(a => a.CourseSession).ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.PractitionerId).Distinct().ToList();
        var names = await db.Practitioners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new BookedCourse(
            treatment.Course,
            treatment,
            sessions.Select(s => new CourseSessionInfo(s, names.GetValueOrDefault(s.PractitionerId, ""), tokens.Unprotect(s.ProtectedManageToken))).ToList());
    }

    /// <summary>
    /// Where a booked session may move now: the dates its neighbours allow (from today, within the course's reach) and
    /// the free times there with the same doctor, nearest to its current time first. Empty when it may not move.
    /// </summary>
    public async Task<SessionMoveChoices> MoveChoicesAsync(Appointment session, CancellationToken cancellationToken)
    {
        var number = session.CourseSession ?? 0;
        var none = new SessionMoveChoices(number, null, null, []);
        if (!session.IsActive || session.StartUtc <= clock.UtcNow)
        {
            return none;
        }

        var (plan, sessions) = await intervals.LoadAsync(session, cancellationToken);
        if (plan is null)
        {
            return none;
        }

        var before = sessions.Where(s => s.Number < number).OrderByDescending(s => s.Number).Select(s => ((int, DateOnly)?)(s.Number, s.Date)).FirstOrDefault();
        var after = sessions.Where(s => s.Number > number).OrderBy(s => s.Number).Select(s => ((int, DateOnly)?)(s.Number, s.Date)).FirstOrDefault();
        if (plan.MoveWindow(number, before, after) is not { } window)
        {
            return none;
        }

        var today = clock.Today;
        var current = clock.ToLocal(session.StartUtc);
        var reach = today.AddDays(7 * CoursePlan.MaxWeeksBetween * CoursePlan.MaxSessions);
        var earliest = Max(window.Earliest, today);
        var latest = Min(window.Latest, before is null ? DateOnly.FromDateTime(current).AddDays(7 * plan.MaxWeeks) : reach);
        if (earliest > latest)
        {
            return none;
        }

        var day = await DiaryAsync(SlotSearch.ToMove(session), earliest, latest, cancellationToken);
        var free = new List<FreeSlot>();
        for (var date = earliest; date <= latest; date = date.AddDays(1))
        {
            free.AddRange(SlotCalculator.FreeSlots(day(date)).Where(s => s.PractitionerIds.Contains(session.PractitionerId) && s.LocalStart != current));
        }

        var choices = free.OrderBy(s => (s.LocalStart - current).Duration()).Take(CourseProposal.ChoiceCount).OrderBy(s => s.LocalStart).ToList();
        return new SessionMoveChoices(number, earliest, latest, choices);
    }

    /// <summary>Moves one session of a course to a clinic-local time, same doctor, keeping the weeks between sessions.</summary>
    public async Task<CourseResult> MoveAsync(int appointmentId, DateTime local, ChangedBy by, string? actor, Guid? expectedVersion, CancellationToken cancellationToken)
    {
        var session = await db.Appointments.Include(a => a.Slots).FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (session is null || session.CourseId is null)
        {
            return CourseResult.Refused(CourseProblem.NotFound);
        }

        if (expectedVersion is { } version && version != session.Version)
        {
            return CourseResult.Refused(CourseProblem.ChangedMeanwhile);
        }

        if (!session.IsActive)
        {
            return CourseResult.Refused(CourseProblem.NotActive);
        }

        if (by == ChangedBy.Patient && !session.PatientMayChange(clock.UtcNow, Policy))
        {
            return CourseResult.Refused(CourseProblem.TooLateToChange);
        }

        if (SlotCalculator.ExactUtc(local, clock.Zone) is { } already && session.IsActiveAt(already, session.PractitionerId))
        {
            return CourseResult.Done(1); // already there (a second click): nothing to change, email or count
        }

        var date = DateOnly.FromDateTime(local);
        if (!ClinicDates.IsUsable(date) || date < clock.Today || date > clock.Today.AddDays(7 * CoursePlan.MaxWeeksBetween * CoursePlan.MaxSessions))
        {
            return CourseResult.Refused(CourseProblem.TimesNotValid).WithClash(date < clock.Today ? CourseClash.TooSoon : CourseClash.OutsideWindow);
        }

        var day = await DiaryAsync(SlotSearch.ToMove(session), date, date, cancellationToken);
        var query = day(date);
        var clash = CourseProposal.Clash(query, TimeOnly.FromDateTime(local), session.PractitionerId);
        if (clash != CourseClash.None)
        {
            return CourseResult.Refused(clash == CourseClash.Taken ? CourseProblem.TimeTaken : CourseProblem.TimesNotValid).WithClash(clash);
        }

        var startUtc = SlotCalculator.ExactUtc(local, clock.Zone)!.Value;
        if (await intervals.ProblemIfMovedAsync(session, startUtc, cancellationToken) is { } gap)
        {
            return CourseResult.Refused(CourseProblem.IntervalBroken, gap: gap);
        }

        if (by == ChangedBy.Patient && await db.AppointmentChanges.CountAsync(
            c => c.AppointmentId == session.Id && c.Kind == AppointmentChangeKind.Rescheduled && c.By == ChangedBy.Patient, cancellationToken) >= Policy.MaxPatientReschedules)
        {
            return CourseResult.Refused(CourseProblem.TooManyChanges);
        }

        if (session.Reschedule(startUtc, session.PractitionerId, by, actor, clock.UtcNow, Policy) is not null)
        {
            return CourseResult.Refused(CourseProblem.NotActive);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Course session {Reference} moved by {By}", session.Reference, by);
            return CourseResult.Done(1);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same move sent twice at once (a double click) whose other post saved first is done, not "changed".
            db.ChangeTracker.Clear();
            return await db.AlreadyMovedThereAsync(appointmentId, startUtc, session.PractitionerId, cancellationToken) is not null
                ? CourseResult.Done(1)
                : CourseResult.Refused(CourseProblem.ChangedMeanwhile);
        }
        catch (DbUpdateException e) when (db.IsDiaryCellTaken(e))
        {
            db.ChangeTracker.Clear();
            return CourseResult.Refused(CourseProblem.TimeTaken).WithClash(CourseClash.Taken);
        }
    }

    /// <summary>
    /// Cancels the sessions of this booking's course that are still to come (past ones stay as they are). A patient
    /// cancels those before the cut-off; later ones are kept and counted in <see cref="CourseResult.KeptTooLate"/>.
    /// Staff give a reason.
    /// </summary>
    public async Task<CourseResult> CancelAsync(int appointmentId, ChangedBy by, string? actor, string? reason, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment?.CourseId is not { } courseId)
        {
            return CourseResult.Refused(CourseProblem.NotFound);
        }

        if (by == ChangedBy.Staff && string.IsNullOrWhiteSpace(reason))
        {
            return CourseResult.Refused(CourseProblem.ReasonRequired);
        }

        if (reason is not null && !Appointment.IsUsableReason(reason))
        {
            return CourseResult.Refused(CourseProblem.ReasonInvalid);
        }

        var now = clock.UtcNow;
        var future = await db.Appointments.Include(a => a.Slots)
            .Where(a => a.CourseId == courseId && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed) && a.StartUtc > now)
            .OrderBy(a => a.CourseSession)
            .ToListAsync(cancellationToken);
        var cancelled = new List<Appointment>();
        var kept = 0;
        foreach (var session in future)
        {
            if (session.Cancel(by, actor, reason, now, Policy, withCourse: true) is null)
            {
                cancelled.Add(session);
            }
            else
            {
                kept++;
            }
        }

        if (cancelled.Count == 0)
        {
            return CourseResult.Refused(kept > 0 ? CourseProblem.TooLateToChange : CourseProblem.NotActive);
        }

        // One email for them all, sent by the first: it lists the sessions cancelled in this same save.
        cancelled[0].AnnounceCourseCancelled(cancelled.Count, by, actor);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Course {CourseId}: {Cancelled} future sessions cancelled by {By}, {Kept} kept", courseId, cancelled.Count, by, kept);
            return CourseResult.Done(cancelled.Count, kept);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CourseResult.Refused(CourseProblem.ChangedMeanwhile);
        }
    }

    private async Task<(CourseProblem?, CourseOffer?)> ProposeAsync(Appointment first, IReadOnlyList<DateTime?>? chosen, CancellationToken cancellationToken)
    {
        // Whether the booking is still on comes first: a course cancelled (or past) is not "already booked".
        if (!first.IsActive || first.StartUtc <= clock.UtcNow)
        {
            return (CourseProblem.NotActive, null);
        }

        if (first.CourseId is not null)
        {
            return (CourseProblem.AlreadyBooked, null);
        }

        var treatment = await db.Treatments.AsNoTracking().FirstAsync(t => t.Id == first.TreatmentId, cancellationToken);
        if (treatment.Course is not { } plan)
        {
            return (CourseProblem.NoCourse, null);
        }

        var doctor = await db.Practitioners.AsNoTracking().Where(p => p.Id == first.PractitionerId).Select(p => p.Name).FirstAsync(cancellationToken);
        var firstLocal = clock.ToLocal(first.StartUtc);
        var from = DateOnly.FromDateTime(firstLocal);
        var to = from.AddDays(7 * plan.MaxWeeks * (plan.Sessions - 1));
        var day = await DiaryAsync(new SlotSearch(treatment.DurationMinutes, treatment.BufferMinutes, first.PractitionerId), from, to, cancellationToken);
        var sessions = CourseProposal.Propose(plan, firstLocal, first.PractitionerId, day, chosen);
        return (null, new CourseOffer(new AppointmentDetails(first, treatment, doctor), plan, sessions));
    }

    /// <summary>The diary between two dates, with a booking window reaching the last of them.</summary>
    private Task<Func<DateOnly, SlotQuery>> DiaryAsync(SlotSearch search, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        slots.DaysAsync(search, from, to, Policy.WithHorizon(to.DayNumber - clock.Today.DayNumber), cancellationToken);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static PatientDetails Copy(PatientDetails patient) => new()
    {
        Name = patient.Name,
        Email = patient.Email,
        Phone = patient.Phone,
        Notes = patient.Notes,
        Language = patient.Language,
    };
}
