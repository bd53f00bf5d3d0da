using DrChongClinic.Application.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;

namespace DrChongClinic.Application.Waitlist;

/// <summary>A request to join the waitlist, from the public form.</summary>
public sealed record WaitlistJoinRequest(
    string TreatmentCode,
    int? PractitionerId,
    PractitionerGender? Gender,
    DateOnly FirstDay,
    DateOnly LastDay,
    DayParts Times,
    string Name,
    string Email,
    string Phone,
    string Language,
    string PrivacyNoticeVersion,
    Guid SubmissionId);

/// <summary>Why the waitlist refused. Each has a localized message in the web layer.</summary>
public enum WaitlistProblem
{
    UnknownTreatment,
    UnknownPractitioner,
    InvalidRange,

    /// <summary>No day of the range has a time the clinic offers in the parts of the day asked for, with the doctor asked for.</summary>
    NeverOffered,
    StartsInPast,
    BeyondHorizon,

    /// <summary>The email address or phone number already holds Waitlist:MaxActiveEntriesPerEmail / PerPhone open entries.</summary>
    TooManyEntries,

    /// <summary>The form's submission id already joined, for another email address.</summary>
    SubmissionAlreadyUsed,
    NotFound,

    /// <summary>The entry is booked, left or expired.</summary>
    Closed,

    /// <summary>The offered time has gone to someone else, or the offer ran out.</summary>
    Gone,

    /// <summary>The patient already holds the most active bookings allowed (the booking's own cap).</summary>
    TooManyActiveBookings,

    /// <summary>Staff: the time is not free for that doctor and treatment.</summary>
    NotFree,

    /// <summary>Staff: the entry holds an open offer already, or was offered this time before.</summary>
    AlreadyOffered,
}

public sealed record WaitlistResult(WaitlistProblem? Problem, WaitlistEntry? Entry = null, string? ManageToken = null, BookingProblem? BookingProblem = null)
{
    public bool Succeeded => Problem is null;

    public static WaitlistResult Done(WaitlistEntry? entry = null, string? manageToken = null) => new(null, entry, manageToken);

    public static WaitlistResult Refused(WaitlistProblem problem, WaitlistEntry? entry = null) => new(problem, entry);
}

/// <summary>A waitlist entry with the names a page shows.</summary>
public sealed record WaitlistEntryDetails(WaitlistEntry Entry, Treatment Treatment, string? PractitionerName);

/// <summary>An offer with the names its claim page shows.</summary>
/// <param name="ClaimedBookingCancelled">The offer was claimed, and the booking it made has since been cancelled (or closed).</param>
public sealed record WaitlistOfferDetails(
    WaitlistOffer Offer, WaitlistEntry Entry, Treatment Treatment, string PractitionerName, DateTime LocalStart, DateTime LocalExpiry, bool ClaimedBookingCancelled = false);

/// <summary>Staff's view of one day: who waits for it (join order) and the offers of times on it.</summary>
public sealed record WaitlistDay(DateOnly Date, IReadOnlyList<WaitlistDayEntry> Entries, IReadOnlyList<WaitlistDayOffer> Offers, IReadOnlyList<(int Id, string Name)> Practitioners);

public sealed record WaitlistDayEntry(WaitlistEntry Entry, string TreatmentName, string? PractitionerName, DateTime LocalJoined);

public sealed record WaitlistDayOffer(WaitlistOffer Offer, string PatientName, string TreatmentName, string PractitionerName, DateTime LocalStart, DateTime LocalExpiry);
