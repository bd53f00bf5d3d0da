namespace DrChongClinic.Application.Waitlist;

/// <summary>The waitlist's rules from configuration section "Waitlist".</summary>
public sealed class WaitlistOptions
{
    public const string Section = "Waitlist";

    /// <summary>How long a patient has to claim an offered time (never past the time itself).</summary>
    public TimeSpan OfferValidFor { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many waiting patients are offered one free time at once; the first to claim gets it.</summary>
    public int OffersPerTime { get; set; } = 3;

    /// <summary>Open waitlist entries one email address (one mailbox) may hold.</summary>
    public int MaxActiveEntriesPerEmail { get; set; } = 3;

    /// <summary>Open waitlist entries one phone number may hold.</summary>
    public int MaxActiveEntriesPerPhone { get; set; } = 3;

    /// <summary>How often the waitlist pass looks for freed times, expired offers and emails to send.</summary>
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many offers are made in one pass (the rest in the next), so one pass stays short.</summary>
    public int MaxOffersPerPass { get; set; } = 200;

    public bool IsValid =>
        OfferValidFor > TimeSpan.Zero && OffersPerTime >= 1 && MaxActiveEntriesPerEmail >= 1 && MaxActiveEntriesPerPhone >= 1
        && PassInterval > TimeSpan.Zero && MaxOffersPerPass >= 1;
}
