namespace DrChongClinic.Application.Email;

/// <summary>
/// The outbox's rules from configuration section "Email": how often it runs, how it retries, when reminders go out.
/// Where mail goes (server, sign-in, sender) is Infrastructure's EmailOptions, from the same section.
/// </summary>
public sealed class OutboxOptions
{
    public const string Section = "Email";

    /// <summary>How often the outbox looks for due messages and reminders.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries per message before it is marked Failed for staff to see.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failed try; doubled after each further failure (at most 6 hours).</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Emails to one patient address (one mailbox, see MailboxKey) in any 24 hours; beyond it a message is Held for staff.
    /// The clinic's own notices are not counted.
    /// </summary>
    public int MaxPerRecipientPerDay { get; set; } = 10;

    /// <summary>How long before an appointment its reminder is sent.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);
}
