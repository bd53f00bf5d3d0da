using DrChongClinic.Application.Background;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Data;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Email;

/// <summary>What one outbox pass did.</summary>
public sealed record OutboxPassResult(int RemindersQueued, int Sent, int Skipped, int WillRetry, int Failed, int Held = 0);

/// <summary>
/// One pass of the outbox: queue reminders that have become due, then send due messages.
/// <para>
/// Each message is first claimed with a single conditional UPDATE (its try counted, its due time pushed
/// past the send timeout), so two passes or two app instances never send it together, and a message
/// whose send was cut off by a crash is tried again once the claim runs out. After the server accepts
/// it, the row is marked Sent straight away; a sent message is never picked again.
/// </para>
/// <para>
/// The whole pass runs under the "outbox" <see cref="WorkLease"/>: with several app instances on one database only
/// one queues reminders and sends at a time (so a reminder is queued once); the others' passes return at once. The
/// waitlist pass sends its emails under the same lease, so the one per-mailbox cap (<see cref="MailboxDailyCap"/>)
/// counts every send before the next. The lease is checked before each message (and written once half of it has gone) and runs out a few minutes after a
/// crash, when another instance carries on.
/// </para>
/// </summary>
public sealed partial class OutboxPass(
    IClinicDatabase db,
    WorkLeases leases,
    MailboxDailyCap cap,
    EmailOutbox outbox,
    IEmailSender sender,
    ClinicClock clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxPass> logger) : IBackgroundPass<OutboxPassResult>
{
    /// <summary>The lease every instance's outbox pass takes first.</summary>
    public const string LeaseName = "outbox";

    private static readonly int BatchSize = 20;
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(6);

    private readonly OutboxOptions _options = options.Value;

    // Treatments and doctors' names, read once per pass: a burst of bookings sends thousands of emails about a handful
    // of each. A rename during a pass shows from the next pass on (seconds later).
    private readonly Dictionary<int, Treatment> _treatments = [];
    private readonly Dictionary<int, string> _practitionerNames = [];

    private enum Outcome
    {
        NotClaimed,
        Sent,
        Skipped,
        WillRetry,
        Failed,
        Held,
    }

    public async Task<OutboxPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryTakeAsync(LeaseName, LeaseDuration, cancellationToken);
        if (lease is null)
        {
            return new OutboxPassResult(0, 0, 0, 0, 0); // another instance's pass is running
        }

        var queued = await QueueDueRemindersAsync(cancellationToken);
        var outcomes = await SendDueAsync(lease, cancellationToken);
        return new OutboxPassResult(
            queued,
            outcomes.Count(o => o == Outcome.Sent),
            outcomes.Count(o => o == Outcome.Skipped),
            outcomes.Count(o => o == Outcome.WillRetry),
            outcomes.Count(o => o == Outcome.Failed),
            outcomes.Count(o => o == Outcome.Held));
    }

    /// <summary>
    /// Queues a Reminder for each active appointment that has entered the reminder window and whose
    /// patient has not yet heard about its current time inside that window (no reminder yet, and no
    /// confirmation or change email written in the window: a booking made 3 hours ahead needs none).
    /// Rescheduling gives the new time its own reminder; cancelled appointments get none.
    /// </summary>
    private async Task<int> QueueDueRemindersAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var windowEnd = now + _options.ReminderLeadTime;
        var appointments = await db.Appointments
            .Where(a => (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed)
                && a.StartUtc > now && a.StartUtc <= windowEnd && a.Patient.Email != null)
            .ToListAsync(cancellationToken);
        if (appointments.Count == 0)
        {
            return 0;
        }

        var ids = appointments.Select(a => a.Id).ToList();
        var toldPatient = await db.OutboxMessages
            .Where(m => ids.Contains(m.AppointmentId) && !ClinicNotices.Kinds.Contains(m.Kind) && m.Kind != EmailKind.BookingCancelled)
            .Select(m => new { m.AppointmentId, m.AppointmentStartUtc, m.CreatedAtUtc })
            .ToListAsync(cancellationToken);

        var queued = 0;
        foreach (var appointment in appointments)
        {
            var windowOpened = appointment.StartUtc - _options.ReminderLeadTime;
            var alreadyTold = toldPatient.Any(m => m.AppointmentId == appointment.Id
                && m.AppointmentStartUtc == appointment.StartUtc && m.CreatedAtUtc >= windowOpened);
            if (!alreadyTold)
            {
                outbox.Enqueue(appointment, EmailKind.Reminder);
                queued++;
            }
        }

        if (queued > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return queued;
    }

    /// <summary>
    /// Sends every message that was due when the pass began, oldest first, a batch at a time, so a burst of
    /// bookings is cleared in one pass rather than a batch per poll interval. A patient's messages about one
    /// appointment go out in the order they were written: a later one waits while an earlier one is still pending.
    /// </summary>
    private async Task<List<Outcome>> SendDueAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        var dueBy = clock.UtcNow;
        var outcomes = new List<Outcome>();
        while (true)
        {
            var due = await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.DueAtUtc <= dueBy)
                .Where(m => ClinicNotices.Kinds.Contains(m.Kind) || !db.OutboxMessages.Any(earlier =>
                    earlier.AppointmentId == m.AppointmentId && earlier.Id < m.Id
                    && earlier.Status == OutboxStatus.Pending && !ClinicNotices.Kinds.Contains(earlier.Kind)))
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.Attempts })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            foreach (var message in due)
            {
                if (!await lease.RenewAsync(cancellationToken))
                {
                    return outcomes; // it ran out and another instance took over
                }

                outcomes.Add(await SendOneAsync(message.Id, message.Attempts, cancellationToken));
            }

            // Each message taken is now sent, skipped, failed or waiting for a retry: none is due again this pass.
            if (due.Count < BatchSize)
            {
                return outcomes;
            }
        }
    }

    /// <summary>As long as one message may take (the same as its own claim): renewed before each one.</summary>
    private TimeSpan LeaseDuration => sender.SendTimeout * 5;

    private async Task<Outcome> SendOneAsync(int id, int attemptsBefore, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var attempt = attemptsBefore + 1;
        var claimUntil = now + sender.SendTimeout * 5;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.Attempts == attemptsBefore && m.DueAtUtc <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Attempts, attempt).SetProperty(m => m.DueAtUtc, claimUntil), cancellationToken);
        if (claimed == 0)
        {
            return Outcome.NotClaimed; // another pass or instance has it
        }

        var message = await db.OutboxMessages.AsNoTracking().Include(m => m.Appointment).SingleAsync(m => m.Id == id, cancellationToken);
        if (NoLongerApplies(message, now) || await SupersededAsync(message, cancellationToken))
        {
            await SetStatusAsync(id, OutboxStatus.Skipped, error: null);
            LogSkipped(id, message.Kind);
            return Outcome.Skipped;
        }

        // The cap is applied on a message's first try only: a retry, or a message staff released, has passed it already.
        if (attemptsBefore == 0 && message.Kind != EmailKind.ClinicNewBookingNotice && await cap.IsReachedAsync(message.Appointment!.Patient.Email, now, cancellationToken))
        {
            await SetStatusAsync(id, OutboxStatus.Held, $"Held: this address already had {_options.MaxPerRecipientPerDay} emails in 24 hours (Email:MaxPerRecipientPerDay).");
            LogHeld(id, message.Kind, _options.MaxPerRecipientPerDay);
            return Outcome.Held;
        }

        var facts = await GatherFactsAsync(message, cancellationToken);
        try
        {
            await sender.SendAsync(facts, cancellationToken);
        }
        catch (EmailNotComposedException e)
        {
            // Trying again would build the same broken message: staff need to look (and can retry after a fix).
            await SetStatusAsync(id, OutboxStatus.Failed, $"Could not build the message: {e.Message}");
            LogBuildFailed(id, message.Kind, e.InnerException!.GetType().Name);
            return Outcome.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await RecordFailedTryAsync(id, message.Kind, attempt, e);
        }

        // Accepted by the server: record it before anything else can go wrong. Not cancellable.
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAtUtc, clock.UtcNow), CancellationToken.None);
        LogSent(id, message.Kind, attempt);
        return Outcome.Sent;
    }

    /// <summary>Whether a later message about the same booking to the same reader says what this one would (<see cref="ClinicNotices.SupersededBy"/>).</summary>
    private Task<bool> SupersededAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var later = message.Kind.SupersededBy();
        return later.Length == 0
            ? Task.FromResult(false)
            : db.OutboxMessages.AnyAsync(m => m.AppointmentId == message.AppointmentId && m.Id > message.Id && later.Contains(m.Kind), cancellationToken);
    }

    /// <summary>A reminder for an appointment that was cancelled, moved or has begun is not sent.</summary>
    private static bool NoLongerApplies(OutboxMessage message, DateTime now) =>
        message.Kind == EmailKind.Reminder && (message.Appointment is not { IsActive: true } appointment
            || appointment.StartUtc != message.AppointmentStartUtc || appointment.StartUtc <= now);

    private async Task<EmailFacts> GatherFactsAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var appointment = message.Appointment!;
        if (!_treatments.TryGetValue(appointment.TreatmentId, out var treatment))
        {
            treatment = await db.Treatments.AsNoTracking().SingleAsync(t => t.Id == appointment.TreatmentId, cancellationToken);
            _treatments[appointment.TreatmentId] = treatment;
        }

        if (!_practitionerNames.TryGetValue(appointment.PractitionerId, out var practitioner))
        {
            practitioner = await db.Practitioners.AsNoTracking().Where(p => p.Id == appointment.PractitionerId).Select(p => p.Name).SingleAsync(cancellationToken);
            _practitionerNames[appointment.PractitionerId] = practitioner;
        }

        var calendarKinds = new[] { EmailKind.BookingReceived, EmailKind.BookingConfirmed, EmailKind.BookingRescheduled, EmailKind.BookingCancelled };
        var sequence = await db.OutboxMessages.CountAsync(
            m => m.AppointmentId == appointment.Id && m.Id < message.Id && calendarKinds.Contains(m.Kind), cancellationToken);
        if (appointment.CourseSession > 1 && !message.Kind.ListsCourse())
        {
            sequence++; // a later course session's first calendar file went out with the course email
        }

        var facts = new EmailFacts(message, appointment, treatment, practitioner, sequence);
        return message.Kind.ListsCourse() ? await CourseEmailFacts.AddAsync(db, facts, cancellationToken) : facts;
    }

    private async Task<Outcome> RecordFailedTryAsync(int id, EmailKind kind, int attempt, Exception error)
    {
        // Only the exception's own text: for MailKit that is what the server said.
        var text = $"{error.GetType().Name}: {error.Message}";
        if (attempt >= _options.MaxAttempts)
        {
            await SetStatusAsync(id, OutboxStatus.Failed, text);
            LogGaveUp(id, kind, attempt, error.GetType().Name);
            return Outcome.Failed;
        }

        var retryAt = clock.UtcNow + Backoff(_options.RetryBackoff, attempt);
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.DueAtUtc, retryAt).SetProperty(m => m.LastError, Truncate(text)), CancellationToken.None);
        LogWillRetry(id, kind, attempt, error.GetType().Name, retryAt);
        return Outcome.WillRetry;
    }

    /// <summary>RetryBackoff after the first failed try, doubling after each further one, at most six hours.</summary>
    internal static TimeSpan Backoff(TimeSpan retryBackoff, int failedTries)
    {
        var delay = retryBackoff * Math.Pow(2, Math.Min(failedTries - 1, 30));
        return delay < LongestBackoff ? delay : LongestBackoff;
    }

    private Task SetStatusAsync(int id, OutboxStatus status, string? error)
    {
        var row = db.OutboxMessages.Where(m => m.Id == id);
        return error is null
            ? row.ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, status), CancellationToken.None)
            : row.ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, status).SetProperty(m => m.LastError, Truncate(error)), CancellationToken.None);
    }

    private static string Truncate(string text) => TextLength.Clip(text, 2000);

    [LoggerMessage(LogLevel.Information, "Email {OutboxId} ({Kind}) sent on try {Attempt}")]
    private partial void LogSent(int outboxId, EmailKind kind, int attempt);

    [LoggerMessage(LogLevel.Warning, "Email {OutboxId} ({Kind}) try {Attempt} failed ({Error}); next try at {RetryAtUtc:u}")]
    private partial void LogWillRetry(int outboxId, EmailKind kind, int attempt, string error, DateTime retryAtUtc);

    [LoggerMessage(LogLevel.Error, "Email {OutboxId} ({Kind}) failed after {Attempt} tries ({Error}); marked Failed for staff")]
    private partial void LogGaveUp(int outboxId, EmailKind kind, int attempt, string error);

    [LoggerMessage(LogLevel.Error, "Email {OutboxId} ({Kind}) could not be built ({Error}); marked Failed for staff")]
    private partial void LogBuildFailed(int outboxId, EmailKind kind, string error);

    [LoggerMessage(LogLevel.Warning, "Email {OutboxId} ({Kind}) held: its address had {Cap} emails in 24 hours; staff can send it from the failed emails page")]
    private partial void LogHeld(int outboxId, EmailKind kind, int cap);

    [LoggerMessage(LogLevel.Information, "Email {OutboxId} ({Kind}) skipped: it no longer applies")]
    private partial void LogSkipped(int outboxId, EmailKind kind);
}
