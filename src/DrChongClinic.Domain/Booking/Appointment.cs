namespace DrChongClinic.Domain.Booking;

/// <summary>
/// A patient's booking. State changes go through the guarded methods below, which refuse
/// transitions the clinic does not allow; nothing else sets <see cref="Status"/>.
/// </summary>
public sealed class Appointment
{
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

    public ChangedBy? CancelledBy { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Staff-only notes, never shown to the patient.</summary>
    public string? InternalNotes { get; set; }

    /// <summary>Concurrency token: changes on every save, so a second editor's stale save is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AppointmentSlot> Slots { get; private set; } = [];

    public List<AppointmentChange> History { get; private set; } = [];

    public bool IsActive => Status is AppointmentStatus.Requested or AppointmentStatus.Confirmed;

    /// <summary>Longest cancellation reason kept.</summary>
    public const int ReasonMaxLength = 500;

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
        };
        appointment.HoldSlots();
        appointment.Record(nowUtc, request.BookedBy, request.Actor,
            appointment.Status == AppointmentStatus.Confirmed ? "Booked and confirmed" : "Booking requested");
        return appointment;
    }

    public void Confirm(string actor, DateTime nowUtc)
    {
        Require(Status == AppointmentStatus.Requested, "Only a requested booking can be confirmed.");
        Status = AppointmentStatus.Confirmed;
        Record(nowUtc, ChangedBy.Staff, actor, "Confirmed");
    }

    public void Cancel(ChangedBy by, string? actor, string? reason, DateTime nowUtc, BookingPolicy policy)
    {
        Require(IsActive, "Only an active booking can be cancelled.");
        if (by == ChangedBy.Staff && string.IsNullOrWhiteSpace(reason))
        {
            throw new BookingRuleException(BookingRule.ReasonRequired, "Staff must give a reason to cancel.");
        }

        if (by == ChangedBy.Patient)
        {
            RequireBeforePatientCutoff(nowUtc, policy);
        }

        Status = AppointmentStatus.Cancelled;
        CancelledBy = by;
        CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : Truncate(reason.Trim(), ReasonMaxLength);
        Slots.Clear();
        Record(nowUtc, by, actor, CancellationReason is null ? "Cancelled" : $"Cancelled: {CancellationReason}");
    }

    public void Reschedule(DateTime newStartUtc, int practitionerId, ChangedBy by, string? actor, DateTime nowUtc, BookingPolicy policy)
    {
        Require(IsActive, "Only an active booking can be rescheduled.");
        if (by == ChangedBy.Patient)
        {
            RequireBeforePatientCutoff(nowUtc, policy);
        }

        if (newStartUtc <= nowUtc)
        {
            throw new BookingRuleException(BookingRule.SlotNotAvailable, "A booking cannot be moved into the past.");
        }

        var from = StartUtc;
        StartUtc = newStartUtc;
        PractitionerId = practitionerId;
        HoldSlots();
        Record(nowUtc, by, actor, $"Rescheduled from {from:yyyy-MM-dd HH:mm} UTC to {newStartUtc:yyyy-MM-dd HH:mm} UTC");
    }

    public void MarkCompleted(string actor, DateTime nowUtc)
    {
        RequireStartedAndActive(nowUtc);
        Status = AppointmentStatus.Completed;
        Slots.Clear();
        Record(nowUtc, ChangedBy.Staff, actor, "Marked completed");
    }

    public void MarkNoShow(string actor, DateTime nowUtc)
    {
        RequireStartedAndActive(nowUtc);
        Status = AppointmentStatus.NoShow;
        Slots.Clear();
        Record(nowUtc, ChangedBy.Staff, actor, "Marked no-show");
    }

    /// <summary>Staff change the internal notes; the history records that they changed, not the text.</summary>
    public void EditInternalNotes(string actor, string? notes, DateTime nowUtc)
    {
        var cleaned = string.IsNullOrWhiteSpace(notes) ? null : Truncate(notes.Trim(), InternalNotesMaxLength);
        if (cleaned == InternalNotes)
        {
            return;
        }

        InternalNotes = cleaned;
        Record(nowUtc, ChangedBy.Staff, actor, cleaned is null ? "Internal notes cleared" : "Internal notes edited");
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
        Patient.Email = "anonymised@invalid";
        Patient.Phone = "";
        Patient.Notes = null;
        CancellationReason = null;
        InternalNotes = null;
        ManageTokenHash = unusableTokenHash;
        ProtectedManageToken = "";
        foreach (var change in History.Where(c => c.What.StartsWith("Cancelled: ", StringComparison.Ordinal)))
        {
            change.What = "Cancelled";
        }
    }

    public bool PatientMayChange(DateTime nowUtc, BookingPolicy policy) =>
        IsActive && StartUtc - nowUtc >= policy.PatientChangeCutoff;

    public bool ManageLinkExpired(DateTime nowUtc, BookingPolicy policy) =>
        nowUtc > StartUtc + policy.ManageLinkLifetimeAfterAppointment;

    private void HoldSlots()
    {
        Slots.Clear();
        Slots.AddRange(AppointmentSlot.Cover(PractitionerId, StartUtc, DurationMinutes + BufferMinutes));
    }

    private void RequireStartedAndActive(DateTime nowUtc)
    {
        Require(IsActive, "Only an active booking can be closed.");
        if (nowUtc < StartUtc)
        {
            throw new BookingRuleException(BookingRule.AppointmentNotYetStarted, "The appointment has not started yet.");
        }
    }

    private void RequireBeforePatientCutoff(DateTime nowUtc, BookingPolicy policy)
    {
        if (!PatientMayChange(nowUtc, policy))
        {
            throw new BookingRuleException(BookingRule.TooLateForPatientToChange,
                "Too close to the appointment for the patient to change it online.");
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new BookingRuleException(BookingRule.NotAllowedInCurrentStatus, message);
        }
    }

    private void Record(DateTime nowUtc, ChangedBy by, string? actor, string what) =>
        History.Add(new AppointmentChange { AtUtc = nowUtc, By = by, Actor = actor, What = what });
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
    string? Actor);
