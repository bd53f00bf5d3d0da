using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;
using DrChongClinic.Web.Booking;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Waitlist;

/// <summary>Builds the waitlist's public pages from the service's answers, in the page's language.</summary>
public sealed class WaitlistPageFactory(SlotFinder slots, ClinicClock clock, IStringLocalizer<SharedResource> t, IOptions<PrivacyOptions> privacy)
{
    /// <summary>The join form's default range: the next two weeks (within the booking window).</summary>
    public const int DefaultRangeDays = 14;

    public async Task<WaitlistJoinPage> JoinPageAsync(WaitlistForm form, CancellationToken cancellationToken)
    {
        var language = ClinicLanguage.Current;
        var treatments = await slots.ActiveTreatmentsAsync(cancellationToken);
        var practitioners = await slots.ActivePractitionersAsync(cancellationToken);
        var options = new List<PractitionerOption> { new(BookingInput.AnyPractitioner, t["Booking_AnyDoctor"]) };
        if (practitioners.Any(p => p.Gender == PractitionerGender.Female))
        {
            options.Add(new(BookingInput.AnyFemalePractitioner, t["Booking_AnyFemaleDoctor"]));
        }

        options.AddRange(practitioners.Select(p => new PractitionerOption(BookingInput.Practitioner(p.Id), p.Name)));
        return new WaitlistJoinPage
        {
            Language = language.Code,
            Form = form,
            Treatments = treatments.Select(tr => new TreatmentOption(tr.Code, tr.Name(language.Code), tr.DurationMinutes)).ToList(),
            Practitioners = options,
            MinDate = BookingInput.Date(slots.Today),
            MaxDate = BookingInput.Date(slots.LastBookableDay),
            MaxDateLabel = ClinicText.LongDate(slots.LastBookableDay, language),
            NoticeVersion = privacy.Value.NoticeVersion,
        };
    }

    /// <summary>
    /// The join page as linked from the booking page. A treatment or doctor in the address that cannot be chosen is
    /// dropped and named on the form, as the booking page does with its own address (the controller answers 400).
    /// </summary>
    public async Task<WaitlistJoinPage> LinkedJoinPageAsync(string? treatment, string? practitioner, CancellationToken cancellationToken)
    {
        var page = await JoinPageAsync(NewForm(treatment, practitioner), cancellationToken);
        if (!string.IsNullOrEmpty(treatment) && page.Treatments.All(x => x.Code != treatment))
        {
            page.Form.Treatment = null;
            page.Errors[nameof(WaitlistForm.Treatment)] = t["Booking_Error_TreatmentUnknown"];
        }

        if (!string.IsNullOrEmpty(practitioner) && page.Practitioners.All(x => x.Value != practitioner))
        {
            page.Form.Practitioner = BookingInput.AnyPractitioner;
            page.Errors[nameof(WaitlistForm.Practitioner)] = t["Booking_Error_PractitionerUnknown"];
        }

        return page;
    }

    /// <summary>A fresh form: the booking page's choices, the next two weeks, any time of day, the page's language.</summary>
    public WaitlistForm NewForm(string? treatment, string? practitioner)
    {
        var last = slots.Today.AddDays(DefaultRangeDays);
        return new WaitlistForm
        {
            SubmissionId = Guid.NewGuid().ToString(),
            Treatment = treatment is { Length: <= 50 } ? treatment : null,
            Practitioner = BookingInput.TryParsePractitioner(practitioner, out _) && !string.IsNullOrEmpty(practitioner) ? practitioner : BookingInput.AnyPractitioner,
            FirstDay = BookingInput.Date(slots.Today),
            LastDay = BookingInput.Date(last < slots.LastBookableDay ? last : slots.LastBookableDay),
            Times = [WaitlistForm.Morning, WaitlistForm.Afternoon, WaitlistForm.Evening],
            Language = ClinicLanguage.Current.Code,
        };
    }

