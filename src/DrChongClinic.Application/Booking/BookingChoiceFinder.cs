using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Application.Booking;

/// <summary>What a booking page was asked to show, as read from its address or form (the web layer reads the text).</summary>
/// <param name="TreatmentCode">As given; empty when none is chosen yet.</param>
/// <param name="PractitionerId">A practitioner, or null for any doctor.</param>
/// <param name="PractitionerUnreadable">A practitioner was given that is neither "any doctor" nor an id.</param>
/// <param name="Date">The date asked for, when one was given and could be read.</param>
/// <param name="DateUnreadable">A date was given that could not be read.</param>
/// <param name="PickedDate">The date of a time already picked (a form shown again): shown when no date is asked for and it can be booked.</param>
/// <param name="Gender">Any doctor of this gender ("any female doctor"), when no practitioner is chosen.</param>
public sealed record BookingChoiceRequest(
    string? TreatmentCode,
    int? PractitionerId,
    bool PractitionerUnreadable,
    DateOnly? Date,
    bool DateUnreadable,
    DateOnly? PickedDate = null,
    PractitionerGender? Gender = null);

/// <summary>Why a booking page's choices cannot all be used; the page drops them and says so (400).</summary>
public enum BookingChoiceProblem
{
    UnknownTreatment,
    UnknownPractitioner,
    DateInvalid,
    DateOutsideWindow,
}

/// <summary>
/// The booking page's data, for patients online and for staff taking a phone call: what can be chosen, what was
/// chosen (choices that cannot be used are dropped, with the last <see cref="Problem"/>), the dates with free
/// times and the chosen date's free times.
/// </summary>
public sealed record BookingChoices
{
    public required IReadOnlyList<Treatment> Treatments { get; init; }

    public required IReadOnlyList<Practitioner> Practitioners { get; init; }

    public required DateOnly Today { get; init; }

    public required DateOnly LastBookableDay { get; init; }

    public Treatment? Treatment { get; init; }

    /// <summary>The chosen practitioner, or null for any doctor (also when the one asked for is unknown).</summary>
    public int? PractitionerId { get; init; }

    /// <summary>Any doctor of this gender, when <see cref="PractitionerId"/> is null.</summary>
    public PractitionerGender? Gender { get; init; }

    public DateOnly? Date { get; init; }

    public IReadOnlyList<FreeDay> Days { get; init; } = [];

    public IReadOnlyList<FreeSlot> Times { get; init; } = [];

    public BookingChoiceProblem? Problem { get; init; }
}

/// <summary>Finds the booking page's choices and free times (one implementation for the public page and the phone booking page).</summary>
public sealed class BookingChoiceFinder(SlotFinder slots)
{
    /// <param name="daysListed">How many dates with free times to list (0: none).</param>
    public async Task<BookingChoices> FindAsync(BookingChoiceRequest request, int daysListed, CancellationToken cancellationToken)
    {
        var treatments = await slots.ActiveTreatmentsAsync(cancellationToken);
        var practitioners = await slots.ActivePractitionersAsync(cancellationToken);
        var choices = new BookingChoices { Treatments = treatments, Practitioners = practitioners, Today = slots.Today, LastBookableDay = slots.LastBookableDay };
        BookingChoiceProblem? problem = null;
        var practitionerId = request.PractitionerId;
        if (request.PractitionerUnreadable || (practitionerId is { } id && practitioners.All(p => p.Id != id)))
        {
            problem = BookingChoiceProblem.UnknownPractitioner;
            practitionerId = null;
        }

        DateOnly? date = null;
        if (request.DateUnreadable)
        {
            problem = BookingChoiceProblem.DateInvalid;
        }
        else if (request.Date is { } asked)
        {
            date = slots.IsBookable(asked) ? asked : null;
            problem = date is null ? BookingChoiceProblem.DateOutsideWindow : problem;
        }
        else if (request.PickedDate is { } picked && slots.IsBookable(picked))
        {
            date = picked;
        }

        // Without a treatment the page asks for one first; the doctor chosen (from a doctor's page) stays chosen.
        var treatment = treatments.FirstOrDefault(t => t.Code == request.TreatmentCode);
        if (treatment is null)
        {
            return choices with
            {
                PractitionerId = practitionerId,
                Gender = practitionerId is null ? request.Gender : null,
                Problem = string.IsNullOrEmpty(request.TreatmentCode) ? problem : BookingChoiceProblem.UnknownTreatment,
            };
        }

        var search = SlotSearch.For(treatment, practitionerId, request.Gender);
        return choices with
        {
            Treatment = treatment,
            PractitionerId = practitionerId,
            Gender = search.Gender,
            Date = date,
            Problem = problem,
            Days = daysListed > 0 ? await slots.DaysWithFreeSlotsAsync(search, daysListed, cancellationToken) : [],
            Times = date is { } day ? await slots.FreeSlotsAsync(search, day, cancellationToken) : [],
        };
    }
}
