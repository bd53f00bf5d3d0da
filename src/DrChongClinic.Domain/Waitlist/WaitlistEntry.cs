using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Domain.Waitlist;

public enum WaitlistStatus
{
    /// <summary>In line for a matching free time.</summary>
    Waiting = 0,

    /// <summary>Holds one open offer; back to Waiting when it is gone or runs out.</summary>
    Offered = 1,

    /// <summary>Claimed an offer: the booking is made. Closed.</summary>
    Booked = 2,

    /// <summary>The patient left the waitlist. Closed.</summary>
    Left = 3,

    /// <summary>The last day of the range has passed. Closed.</summary>
    Expired = 4,
}

/// <summary>Why the waitlist refused to take or change an entry.</summary>
public enum WaitlistRule
{
    /// <summary>First day after last day, or no time of day chosen.</summary>
    InvalidRange,

    /// <summary>The first day is before today.</summary>
    StartsInPast,

    /// <summary>The last day is beyond the booking horizon.</summary>
    BeyondHorizon,

    /// <summary>The entry is booked, left or expired.</summary>
    Closed,
}

/// <summary>What a patient asks to wait for.</summary>
public sealed record NewWaitlistEntry(
    int TreatmentId,
    int? PractitionerId,
    PractitionerGender? Gender,
    DateOnly FirstDay,
    DateOnly LastDay,
    DayParts Times,
    PatientDetails Patient,
    string PrivacyNoticeVersion,
    string LeaveTokenHash,
    string ProtectedLeaveToken,
    Guid SubmissionId);

/// <summary>
/// A patient waiting for a time: a treatment, one doctor or any (any female) doctor, a range of clinic dates inside the
/// booking window and the parts of the day that suit. Entries are served in join order. The entry guards its own status:
/// Waiting -> Offered -> (Waiting | Booked); any open entry -> Left or Expired.
/// </summary>
public sealed class WaitlistEntry
{
    private WaitlistEntry()
    {
    }

    public int Id { get; private set; }

    public int TreatmentId { get; private set; }

    /// <summary>One doctor, or null for any doctor (with <see cref="Gender"/>: any doctor of that gender).</summary>
    public int? PractitionerId { get; private set; }

    public PractitionerGender? Gender { get; private set; }

    /// <summary>First clinic-local date that suits.</summary>
    public DateOnly FirstDay { get; private set; }

    /// <summary>Last clinic-local date that suits; the entry expires after it.</summary>
    public DateOnly LastDay { get; private set; }

    public DayParts Times { get; private set; }

    /// <summary>Name, email, phone and language, read by the booking when an offer is claimed (no notes).</summary>
    public PatientDetails Patient { get; private set; } = null!;

    public string PrivacyNoticeVersion { get; private set; } = "";

    public DateTime JoinedAtUtc { get; private set; }

    public WaitlistStatus Status { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>SHA-256 of the leave-link token (see <see cref="ManageToken"/>).</summary>
    public string LeaveTokenHash { get; private set; } = "";

    /// <summary>The leave-link token encrypted with the app's keys, for later emails.</summary>
    public string ProtectedLeaveToken { get; private set; } = "";

    /// <summary>The join form's id: a second post of the same form finds this entry.</summary>
    public Guid SubmissionId { get; private set; }

    /// <summary>Concurrency token (changed on each save).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is WaitlistStatus.Waiting or WaitlistStatus.Offered;

    /// <summary>Takes an entry, or says which rule it breaks. Dates are clinic-local; <paramref name="today"/> is the clinic's today.</summary>
    public static (WaitlistEntry? Entry, WaitlistRule? Broken) Join(NewWaitlistEntry request, BookingPolicy policy, DateOnly today, DateTime nowUtc)
    {
        if (request.FirstDay > request.LastDay || !DayPart.IsValid(request.Times))
        {
            return (null, WaitlistRule.InvalidRange);
        }

        if (request.FirstDay < today)
        {
            return (null, WaitlistRule.StartsInPast);
        }

        if (!policy.IsBookable(request.LastDay, today))
        {
            return (null, WaitlistRule.BeyondHorizon);
        }

        return (new WaitlistEntry
        {
            TreatmentId = request.TreatmentId,
            PractitionerId = request.PractitionerId,
            Gender = request.PractitionerId is null ? request.Gender : null,
            FirstDay = request.FirstDay,
            LastDay = request.LastDay,
            Times = request.Times,
            Patient = request.Patient,
            PrivacyNoticeVersion = request.PrivacyNoticeVersion,
            JoinedAtUtc = nowUtc,
            Status = WaitlistStatus.Waiting,
            LeaveTokenHash = request.LeaveTokenHash,
            ProtectedLeaveToken = request.ProtectedLeaveToken,
            SubmissionId = request.SubmissionId,
        }, null);
    }

    /// <summary>
    /// Whether a free time suits this entry: same treatment, a clinic date in range, a chosen part of the day, and the
    /// doctor asked for (or any doctor, of the gender asked for).
    /// </summary>
    public bool Wants(int treatmentId, DateTime localStart, int practitionerId, PractitionerGender? practitionerGender)
    {
        var day = DateOnly.FromDateTime(localStart);
        return treatmentId == TreatmentId
            && day >= FirstDay && day <= LastDay
            && (Times & DayPart.Of(TimeOnly.FromDateTime(localStart))) != 0
            && (PractitionerId is { } wanted ? wanted == practitionerId : Gender is null || Gender == practitionerGender);
    }

    /// <summary>An offer went out: the entry waits for the patient's answer and gets no other offer meanwhile.</summary>
    public WaitlistRule? MarkOffered()
    {
        if (Status != WaitlistStatus.Waiting)
        {
            return WaitlistRule.Closed;
        }

        Status = WaitlistStatus.Offered;
        return null;
    }

    /// <summary>The offer is gone or ran out: back in line (keeping the place), or expired when the range has passed.</summary>
    public void OfferEnded(DateOnly today, DateTime nowUtc)
    {
        if (Status != WaitlistStatus.Offered)
        {
            return;
        }

        Status = WaitlistStatus.Waiting;
        ExpireIfPast(today, nowUtc);
    }

    public WaitlistRule? MarkBooked(DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return WaitlistRule.Closed;
        }

        Close(WaitlistStatus.Booked, nowUtc);
        return null;
    }

    public WaitlistRule? Leave(DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return WaitlistRule.Closed;
        }

        Close(WaitlistStatus.Left, nowUtc);
        return null;
    }

    /// <summary>Expires an open entry whose last day is before <paramref name="today"/>; true when it did.</summary>
    public bool ExpireIfPast(DateOnly today, DateTime nowUtc)
    {
        if (!IsOpen || LastDay >= today)
        {
            return false;
        }

        Close(WaitlistStatus.Expired, nowUtc);
        return true;
    }

    private void Close(WaitlistStatus status, DateTime nowUtc)
    {
        Status = status;
        ClosedAtUtc = nowUtc;
    }
}