    public WaitlistLeavePage LeavePage(WaitlistEntryDetails details, string token, bool justLeft)
    {
        var language = ClinicLanguage.Current;
        var entry = details.Entry;
        return new WaitlistLeavePage(
            language.Code,
            token,
            details.Treatment.Name(language.Code),
            Doctor(details.PractitionerName, entry),
            Dates(entry.FirstDay, entry.LastDay),
            Times(entry.Times),
            entry.IsOpen,
            justLeft);
    }

    public WaitlistOfferPage OfferPage(WaitlistOfferDetails details, string token, string? problem = null)
    {
        var language = ClinicLanguage.Current;
        var now = clock.UtcNow;
        return new WaitlistOfferPage(
            language.Code,
            token,
            details.Treatment.Name(language.Code),
            details.PractitionerName,
            ClinicText.LongDate(DateOnly.FromDateTime(details.LocalStart), language),
            ClinicText.Time(TimeOnly.FromDateTime(details.LocalStart), language),
            $"{ClinicText.LongDate(DateOnly.FromDateTime(details.LocalExpiry), language)}, {ClinicText.Time(TimeOnly.FromDateTime(details.LocalExpiry), language)}",
            details.Offer.IsClaimable(now),
            details.Offer.Status == WaitlistOfferStatus.Claimed,
            problem,
            details.Entry.IsOpen,
            details.Entry.Status == WaitlistStatus.Left, // leaving withdrew the offer: the time was not "taken"
            details.ClaimedBookingCancelled);
    }

    /// <summary>Why joining was refused, in the page's language.</summary>
    public string Message(WaitlistProblem problem) => problem switch
    {
        WaitlistProblem.UnknownTreatment => t["Booking_Error_TreatmentUnknown"],
        WaitlistProblem.UnknownPractitioner => t["Booking_Error_PractitionerUnknown"],
        WaitlistProblem.StartsInPast => t["Waitlist_Error_StartsInPast"],
        WaitlistProblem.BeyondHorizon => string.Format(CultureInfo.CurrentCulture, t["Booking_Error_BeyondHorizon"], ClinicText.LongDate(slots.LastBookableDay, ClinicLanguage.Current)),
        WaitlistProblem.TooManyEntries => t["Waitlist_Error_TooManyEntries"],
        WaitlistProblem.SubmissionAlreadyUsed => t["Booking_Error_SubmissionUsed"],
        WaitlistProblem.NeverOffered => t["Waitlist_Error_NeverOffered"],
        _ => t["Waitlist_Error_RangeBackwards"],
    };

    /// <summary>400 for choices that cannot be used, 409 for caps and a reused form, 422 for dates the rules refuse.</summary>
    public static int StatusCode(WaitlistProblem problem) => problem switch
    {
        WaitlistProblem.UnknownTreatment or WaitlistProblem.UnknownPractitioner => StatusCodes.Status400BadRequest,
        WaitlistProblem.NotFound => StatusCodes.Status404NotFound,
        WaitlistProblem.TooManyEntries or WaitlistProblem.SubmissionAlreadyUsed or WaitlistProblem.Gone
            or WaitlistProblem.TooManyActiveBookings or WaitlistProblem.Closed or WaitlistProblem.AlreadyOffered => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private string Doctor(string? name, WaitlistEntry entry) =>
        name ?? (entry.Gender == PractitionerGender.Female ? t["Booking_AnyFemaleDoctor"] : t["Booking_AnyDoctor"]);

    private string Dates(DateOnly first, DateOnly last)
    {
        var language = ClinicLanguage.Current;
        return first == last
            ? ClinicText.LongDate(first, language)
            : string.Format(CultureInfo.CurrentCulture, t["Waitlist_DatesRange"], ClinicText.LongDate(first, language), ClinicText.LongDate(last, language));
    }

    private string Times(DayParts parts) =>
        string.Join(", ", DayPart.Each.Where(p => (parts & p) != 0).Select(p => t[$"Waitlist_Times_{p}"].Value));
}
