using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Booking;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// A patient on the phone: staff choose treatment, doctor and date, then a free time, and type the patient's details.
/// The same choices, rules and booking service as the public booking page; refusals answer as there (<see cref="BookingRefusals"/>).
/// </summary>
[Route("admin/bookings/new")]
public sealed class PhoneBookingsController(
    BookingChoiceFinder choices,
    BookingService bookings,
    BookingPageFactory bookingPages,
    BookingRefusals refusals,
    IOptions<PrivacyOptions> privacy,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    private const string CreateView = "~/Areas/Admin/Views/Bookings/Create.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Create(string? treatment, string? practitioner, string? date, CancellationToken cancellationToken)
    {
        var form = new BookingForm { SubmissionId = Guid.NewGuid().ToString(), Treatment = treatment, Practitioner = practitioner ?? BookingInput.AnyPractitioner, Language = "en" };
        var page = await PageAsync(form, date, cancellationToken);
        return PhoneView(page, page.Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] BookingForm form, [FromServices] IValidator<BookingForm> validator, CancellationToken cancellationToken)
    {
        form.EmailOptional = true;
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            var invalid = await PageAsync(form, null, cancellationToken);
            foreach (var error in validation.Errors)
            {
                invalid.Errors.TryAdd(error.PropertyName, error.ErrorMessage);
            }

            return PhoneView(invalid, StatusCodes.Status422UnprocessableEntity);
        }

        var result = await bookings.BookAsync(form.ToRequest(privacy.Value.NoticeVersion, ChangedBy.Staff, Actor), cancellationToken);
        if (result.Succeeded)
        {
            // Without an email address the usual "the patient is being emailed" would not be true.
            Flash(t[result.Appointment!.Patient.Email is null ? "Admin_Booking_NoEmailFlash" : result.AlreadyBooked ? "Admin_Booking_AlreadyBooked" : "Admin_Booking_Booked"]);
            return RedirectToAction(nameof(BookingsController.Show), "Bookings", new { id = result.Appointment!.Id });
        }

        var problem = result.Problem!.Value;
        var refused = await PageAsync(form, null, cancellationToken);
        refused.Problem = refusals.Message(problem);
        if (problem == BookingProblem.SubmissionAlreadyUsed)
        {
            form.SubmissionId = Guid.NewGuid().ToString();
        }

        if (problem == BookingProblem.SlotTaken)
        {
            refused.Times = result.NearestFreeSlots.Select(s => (BookingInput.Slot(s.LocalStart), $"{ClinicText.StaffDay(s.Date)}, {ClinicText.StaffTime(s.LocalStart)}")).ToList();
            form.Slot = null;
        }

        return PhoneView(refused, BookingRefusals.StatusCode(problem));
    }

    /// <summary>The booking page's choices (<see cref="BookingChoiceFinder"/>, as on the public page) in staff's words; the date of a picked time when no date is asked for.</summary>
    private async Task<PhoneBookingPage> PageAsync(BookingForm form, string? date, CancellationToken cancellationToken)
    {
        var found = await choices.FindAsync(form.Choices(date), 0, cancellationToken);
        if (found.Problem == BookingChoiceProblem.UnknownPractitioner)
        {
            form.Practitioner = BookingInput.AnyPractitioner;
        }

        return new PhoneBookingPage
        {
            Form = form,
            Treatments = found.Treatments.Select(x => (x.Code, $"{x.Name(ClinicLanguage.Current.Code)} ({string.Format(CultureInfo.CurrentCulture, t["Home_Minutes"], x.DurationMinutes)})")).ToList(),
            Practitioners = found.Practitioners.Select(p => new Choice(p.Id, p.Name)).ToList(),
            MinDate = BookingInput.Date(found.Today),
            MaxDate = BookingInput.Date(found.LastBookableDay),
            Date = found.Date is { } day ? BookingInput.Date(day) : null,
            Times = found.Times.Select(s => (BookingInput.Slot(s.LocalStart), s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList(),
            Problem = bookingPages.ChoiceMessage(found),
        };
    }

    private ViewResult PhoneView(PhoneBookingPage page, int status)
    {
        var view = View(CreateView, page);
        view.StatusCode = status;
        return view;
    }
}
