namespace DrChongClinic.Domain.Booking;

/// <summary>Who the appointment is for. Personal data: never logged.</summary>
public sealed class PatientDetails
{
    public required string Name { get; set; }

    private string? _email;

    /// <summary>Null for a phone-in booking without an address: the patient then gets no emails (the clinic inbox still does).</summary>
    public required string? Email
    {
        get => _email;
        set
        {
            _email = value;
            Mailbox = value is null ? null : MailboxKey.Of(value);
        }
    }

    /// <summary>
    /// The mailbox <see cref="Email"/> reaches (<see cref="MailboxKey.Of"/>), kept beside it so the booking caps find a
    /// patient's bookings through an index instead of reading every booking at the same email domain.
    /// </summary>
    public string? Mailbox { get; private set; }

    /// <summary>Mobile number in E.164 form, e.g. +60123456789 or +6591234567 (see Application PatientPhone).</summary>
    public required string Phone { get; set; }

    public string? Notes { get; set; }

    /// <summary>"en" or "ms": language of the emails and manage page.</summary>
    public string Language { get; set; } = ClinicLanguage.EnglishCode;
}
