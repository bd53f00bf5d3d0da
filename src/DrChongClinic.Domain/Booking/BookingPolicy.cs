namespace DrChongClinic.Domain.Booking;

/// <summary>
/// The clinic's booking settings (configuration section "Booking", described in docs/booking.md).
/// Local dates and times are the clinic's (<see cref="TimeZone"/>); instants are UTC.
/// </summary>
public sealed class BookingPolicy
{
    public const string Section = "Booking";

    /// <summary>Minutes between possible start times, counted from midnight: 15 gives 09:00, 09:15, ...</summary>
    public int SlotGridMinutes { get; set; } = 15;

    /// <summary>How long before a slot a patient must book at the latest.</summary>
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many days ahead patients may book: today plus this many days.</summary>
    public int HorizonDays { get; set; } = 60;

    /// <summary>Patients may cancel or reschedule online until this long before the appointment.</summary>
    public TimeSpan PatientChangeCutoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When true, online bookings start as Requested and staff confirm them.</summary>
    public bool OnlineBookingsNeedConfirmation { get; set; }

    /// <summary>How many times a patient may move one booking through the manage link (staff are not limited).</summary>
    public int MaxPatientReschedules { get; set; } = 3;

    /// <summary>How many active (requested or confirmed) future bookings one email address may hold from the public form.</summary>
    public int MaxActiveBookingsPerEmail { get; set; } = 3;

    /// <summary>How many active future bookings one phone number may hold from the public form.</summary>
    public int MaxActiveBookingsPerPhone { get; set; } = 3;

    /// <summary>How long a manage link works after the appointment time.</summary>
    public TimeSpan ManageLinkLifetimeAfterAppointment { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The clinic's time zone id (IANA), in which times are shown and entered.</summary>
    public string TimeZone { get; set; } = "Asia/Kuala_Lumpur";

    public TimeZoneInfo ClinicTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The clinic's calendar date at <paramref name="nowUtc"/>.</summary>
    public DateOnly Today(DateTime nowUtc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, ClinicTimeZone()));

    /// <summary>The last date patients may book on.</summary>
    public DateOnly LastBookableDay(DateTime nowUtc) => Today(nowUtc).AddDays(HorizonDays);

    /// <summary>The booking window: true for <paramref name="today"/> (the clinic's date) up to its last bookable day.</summary>
    public bool IsBookable(DateOnly date, DateOnly today) => date >= today && date <= today.AddDays(HorizonDays);

    /// <summary>These settings with a longer booking window: course sessions may lie beyond the horizon of a single booking.</summary>
    public BookingPolicy WithHorizon(int horizonDays)
    {
        var copy = (BookingPolicy)MemberwiseClone();
        copy.HorizonDays = Math.Max(HorizonDays, horizonDays);
        return copy;
    }

    /// <summary>What is wrong with these settings, in words for whoever edits the configuration; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SlotGridMinutes < AppointmentSlot.CellMinutes || SlotGridMinutes > 240 || SlotGridMinutes % AppointmentSlot.CellMinutes != 0)
        {
            problems.Add($"Booking:SlotGridMinutes must be a multiple of {AppointmentSlot.CellMinutes} between {AppointmentSlot.CellMinutes} and 240.");
        }

        if (MinimumNotice < TimeSpan.Zero)
        {
            problems.Add("Booking:MinimumNotice cannot be negative.");
        }

        if (HorizonDays is < 1 or > 366)
        {
            problems.Add("Booking:HorizonDays must be between 1 and 366.");
        }

        if (MaxPatientReschedules < 0 || MaxActiveBookingsPerEmail < 1 || MaxActiveBookingsPerPhone < 1)
        {
            problems.Add("Booking:MaxPatientReschedules must be 0 or more; Booking:MaxActiveBookingsPerEmail and Booking:MaxActiveBookingsPerPhone at least 1.");
        }

        if (PatientChangeCutoff < TimeSpan.Zero)
        {
            problems.Add("Booking:PatientChangeCutoff cannot be negative.");
        }

        if (ManageLinkLifetimeAfterAppointment < TimeSpan.Zero)
        {
            problems.Add("Booking:ManageLinkLifetimeAfterAppointment cannot be negative.");
        }

        try
        {
            ClinicTimeZone();
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            problems.Add($"Booking:TimeZone '{TimeZone}' is not a time zone known on this machine.");
        }

        return problems;
    }
}
