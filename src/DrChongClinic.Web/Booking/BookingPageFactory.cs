using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Booking;

/// <summary>Builds the booking and manage pages' view models from the database and the current language.</summary>
public sealed class BookingPageFactory(SlotFinder slots, ClinicClock clock, IStringLocalizer<SharedResource> t, IOptions<ClinicDetails> clinic, IOptions<PrivacyOptions> privacy)
{
    /// <summary>How many dates with free times the date step lists.</summary>
    public const int DaysListed = 14;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>
    /// The booking page for the given choices. Choices that cannot be used (unknown treatment or doctor, a malformed
    /// date or one outside the booking window) are dropped with a message and a 400 status.
    /// </summary>
    public async Task<BookingPage> BookingPageAsync(BookingForm form, string? date, CancellationToken cancellationToken)
    {
        var language = ClinicLanguage.Current.Code;
        var treatments = await slots.ActiveTreatmentsAsync(cancellationToken);
        var practitioners = await slots.ActivePractitionersAsync(cancellationToken);
        var page = new BookingPage
        {
            Language = language,
            BookUrl = BookingLinks.Book(language),
            Treatments = treatments.Select(x => new TreatmentOption(x.Code, x.Name(language), x.DurationMinutes)).ToList(),
            Practitioners = practitioners.Select(p => new PractitionerOption(BookingInput.Practitioner(p.Id), p.Name)).ToList(),
            MinDate = BookingInput.Date(slots.Today),
            MaxDate = BookingInput.Date(slots.LastBookableDay),
            MaxDateLabel = LongDate(slots.LastBookableDay),
            Form = form,
            NoticeVersion = privacy.Value.NoticeVersion,
            PractitionerName = t["Booking_AnyDoctor"],
        };

        var treatment = treatments.FirstOrDefault(x => x.Code == form.Treatment);
        if (treatment is null)
        {
            if (!string.IsNullOrEmpty(form.Treatment))
            {
                Refuse(page, "Booking_Error_TreatmentUnknown");
            }

            return page;
        }

        page.Treatment = page.Treatments.Single(x => x.Code == treatment.Code);
        if (!BookingInput.TryParsePractitioner(form.Practitioner, out var practitionerId) ||
            (practitionerId is not null && practitioners.All(p => p.Id != practitionerId)))
        {
            Refuse(page, "Booking_Error_PractitionerUnknown");
            practitionerId = null;
        }

        page.Practitioner = BookingInput.Practitioner(practitionerId);
        page.PractitionerName = practitioners.FirstOrDefault(p => p.Id == practitionerId)?.Name ?? t["Booking_AnyDoctor"];
        page.SlotsUrl = $"{BookingLinks.Slots(language)}?treatment={Uri.EscapeDataString(treatment.Code)}&practitioner={page.Practitioner}";

        var search = SlotSearch.For(treatment, practitionerId);
        var chosen = ChosenDate(page, date);
        page.Days = (await slots.DaysWithFreeSlotsAsync(search, DaysListed, cancellationToken))
            .Select(d => Day(d, page.DayUrl(d.Date), d.Date == chosen))
            .ToList();
        if (chosen is { } day)
        {
            page.Date = day;
            page.DateLabel = LongDate(day);
            page.Times = (await slots.FreeSlotsAsync(search, day, cancellationToken)).Select(Time).ToList();
        }

        return page;
    }

    /// <summary>The "just taken" page: what the patient typed, with the nearest free times.</summary>
    public async Task<BookingPage> TakenPageAsync(BookingForm form, IReadOnlyList<FreeSlot> nearest, CancellationToken cancellationToken)
    {
        var page = await BookingPageAsync(form, null, cancellationToken);
        page.Times = nearest.Select(s => Time(s) with { DayLabel = LongDate(s.Date) }).ToList();
        page.StatusCode = StatusCodes.Status409Conflict;
        if (BookingInput.TryParseSlot(form.Slot, out var date, out var time))
        {
            page.TakenLabel = string.Format(Culture, t["Booking_Taken_When"], TimeLabel(time), LongDate(date));
            page.Date = date;
        }

        return page;
    }

