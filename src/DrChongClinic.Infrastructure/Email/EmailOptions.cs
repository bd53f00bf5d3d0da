using DrChongClinic.Domain;
using MailKit.Security;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// Configuration section "Email": where mail goes. How the outbox retries and when reminders go out is
/// Application's OutboxOptions, from the same section.
/// With no <see cref="Host"/> (a developer's machine) messages are written as .eml files to <see cref="PickupFolder"/>.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server name. Empty: write .eml files instead of sending.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>SMTP user name; empty means the server needs no sign-in.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address. Empty: the clinic's public address (Clinic:Email).</summary>
    public string? From { get; set; }

    /// <summary>Sender display name. Empty: the clinic's name in the message's language.</summary>
    public string? FromName { get; set; }

    /// <summary>Receives a notice for each new booking. Empty: the clinic's public address (Clinic:Email).</summary>
    public string? ClinicInbox { get; set; }

    /// <summary>Language of the notices to the clinic's inbox: "en" or "ms".</summary>
    public string ClinicInboxLanguage { get; set; } = ClinicLanguage.EnglishCode;

    /// <summary>Folder for .eml files when no Host is set; relative paths are under the content root.</summary>
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>Seconds to wait for the SMTP server before a try counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
