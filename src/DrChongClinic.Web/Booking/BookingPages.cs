using DrChongClinic.Domain.Booking;

namespace DrChongClinic.Web.Booking;

/// <param name="Price">"RM 150.00" or "From RM 300.00"; null when the clinic publishes no price.</param>
public sealed record TreatmentOption(string Code, string Name, int DurationMinutes, string? Price = null, string? Included = null);

/// <summary>A doctor to choose, with the address of their public page.</summary>
public sealed record PractitionerOption(string Value, string Name, string? PageUrl = null);

/// <summary>A date with free times, as a link that shows them (and, with JavaScript, loads them in place).</summary>
public sealed record DayOption(string Value, string DayName, string DayAndMonth, int FreeCount, string Url, bool Selected);

/// <summary>A free start time; <see cref="DayLabel"/> is set when a list spans several days.</summary>
public sealed record TimeOption(string Value, string Label, string? DayLabel = null);

/// <summary>The time radio buttons, shared by the booking page, the "just taken" page and the manage page.</summary>
public sealed record TimeChoices(string Legend, IReadOnlyList<TimeOption> Times, string? Selected, string? Error, string? EmptyMessage, string? SlotsUrl);

/// <summary>A text field with its label, hint and error, tied together for screen readers.</summary>
public sealed record FieldModel(
    string Name,
    string Label,
    string? Value,
    string? Error,
    int MaxLength,
    string Type = "text",
    string? Hint = null,
    string? Autocomplete = null,
    string? InputMode = null,
    bool Required = true,
    bool Multiline = false);

/// <summary>The booking page (/book, /ms/tempah), also shown again with errors and as the "just taken" page.</summary>
public sealed class BookingPage
{
    public required string Language { get; init; }

    public required string BookUrl { get; init; }

    public required IReadOnlyList<TreatmentOption> Treatments { get; init; }

    public required IReadOnlyList<PractitionerOption> Practitioners { get; init; }

    /// <summary>True when at least one active doctor is recorded as female: then "any female doctor" is offered.</summary>
    public bool OffersFemaleDoctor { get; init; }

    public required string MinDate { get; init; }

    public required string MaxDate { get; init; }

    public required string MaxDateLabel { get; init; }

    public required BookingForm Form { get; init; }

    /// <summary>Until how many hours before the appointment a patient may change or cancel online (Booking:PatientChangeCutoff).</summary>
    public required int CutoffHours { get; init; }

    /// <summary>The consultation's price ("RM 80.00"), shown before booking; null when not published.</summary>
    public string? ConsultationFee { get; init; }

    /// <summary>Version of the privacy notice shown next to the consent box.</summary>
    public required string NoticeVersion { get; init; }

    public TreatmentOption? Treatment { get; set; }

    public string Practitioner { get; set; } = BookingInput.AnyPractitioner;

    public string PractitionerName { get; set; } = "";

    public DateOnly? Date { get; set; }

    public string? DateLabel { get; set; }

    public IReadOnlyList<DayOption> Days { get; set; } = [];

    public IReadOnlyList<TimeOption> Times { get; set; } = [];

    /// <summary>JSON address for the free times of a date (with treatment and practitioner), used by booking.js.</summary>
    public string? SlotsUrl { get; set; }

    /// <summary>Field name → message, shown next to the field and in the summary at the top of the form.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>A problem with the choices in the address (step 1 or 2), e.g. an unknown treatment or a malformed date.</summary>
    public string? ChoiceProblem { get; set; }

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>The time that was just taken, for the 409 page.</summary>
    public string? TakenLabel { get; set; }

    public int CurrentStep => Treatment is null ? 1 : Date is null ? 2 : 3;

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public string DayUrl(DateOnly date) =>
        $"{BookUrl}?treatment={Uri.EscapeDataString(Treatment?.Code ?? "")}&practitioner={Practitioner}&date={BookingInput.Date(date)}#times";
}

/// <summary>The private manage page of one booking (/book/manage/{token}, /ms/tempah/urus/{token}).</summary>
public sealed class ManagePage
{
    public required string Language { get; init; }

    public required string Token { get; init; }

    public required string PageUrl { get; init; }

    public required string AbsoluteUrl { get; init; }

    public required string Reference { get; init; }

    public required AppointmentStatus Status { get; init; }

    public required string TreatmentName { get; init; }

    public required string PractitionerName { get; init; }

    public required string DateLabel { get; init; }

    public required string TimeLabel { get; init; }

    public required string PatientName { get; init; }

    public required string? PatientEmail { get; init; }

    public required string PatientPhone { get; init; }

    public string? PatientNotes { get; init; }

    public required bool CanChange { get; init; }

    public required int CutoffHours { get; init; }

    public required string ClinicPhone { get; init; }

    /// <summary>The .ics download ("Add to calendar").</summary>
    public required string CalendarFileUrl { get; init; }

    /// <summary>A Google Calendar "add event" link with the appointment filled in (no manage link in it).</summary>
    public required string GoogleCalendarUrl { get; init; }

    /// <summary>WhatsApp chat with the clinic, the booking reference typed in; null when the clinic has no WhatsApp number set.</summary>
    public string? WhatsAppUrl { get; init; }

    /// <summary>The WhatsApp message the footer link types in on this page (it names the booking reference).</summary>
    public required string WhatsAppText { get; init; }

    /// <summary>"booked", "cancelled" or "rescheduled" right after that happened (POST, redirect, GET).</summary>
    public string? Done { get; init; }

    public bool IsActive => Status is AppointmentStatus.Requested or AppointmentStatus.Confirmed;

    public string MinDate { get; set; } = "";

    public string MaxDate { get; set; } = "";

    public IReadOnlyList<DayOption> Days { get; set; } = [];

    public DateOnly? Date { get; set; }

    public string? DateChoiceLabel { get; set; }

    public IReadOnlyList<TimeOption> Times { get; set; } = [];

    public string? SelectedSlot { get; set; }

    public string? SlotError { get; set; }

    public string? DateProblem { get; set; }

    /// <summary>
    /// For a session of a booked course: the course page, where it moves (only to dates that keep the weeks between
    /// sessions), and its session number. The manage page then offers no times of its own.
    /// </summary>
    public string? CourseMoveUrl { get; set; }

    public int CourseSession { get; set; }

    public string? CancelReason { get; set; }

    public string? CancelError { get; set; }

    /// <summary>A message about the whole booking, e.g. "too late to change online" or "that time was just taken".</summary>
    public string? Problem { get; set; }

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string DayUrl(DateOnly date) => $"{PageUrl}?date={BookingInput.Date(date)}#reschedule";
}

/// <summary>The friendly page for a manage link that is unknown, malformed or expired.</summary>
/// <param name="Waitlist">A waitlist link (leave or offer) rather than a booking's manage link.</param>
public sealed record LinkNotFoundPage(string Language, string ClinicPhone, bool Waitlist = false)
{
    public string TitleKey => Waitlist ? "Waitlist_LinkNotFound_Title" : "Booking_LinkNotFound_Title";

    public string TextKey => Waitlist ? "Waitlist_LinkNotFound_Text" : "Booking_LinkNotFound_Text";
}
