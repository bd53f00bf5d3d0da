namespace DrChongClinic.Domain.Auditing;

/// <summary>
/// A record of something staff did outside a booking's own history: schedule changes, account
/// changes, patient data exports and erasures. Never holds patient personal data in clear.
/// </summary>
public sealed class AuditEntry
{
    public int Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Staff user name, or "system".</summary>
    public required string Actor { get; set; }

    /// <summary>Short verb phrase, e.g. "closure.created".</summary>
    public required string Action { get; set; }

    /// <summary>What it applied to, e.g. "Treatment 3" or "Appointment ABCD2345".</summary>
    public string? Subject { get; set; }

    public string? Details { get; set; }
}
