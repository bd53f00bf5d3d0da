namespace DrChongClinic.Domain.Booking;

public enum AppointmentStatus
{
    /// <summary>Booked online, waiting for staff to confirm.</summary>
    Requested = 0,
    Confirmed = 1,
    Completed = 2,
    NoShow = 3,
    Cancelled = 4,
}

public enum ChangedBy
{
    Patient = 0,
    Staff = 1,
    System = 2,
}
