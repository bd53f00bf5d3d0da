using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Booking;

/// <summary>Builds the booking and manage pages' view models from the database and the current language.</summary>
public sealed class BookingPageFactory(SlotFinder slots, BookingChoiceFinder finder, ClinicClock clock, IStringLocalizer<SharedResource> t, IOptions<ClinicDetails> clinic, IOptions<PrivacyOptions> privacy)
{
    /// <summary>The treatment whose price is the consultation fee.</summary>
    public const string ConsultationCode = SitePaths.ConsultationCode;

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
        var choices = await finder.FindAsync(form.Choices(date), DaysListed, cancellationToken);
        var page = new BookingPage
        {
            Language = language,
            BookUrl = SitePaths.Book(language),
            Treatments = choices.Treatments
                .Select(x => new TreatmentOption(x.Code, x.Name(language), x.DurationMinutes, TreatmentPrice.Text(x, ClinicLanguage.Of(language)), x.Included(language)))
                .ToList(),
            ConsultationFee = choices.Treatments.FirstOrDefault(x => x.Code == ConsultationCode) is { } consultation
                ? TreatmentPrice.Text(consultation, ClinicLanguage.Of(language))
                : null,
            Practitioners = choices.Practitioners.Select(p => new PractitionerOption(BookingInput.Practitioner(p.Id), p.Name, SitePaths.Doctor(language, p.Slug))).ToList(),
            OffersFemaleDoctor = choices.Practitioners.Any(p => p.Gender == PractitionerGender.Female),
            MinDate = BookingInput.Date(choices.Today),
            MaxDate = BookingInput.Date(choices.LastBookableDay),
            MaxDateLabel = LongDate(choices.LastBookableDay),
            Form = form,
            CutoffHours = CutoffHours,
            NoticeVersion = privacy.Value.NoticeVersion,
            PractitionerName = t["Booking_AnyDoctor"],
            ChoiceProblem = ChoiceMessage(choices),
        };
        page.StatusCode = page.ChoiceProblem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        page.Practitioner = BookingInput.Practitioner(choices.PractitionerId, choices.Gender);
        if (choices.Treatment is not { } treatment)
        {
            return page;
        }

        page.Treatment = page.Treatments.Single(x => x.Code == treatment.Code);
        page.PractitionerName = choices.Practitioners.FirstOrDefault(p => p.Id == choices.PractitionerId)?.Name
            ?? (choices.Gender is PractitionerGender.Female ? t["Booking_AnyFemaleDoctor"] : t["Booking_AnyDoctor"]);
        page.SlotsUrl = $"{SitePaths.Slots(language)}?treatment={Uri.EscapeDataString(treatment.Code)}&practitioner={page.Practitioner}";
        page.Days = choices.Days.Select(d => Day(d, page.DayUrl(d.Date), d.Date == choices.Date)).ToList();
        if (choices.Date is { } day)
        {
            page.Date = day;
            page.DateLabel = LongDate(day);
            page.Times = choices.Times.Select(Time).ToList();
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
        var path = SitePaths.Manage(language, token);
        var whatsAppText = string.Format(Culture, t["WhatsApp_Message_Booking"], ClinicText.Reference(appointment.Reference));
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
            PatientPhone = PatientPhone.Display(appointment.Patient.Phone),
            PatientNotes = appointment.Patient.Notes,
            CanChange = appointment.PatientMayChange(slots.NowUtc, slots.Policy),
            CutoffHours = CutoffHours,
            ClinicPhone = clinic.Value.Phone,
            CalendarFileUrl = SitePaths.CalendarFile(language, token),
            GoogleCalendarUrl = GoogleCalendarLink(details, language),
            WhatsAppText = whatsAppText,
            WhatsAppUrl = clinic.Value.WhatsAppLink(whatsAppText),
            // Only what the booking's state bears out: "?done=cancelled" on an active booking's link says nothing.
            Done = (done, appointment.IsActive) is ("booked" or "rescheduled", true) or ("cancelled", false) ? done : null,
        };

        if (!page.CanChange)
        {
            return page;
        }

        if (IsCourseSession(details))
        {
            page.CourseMoveUrl = SitePaths.Course(language, token);
            page.CourseSession = appointment.CourseSession ?? 0;
            return page;
        }

