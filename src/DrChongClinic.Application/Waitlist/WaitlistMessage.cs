using DrChongClinic.Application.Email;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;

namespace DrChongClinic.Application.Waitlist;

public enum WaitlistEmailKind
{
    /// <summary>"You are on the waitlist", with the leave link.</summary>
    Joined = 0,

    /// <summary>A free time with its claim link, valid until the offer expires.</summary>
    Offer = 1,

    /// <summary>The offered time went to someone else; the patient stays in line.</summary>
    Gone = 2,
}

/// <summary>
/// The waitlist's outbox: an email about a waitlist entry, written in the same SaveChanges as the change that causes it
/// and sent later by <see cref="WaitlistPass"/> (claimed with one conditional UPDATE, retried with backoff, like the
/// booking outbox). Kept apart from <see cref="OutboxMessage"/>, whose rows belong to an appointment.
/// </summary>
public sealed class WaitlistMessage : IQueuedEmail
{
    public int Id { get; set; }

    public WaitlistEmailKind Kind { get; set; }

    public int EntryId { get; set; }

    public WaitlistEntry? Entry { get; set; }

    public int? OfferId { get; set; }

    public WaitlistOffer? Offer { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime DueAtUtc { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>What the mail server said on the last failed try; no personal data.</summary>
    public string? LastError { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public static WaitlistMessage About(WaitlistEntry entry, WaitlistEmailKind kind, DateTime nowUtc, WaitlistOffer? offer = null) => new()
    {
        Kind = kind,
        Entry = entry,
        Offer = offer,
        CreatedAtUtc = nowUtc,
        DueAtUtc = nowUtc,
        Status = OutboxStatus.Pending,
    };
}

/// <summary>Everything a waitlist email says. Nothing the patient typed goes into it (only the address it is sent to).</summary>
/// <param name="LeaveToken">The leave link's token (null when the keys are gone: the email then has no leave link).</param>
/// <param name="ClaimToken">With an offer: the claim link's token.</param>
/// <param name="PractitionerName">The offered time's doctor, or the doctor the entry waits for (null: any doctor).</param>
public sealed record WaitlistEmailFacts(
    WaitlistMessage Message,
    WaitlistEntry Entry,
    Treatment Treatment,
    string? PractitionerName,
    WaitlistOffer? Offer,
    string? LeaveToken,
    string? ClaimToken);

/// <summary>Writes and sends a waitlist email (Infrastructure); throws like <see cref="IEmailSender"/>.</summary>
public interface IWaitlistEmailSender
{
    TimeSpan SendTimeout { get; }

    Task SendAsync(WaitlistEmailFacts facts, CancellationToken cancellationToken);
}
