namespace DrChongClinic.Domain.Booking;

/// <summary>One line of an appointment's history: who did what, when.</summary>
public sealed class AppointmentChange
{
    public int Id { get; set; }

    public int AppointmentId { get; set; }

    public DateTime AtUtc { get; set; }

    public ChangedBy By { get; set; }

    /// <summary>Staff user name when By is Staff; never patient data.</summary>
    public string? Actor { get; set; }

    public required string What { get; set; }
}
