namespace DrChongClinic.Domain.Booking;

/// <summary>The clinic's booking settings (from configuration section "Booking").</summary>
public sealed class BookingPolicy
{
    /// <summary>Minutes between possible start times, e.g. 15 gives 09:00, 09:15, ...</summary>
    public int SlotGridMinutes { get; set; } = 15;

    /// <summary>How long before a slot a patient must book at the latest.</summary>
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many days ahead patients may book.</summary>
    public int HorizonDays { get; set; } = 60;

    /// <summary>Patients may cancel or reschedule online until this long before the appointment.</summary>
    public TimeSpan PatientChangeCutoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When true, online bookings start as Requested and staff confirm them.</summary>
    public bool OnlineBookingsNeedConfirmation { get; set; }

    /// <summary>How long a manage link works after the appointment time.</summary>
    public TimeSpan ManageLinkLifetimeAfterAppointment { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The clinic's time zone id (IANA).</summary>
    public string TimeZone { get; set; } = "Asia/Kuala_Lumpur";
}