    public async Task<ManagePage> ManagePageAsync(AppointmentDetails details, string token, string? date, string? done, CancellationToken cancellationToken)
    {
        var language = ClinicLanguage.Current.Code;
        var appointment = details.Appointment;
        var localStart = clock.ToLocal(appointment.StartUtc);
        var path = BookingLinks.Manage(language, token);
        var page = new ManagePage
        {
            Language = language,
            Token = token,
            PageUrl = path,
            AbsoluteUrl = clinic.Value.PublicBaseUrl.TrimEnd('/') + path,
            Reference = ClinicText.Reference(appointment.Reference),
            Status = appointment.Status,
            TreatmentName = details.Treatment.Name(language),
            PractitionerName = details.PractitionerName,
            DateLabel = LongDate(DateOnly.FromDateTime(localStart)),
            TimeLabel = TimeLabel(TimeOnly.FromDateTime(localStart)),
            PatientName = appointment.Patient.Name,
            PatientEmail = appointment.Patient.Email,
            PatientPhone = MalaysianMobileNumber.Display(appointment.Patient.Phone),
            PatientNotes = appointment.Patient.Notes,
            CanChange = appointment.PatientMayChange(slots.NowUtc, slots.Policy),
            CutoffHours = (int)Math.Round(slots.Policy.PatientChangeCutoff.TotalHours),
            ClinicPhone = clinic.Value.Phone,
            Done = done is "booked" or "cancelled" or "rescheduled" ? done : null,
        };

        if (!page.CanChange)
        {
            return page;
        }

        page.MinDate = BookingInput.Date(slots.Today);
        page.MaxDate = BookingInput.Date(slots.LastBookableDay);
        var search = SlotSearch.ToMove(appointment);
        DateOnly? chosen = null;
        if (!string.IsNullOrEmpty(date))
        {
            if (!BookingInput.TryParseDate(date, out var parsed))
            {
                page.DateProblem = t["Booking_Error_DateInvalid"];
                page.StatusCode = StatusCodes.Status400BadRequest;
            }
            else if (parsed < slots.Today || parsed > slots.LastBookableDay)
            {
                page.DateProblem = string.Format(Culture, t["Booking_Error_DateOutsideWindow"], LongDate(slots.Today), LongDate(slots.LastBookableDay));
                page.StatusCode = StatusCodes.Status400BadRequest;
            }
            else
            {
                chosen = parsed;
            }
        }

        page.Days = (await slots.DaysWithFreeSlotsAsync(search, DaysListed, cancellationToken))
            .Select(d => Day(d, page.DayUrl(d.Date), d.Date == chosen))
            .ToList();
        if (chosen is { } day)
        {
            page.Date = day;
            page.DateChoiceLabel = LongDate(day);
            page.Times = (await slots.FreeSlotsAsync(search, day, cancellationToken)).Select(Time).ToList();
        }

        return page;
    }

    public LinkNotFoundPage LinkNotFound() => new(ClinicLanguage.Current.Code, clinic.Value.Phone);

    /// <summary>The JSON answer for a date's free times (booking.js).</summary>
    public object SlotsJson(DateOnly date, IReadOnlyList<FreeSlot> free) => new
    {
        date = BookingInput.Date(date),
        heading = string.Format(Culture, t["Booking_TimesOn"], LongDate(date)),
        times = free.Select(Time).Select(x => new { value = x.Value, label = x.Label }).ToList(),
        message = free.Count == 0 ? t["Booking_NoTimesThatDay"].Value : null,
    };

    public string LongDate(DateOnly date) => ClinicText.LongDate(date, ClinicLanguage.Current);

    public static string TimeLabel(TimeOnly time) => ClinicText.Time(time, ClinicLanguage.Current);

    /// <summary>Message for a refusal by the booking service.</summary>
    public string Message(BookingProblem problem) => problem switch
    {
        BookingProblem.UnknownTreatment => t["Booking_Error_TreatmentUnknown"],
        BookingProblem.UnknownPractitioner => t["Booking_Error_PractitionerUnknown"],
        BookingProblem.DateInPast => t["Booking_Error_DateInPast"],
        BookingProblem.BeyondHorizon => string.Format(Culture, t["Booking_Error_BeyondHorizon"], LongDate(slots.LastBookableDay)),
        BookingProblem.OffGrid => t["Booking_Error_OffGrid"],
        BookingProblem.TooSoon => string.Format(Culture, t["Booking_Error_TooSoon"], (int)Math.Ceiling(slots.Policy.MinimumNotice.TotalHours)),
        BookingProblem.NotOffered => t["Booking_Error_NotOffered"],
        BookingProblem.SlotTaken => t["Booking_Error_SlotTaken"],
        BookingProblem.SubmissionAlreadyUsed => t["Booking_Error_SubmissionUsed"],
        BookingProblem.NotAllowedInCurrentStatus => t["Booking_Error_NotAllowed"],
        BookingProblem.TooLateToChange => string.Format(Culture, t["Booking_Error_TooLate"], (int)Math.Round(slots.Policy.PatientChangeCutoff.TotalHours), clinic.Value.Phone),
        BookingProblem.ChangedMeanwhile => t["Booking_Error_ChangedMeanwhile"],
        _ => t["Booking_Error_NotOffered"],
    };

    private DateOnly? ChosenDate(BookingPage page, string? date)
    {
        if (string.IsNullOrEmpty(date))
        {
            return BookingInput.TryParseSlot(page.Form.Slot, out var slotDate, out _) && slotDate >= slots.Today && slotDate <= slots.LastBookableDay
                ? slotDate
                : null;
        }

        if (!BookingInput.TryParseDate(date, out var parsed))
        {
            Refuse(page, "Booking_Error_DateInvalid");
            return null;
        }

        if (parsed < slots.Today || parsed > slots.LastBookableDay)
        {
            page.ChoiceProblem = string.Format(Culture, t["Booking_Error_DateOutsideWindow"], LongDate(slots.Today), LongDate(slots.LastBookableDay));
            page.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        return parsed;
    }

    private void Refuse(BookingPage page, string key)
    {
        page.ChoiceProblem = t[key];
        page.StatusCode = StatusCodes.Status400BadRequest;
    }

    private DayOption Day(FreeDay day, string url, bool selected) => new(
        BookingInput.Date(day.Date),
        ClinicText.Weekday(day.Date, ClinicLanguage.Current),
        ClinicText.DayAndMonth(day.Date, ClinicLanguage.Current),
        day.FreeCount,
        url,
        selected);

    private static TimeOption Time(FreeSlot slot) => new(BookingInput.Slot(slot.LocalStart), TimeLabel(slot.Time));
}
