namespace DrChongClinic.Domain.Booking;

/// <summary>
/// A patient's booking. State changes go through the guarded methods below, which refuse
/// transitions the clinic does not allow (they return the broken <see cref="BookingRule"/>, or null when done);
/// nothing else changes its state. Each change raises an <see cref="AppointmentEvent"/>, which the save turns into
/// emails in the same transaction.
/// </summary>
public sealed class Appointment
{
    private readonly List<AppointmentSlot> _slots = [];
    private readonly List<AppointmentChange> _history = [];
    private readonly List<AppointmentEvent> _events = [];

    private Appointment()
    {
    }

    public int Id { get; private set; }

    public string Reference { get; private set; } = "";

    public int TreatmentId { get; private set; }

    public int PractitionerId { get; private set; }

    public DateTime StartUtc { get; private set; }

    /// <summary>Treatment length when booked; later changes to the treatment do not move this booking.</summary>
    public int DurationMinutes { get; private set; }

    public int BufferMinutes { get; private set; }

    public DateTime EndUtc => StartUtc.AddMinutes(DurationMinutes);

    public AppointmentStatus Status { get; private set; }

    public required PatientDetails Patient { get; init; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ConsentedAtUtc { get; private set; }

    public string PrivacyNoticeVersion { get; private set; } = "";

    /// <summary>SHA-256 of the manage-link token; the token itself is only ever in the patient's email.</summary>
    public string ManageTokenHash { get; private set; } = "";

    /// <summary>The token encrypted with the app's Data Protection keys, so later emails can repeat the link.</summary>
    public string ProtectedManageToken { get; private set; } = "";

    /// <summary>Id of the form that created this booking; unique, so a resubmitted form cannot book twice.</summary>
    public Guid SubmissionId { get; private set; }

    /// <summary>The course this booking is a session of: the id of the course's first session (also on that session); null when not in a course.</summary>
    public int? CourseId { get; private set; }

    /// <summary>Which session of its course (1 is the first); null when not in a course.</summary>
    public int? CourseSession { get; private set; }

    public ChangedBy? CancelledBy { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Staff-only notes, never shown to the patient.</summary>
    public string? InternalNotes { get; private set; }

    /// <summary>Concurrency token: the database context changes it on every save, so a second editor's stale save is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The diary cells this booking holds while active.</summary>
    public IReadOnlyList<AppointmentSlot> Slots => _slots;

    public IReadOnlyList<AppointmentChange> History => _history;

    /// <summary>What happened since the last save; the save dispatches them and calls <see cref="ClearEvents"/>.</summary>
    public IReadOnlyList<AppointmentEvent> Events => _events;

    public bool IsActive => Status is AppointmentStatus.Requested or AppointmentStatus.Confirmed;

    /// <summary>
    /// Whether the booking is on at this time with this doctor, so a move there changes nothing: the same move sent
    /// again (a second click, the back button) is answered as done, with no second history line, email or move counted.
    /// </summary>
    public bool IsActiveAt(DateTime startUtc, int practitionerId) => IsActive && StartUtc == startUtc && PractitionerId == practitionerId;

    /// <summary>Longest cancellation reason kept.</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>
    /// Whether staff may give this cancellation reason (the patient's email and the booking's history show it): at most
    /// <see cref="ReasonMaxLength"/> characters of visible text, lines allowed, no control or direction-changing characters.
    /// </summary>
    public static bool IsUsableReason(string reason) =>
        reason.Length <= ReasonMaxLength && !VisibleText.HasControlCharacters(reason, allowLineBreaks: true) && !VisibleText.HasHiddenText(reason);

    /// <summary>Longest internal note kept.</summary>
    public const int InternalNotesMaxLength = 2000;

    public static Appointment Book(NewAppointment request, BookingPolicy policy, DateTime nowUtc)
    {
        if (request.DurationMinutes <= 0 || request.BufferMinutes < 0)
        {
            throw new ArgumentException("A booking needs a positive duration and a buffer of zero or more minutes.", nameof(request));
        }

        if (request.StartUtc <= nowUtc)
        {
            throw new BookingRuleException(BookingRule.SlotNotAvailable, "A booking cannot start in the past.");
        }

        var appointment = new Appointment
        {
            Reference = request.Reference,
            TreatmentId = request.TreatmentId,
            PractitionerId = request.PractitionerId,
            StartUtc = request.StartUtc,
            DurationMinutes = request.DurationMinutes,
            BufferMinutes = request.BufferMinutes,
            Status = request.BookedBy == ChangedBy.Staff || !policy.OnlineBookingsNeedConfirmation
                ? AppointmentStatus.Confirmed
                : AppointmentStatus.Requested,
            Patient = request.Patient,
            CreatedAtUtc = nowUtc,
            ConsentedAtUtc = nowUtc,
            PrivacyNoticeVersion = request.PrivacyNoticeVersion,
            ManageTokenHash = request.ManageTokenHash,
            ProtectedManageToken = request.ProtectedManageToken,
            SubmissionId = request.SubmissionId,
            CourseId = request.CourseId,
            CourseSession = request.CourseSession,
        };
        appointment.HoldSlots();
        appointment._history.Add(AppointmentChange.Of(
            appointment.Status == AppointmentStatus.Confirmed ? AppointmentChangeKind.BookedAndConfirmed : AppointmentChangeKind.Requested,
            nowUtc, request.BookedBy, request.Actor));
        appointment._events.Add(new AppointmentBooked(appointment, request.BookedBy, request.Actor));
        return appointment;
    }

    /// <summary>
    /// Makes this booking the first session of a course whose later sessions are booked in the same save. Raises
    /// <see cref="CourseBooked"/> (the one email listing every session). Refused when the booking is no longer active or
    /// already in a course.
    /// </summary>
    public BookingRule? StartCourse(int sessions, ChangedBy by, string? actor, DateTime nowUtc)
    {
        if (!IsActive || CourseId is not null || StartUtc <= nowUtc)
        {
            return BookingRule.NotAllowedInCurrentStatus;
        }

        CourseId = Id;
        CourseSession = 1;
        _events.Add(new CourseBooked(this, sessions, by, actor));
        return null;
    }

    /// <summary>Staff confirm a requested booking. Null when done, else the rule that refused it.</summary>
    public BookingRule? Confirm(string actor, DateTime nowUtc)
    {
        if (Status != AppointmentStatus.Requested)
        {
            return BookingRule.NotAllowedInCurrentStatus;
        }

        Status = AppointmentStatus.Confirmed;
        _history.Add(AppointmentChange.Of(AppointmentChangeKind.Confirmed, nowUtc, ChangedBy.Staff, actor));
        _events.Add(new AppointmentConfirmed(this, actor));
        return null;
    }

    /// <summary>
    /// Patients cancel before the cut-off, reason optional; staff any time while active, with a reason. With
    /// <paramref name="withCourse"/> the booking is cancelled as one of its course's sessions, announced by one email for
    /// them all (<see cref="AnnounceCourseCancelled"/>) rather than its own.
    /// </summary>
    public BookingRule? Cancel(ChangedBy by, string? actor, string? reason, DateTime nowUtc, BookingPolicy policy, bool withCourse = false)
    {
        if (ChangeRefusal(by, nowUtc, policy) is { } refused)
        {
            return refused;
        }

        if (by == ChangedBy.Staff && string.IsNullOrWhiteSpace(reason))
        {
            return BookingRule.ReasonRequired;
        }

        Status = AppointmentStatus.Cancelled;
        CancelledBy = by;
        CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : Truncate(reason.Trim(), ReasonMaxLength);
        _slots.Clear();
        _history.Add(AppointmentChange.Of(AppointmentChangeKind.Cancelled, nowUtc, by, actor, reason: CancellationReason));
        _events.Add(new AppointmentCancelled(this, by, actor) { WithCourse = withCourse && CourseId is not null });
        return null;
    }

    /// <summary>
    /// Raises <see cref="CourseCancelled"/> on this session, the first of <paramref name="sessions"/> course sessions just
    /// cancelled together in the same save. Only for a cancelled session of a course.
    /// </summary>
    public void AnnounceCourseCancelled(int sessions, ChangedBy by, string? actor)
    {
        if (Status != AppointmentStatus.Cancelled || CourseId is null || sessions < 1)
        {
            throw new InvalidOperationException("Only a cancelled course session announces its course's cancellation.");
        }

        _events.Add(new CourseCancelled(this, sessions, by, actor));
    }

    /// <summary>Moves the booking (patients: before the cut-off, same doctor). Null when done, else the rule that refused it.</summary>
    public BookingRule? Reschedule(DateTime newStartUtc, int practitionerId, ChangedBy by, string? actor, DateTime nowUtc, BookingPolicy policy)
    {
        if (ChangeRefusal(by, nowUtc, policy) is { } refused)
        {
            return refused;
        }

        if (newStartUtc <= nowUtc)
        {
            return BookingRule.SlotNotAvailable;
        }

        var from = StartUtc;
        StartUtc = newStartUtc;
        PractitionerId = practitionerId;
        HoldSlots();
        _history.Add(AppointmentChange.Of(AppointmentChangeKind.Rescheduled, nowUtc, by, actor, fromStartUtc: from, toStartUtc: newStartUtc));
        _events.Add(new AppointmentRescheduled(this, by, actor, from));
        return null;
    }

    /// <summary>Staff record that the patient came, once the appointment has started.</summary>
    public BookingRule? MarkCompleted(string actor, DateTime nowUtc) =>
        Close(AppointmentStatus.Completed, AppointmentChangeKind.Completed, new AppointmentCompleted(this, actor), nowUtc);

    /// <summary>Staff record that the patient did not come, once the appointment has started.</summary>
    public BookingRule? MarkNoShow(string actor, DateTime nowUtc) =>
        Close(AppointmentStatus.NoShow, AppointmentChangeKind.NoShow, new AppointmentMarkedNoShow(this, actor), nowUtc);

    /// <summary>
    /// Staff change the internal notes; the history records that they changed, not the text. Refused once the
    /// patient's data was erased: notes are about the patient.
    /// </summary>
    public BookingRule? EditInternalNotes(string actor, string? notes, DateTime nowUtc)
    {
        var cleaned = string.IsNullOrWhiteSpace(notes) ? null : Truncate(notes.Trim(), InternalNotesMaxLength);
        if (cleaned == InternalNotes)
        {
            return null;
        }

        if (IsAnonymized)
        {
            return BookingRule.PatientDataErased;
        }

        InternalNotes = cleaned;
        _history.Add(AppointmentChange.Of(cleaned is null ? AppointmentChangeKind.NotesCleared : AppointmentChangeKind.NotesEdited, nowUtc, ChangedBy.Staff, actor));
        _events.Add(new AppointmentNotesEdited(this, actor));
        return null;
    }

    /// <summary>What stands in for the patient's name once the retention period is over.</summary>
    public const string AnonymizedName = "(anonymised)";

    public bool IsAnonymized => Patient.Name == AnonymizedName;

    /// <summary>
    /// PDPA retention: removes everything that identifies the patient (name, e-mail, phone, notes, reasons, the manage
    /// link) and keeps what statistics need (treatment, doctor, time, status, consent time and notice version).
    /// The manage token hash is replaced by the hash of a token nobody holds (the column is unique), so no link opens it.
    /// </summary>
    public void Anonymize(string unusableTokenHash)
    {
        Patient.Name = AnonymizedName;
        Patient.Email = Patient.Email is null ? null : "anonymised@invalid";
        Patient.Phone = "";
        Patient.Notes = null;
        CancellationReason = null;
        InternalNotes = null;
        ManageTokenHash = unusableTokenHash;
        ProtectedManageToken = "";
        foreach (var change in _history)
        {
            change.ForgetReason();
        }
    }

    public bool PatientMayChange(DateTime nowUtc, BookingPolicy policy) =>
        IsActive && StartUtc - nowUtc >= policy.PatientChangeCutoff;

    public bool ManageLinkExpired(DateTime nowUtc, BookingPolicy policy) =>
        nowUtc > StartUtc + policy.ManageLinkLifetimeAfterAppointment;

    /// <summary>Called by the save once the events became emails and audit entries.</summary>
    public void ClearEvents() => _events.Clear();

    private void HoldSlots()
    {
        _slots.Clear();
        _slots.AddRange(AppointmentSlot.Cover(PractitionerId, StartUtc, DurationMinutes + BufferMinutes));
    }

    /// <summary>Why a cancel or move is refused: the booking is no longer active, or a patient is past the cut-off.</summary>
    private BookingRule? ChangeRefusal(ChangedBy by, DateTime nowUtc, BookingPolicy policy)
    {
        if (!IsActive)
        {
            return BookingRule.NotAllowedInCurrentStatus;
        }

        return by == ChangedBy.Patient && !PatientMayChange(nowUtc, policy) ? BookingRule.TooLateForPatientToChange : null;
    }

    private BookingRule? Close(AppointmentStatus status, AppointmentChangeKind kind, AppointmentEvent happened, DateTime nowUtc)
    {
        if (!IsActive)
        {
            return BookingRule.NotAllowedInCurrentStatus;
        }

        if (nowUtc < StartUtc)
        {
            return BookingRule.AppointmentNotYetStarted;
        }

        Status = status;
        _slots.Clear();
        _history.Add(AppointmentChange.Of(kind, nowUtc, ChangedBy.Staff, happened.Actor));
        _events.Add(happened);
        return null;
    }

    private static string Truncate(string text, int length) => TextLength.Clip(text, length);
}

/// <summary>What is needed to book; built by the booking service after the slot was checked.</summary>
public sealed record NewAppointment(
    string Reference,
    int TreatmentId,
    int PractitionerId,
    DateTime StartUtc,
    int DurationMinutes,
    int BufferMinutes,
    PatientDetails Patient,
    string PrivacyNoticeVersion,
    string ManageTokenHash,
    string ProtectedManageToken,
    Guid SubmissionId,
    ChangedBy BookedBy,
    string? Actor,
    int? CourseId = null,
    int? CourseSession = null);
