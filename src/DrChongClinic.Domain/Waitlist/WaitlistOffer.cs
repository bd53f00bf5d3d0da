namespace DrChongClinic.Domain.Waitlist;

public enum WaitlistOfferStatus
{
    /// <summary>Sent; the patient may claim it until it expires.</summary>
    Open = 0,

    /// <summary>The patient booked the time with it.</summary>
    Claimed = 1,

    /// <summary>Someone else took the time (another claimer, staff, the public form) or it stopped being free.</summary>
    Gone = 2,

    /// <summary>Not claimed in time.</summary>
    Expired = 3,
}

/// <summary>
/// One free time offered to one waiting patient by email, claimable until <see cref="ExpiresAtUtc"/>. Several patients
/// may hold offers of the same time; the booking's unique diary cells decide who gets it.
/// </summary>
public sealed class WaitlistOffer
{
    private WaitlistOffer()
    {
    }

    public int Id { get; private set; }

    public int EntryId { get; private set; }

    public WaitlistEntry? Entry { get; private set; }

    public int PractitionerId { get; private set; }

    public DateTime StartUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public WaitlistOfferStatus Status { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Staff member who offered it by hand; null when the waitlist pass did.</summary>
    public string? OfferedBy { get; private set; }

    /// <summary>SHA-256 of the claim-link token.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The claim-link token encrypted with the app's keys, for the email.</summary>
    public string ProtectedToken { get; private set; } = "";

    /// <summary>The booking's submission id: a second click on "book" returns the same booking.</summary>
    public Guid SubmissionId { get; private set; }

    public int? AppointmentId { get; private set; }

    /// <summary>Concurrency token (changed on each save).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public static WaitlistOffer Make(
        WaitlistEntry entry, int practitionerId, DateTime startUtc, TimeSpan validFor, DateTime nowUtc, string tokenHash, string protectedToken, string? offeredBy)
    {
        var latest = startUtc < nowUtc + validFor ? startUtc : nowUtc + validFor;
        return new WaitlistOffer
        {
            Entry = entry,
            PractitionerId = practitionerId,
            StartUtc = startUtc,
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = latest,
            Status = WaitlistOfferStatus.Open,
            OfferedBy = offeredBy,
            TokenHash = tokenHash,
            ProtectedToken = protectedToken,
            SubmissionId = Guid.NewGuid(),
        };
    }

    /// <summary>Open and not yet run out.</summary>
    public bool IsClaimable(DateTime nowUtc) => Status == WaitlistOfferStatus.Open && nowUtc < ExpiresAtUtc;

    public bool Claimed(int appointmentId, DateTime nowUtc)
    {
        if (Status is not (WaitlistOfferStatus.Open or WaitlistOfferStatus.Expired or WaitlistOfferStatus.Gone))
        {
            return false;
        }

        // The booking is made (the database said so): that wins over an expiry or "gone" marked a moment before.
        Status = WaitlistOfferStatus.Claimed;
        AppointmentId = appointmentId;
        ClosedAtUtc = nowUtc;
        return true;
    }

    /// <summary>The time has gone to someone else; true when this changed the offer.</summary>
    public bool MarkGone(DateTime nowUtc) => Close(WaitlistOfferStatus.Gone, nowUtc);

    /// <summary>Expires an open offer whose time is up; true when it did.</summary>
    public bool ExpireIfDue(DateTime nowUtc) => nowUtc >= ExpiresAtUtc && Close(WaitlistOfferStatus.Expired, nowUtc);

    private bool Close(WaitlistOfferStatus status, DateTime nowUtc)
    {
        if (Status != WaitlistOfferStatus.Open)
        {
            return false;
        }

        Status = status;
        ClosedAtUtc = nowUtc;
        return true;
    }
}
