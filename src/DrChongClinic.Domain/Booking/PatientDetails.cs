namespace DrChongClinic.Domain.Booking;

/// <summary>Who the appointment is for. Personal data: never logged.</summary>
public sealed class PatientDetails
{
    public required string Name { get; set; }

    /// <summary>Null for a phone-in booking without an address: the patient then gets no emails (the clinic inbox still does).</summary>
    public required string? Email { get; set; }

    /// <summary>Mobile number in E.164 form, e.g. +60123456789 or +6591234567 (see Application PatientPhone).</summary>
    public required string Phone { get; set; }

    public string? Notes { get; set; }

    /// <summary>"en" or "ms": language of the emails and manage page.</summary>
    public string Language { get; set; } = ClinicLanguage.EnglishCode;
}
