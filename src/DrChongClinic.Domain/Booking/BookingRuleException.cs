namespace DrChongClinic.Domain.Booking;

/// <summary>The reasons the clinic's rules refuse a change. Each has a localized message in the web layer.</summary>
public enum BookingRule
{
    NotAllowedInCurrentStatus,
    TooLateForPatientToChange,
    AppointmentNotYetStarted,
    SlotNotAvailable,
    ReasonRequired,

    /// <summary>The patient's data was erased (PDPA): nothing about the patient may be written to the booking again.</summary>
    PatientDataErased,
}

/// <summary>Thrown by guarded methods when a change would break a booking rule.</summary>
public sealed class BookingRuleException(BookingRule rule, string message) : InvalidOperationException(message)
{
    public BookingRule Rule { get; } = rule;
}