        page.MinDate = BookingInput.Date(slots.Today);
        page.MaxDate = BookingInput.Date(slots.LastBookableDay);
        var search = SlotSearch.ToMove(appointment);
        DateOnly? chosen = null;
        if (!string.IsNullOrEmpty(date))
        {
            page.DateProblem = DateProblem(date, out var parsed);
            if (page.DateProblem is null)
            {
                chosen = parsed;
            }
            else
            {
                page.StatusCode = StatusCodes.Status400BadRequest;
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

    /// <summary>
    /// A session of a booked course (whose treatment still has its course plan) moves on the course page: the manage
    /// page's own times would include dates that break the weeks between sessions.
    /// </summary>
    public static bool IsCourseSession(AppointmentDetails details) => details.Appointment.CourseId is not null && details.Treatment.Course is not null;

    /// <summary>Hours before the appointment after which the patient can no longer change it online.</summary>
    private int CutoffHours => (int)Math.Round(slots.Policy.PatientChangeCutoff.TotalHours);

    /// <summary>
    /// Google Calendar's "add event" template (calendar.google.com/calendar/render?action=TEMPLATE): title, UTC times,
    /// the clinic's address and the booking reference. Never the manage link: it would end up on Google's servers.
    /// </summary>
    private string GoogleCalendarLink(AppointmentDetails details, string language)
    {
        var appointment = details.Appointment;
        var clinicName = clinic.Value.DisplayName(language);
        var title = string.Format(Culture, t["Booking_Calendar_EventTitle"], details.Treatment.Name(language), clinicName);
        var text = string.Format(Culture, t["Booking_Calendar_EventDetails"], ClinicText.Reference(appointment.Reference), details.PractitionerName, clinic.Value.Phone);
        static string Utc(DateTime instant) => instant.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return "https://calendar.google.com/calendar/render?action=TEMPLATE" +
               $"&text={Uri.EscapeDataString(title)}" +
               $"&dates={Utc(appointment.StartUtc)}/{Utc(appointment.EndUtc)}" +
               $"&details={Uri.EscapeDataString(text)}" +
               $"&location={Uri.EscapeDataString($"{clinicName}, {clinic.Value.AddressLine}")}" +
               $"&ctz={Uri.EscapeDataString(clock.Zone.Id)}";
    }

    public LinkNotFoundPage LinkNotFound(bool waitlist = false) => new(ClinicLanguage.Current.Code, clinic.Value.Phone, waitlist);

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

    /// <summary>Reads a date asked for in the address: null when it can be booked on, otherwise the message saying why not.</summary>
    public string? DateProblem(string? date, out DateOnly day) =>
        !BookingInput.TryParseDate(date, out day) ? t["Booking_Error_DateInvalid"]
        : slots.IsBookable(day) ? null
        : OutsideWindow(slots.Today, slots.LastBookableDay);

    /// <summary>Why the booking page's choices could not all be used, or null.</summary>
    public string? ChoiceMessage(BookingChoices choices) => choices.Problem switch
    {
        null => null,
        BookingChoiceProblem.UnknownTreatment => t["Booking_Error_TreatmentUnknown"],
        BookingChoiceProblem.UnknownPractitioner => t["Booking_Error_PractitionerUnknown"],
        BookingChoiceProblem.DateInvalid => t["Booking_Error_DateInvalid"],
        _ => OutsideWindow(choices.Today, choices.LastBookableDay),
    };

    private string OutsideWindow(DateOnly today, DateOnly lastBookableDay) =>
        string.Format(Culture, t["Booking_Error_DateOutsideWindow"], LongDate(today), LongDate(lastBookableDay));

    private DayOption Day(FreeDay day, string url, bool selected) => new(
        BookingInput.Date(day.Date),
        ClinicText.Weekday(day.Date, ClinicLanguage.Current),
        ClinicText.DayAndMonth(day.Date, ClinicLanguage.Current),
        day.FreeCount,
        url,
        selected);

    private static TimeOption Time(FreeSlot slot) => new(BookingInput.Slot(slot.LocalStart), TimeLabel(slot.Time));
}
