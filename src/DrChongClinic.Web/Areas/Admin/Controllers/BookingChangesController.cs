using System.Globalization;
using DrChongClinic.Application.Booking;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Areas.Admin.Services;
using DrChongClinic.Web.Booking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// The detail page's actions: confirm, cancel, move, completed, no-show, internal notes. Each goes through
/// <see cref="BookingService"/> (rules, history, emails, concurrency); a refusal shows the detail page again with
/// its message and the status code of <see cref="BookingRefusals"/>.
/// </summary>
[Route("admin/bookings")]
public sealed class BookingChangesController(
    BookingService bookings,
    BookingDetailPages details,
    BookingRefusals refusals,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpPost("{id:int}/confirm")]
    public Task<IActionResult> Confirm(int id, Guid? version, CancellationToken cancellationToken) =>
        ActAsync(id, bookings.ConfirmAsync(id, Actor, Checked(version), cancellationToken), "Admin_Booking_Confirmed", null, cancellationToken);

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, Guid? version, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || !Appointment.IsUsableReason(reason))
        {
            return await RefusedAsync(id, _ => string.IsNullOrWhiteSpace(reason) ? t["Admin_Booking_ReasonRequired"] : t["Admin_Booking_ReasonInvalid"],
                StatusCodes.Status422UnprocessableEntity, page => page.CancelReason = reason, cancellationToken);
        }

        return await ActAsync(id, bookings.CancelAsync(id, ChangedBy.Staff, Actor, reason, Checked(version), cancellationToken), "Admin_Booking_Cancelled",
            page => page.CancelReason = reason, cancellationToken);
    }

    [HttpPost("{id:int}/reschedule")]
    public async Task<IActionResult> Reschedule(int id, Guid? version, string? slot, int? practitioner, CancellationToken cancellationToken)
    {
        if (!BookingInput.TryParseSlot(slot, out var date, out var when))
        {
            return await RefusedAsync(id, _ => t["Admin_Booking_ChooseTime"], StatusCodes.Status422UnprocessableEntity, null, cancellationToken);
        }

        if (Unread("practitioner"))
        {
            // practitioner=abc binds as null, which means "the same doctor": refused instead of moving with the wrong one.
            return await RefusedAsync(id, _ => t["Admin_Booking_DoctorInvalid"], StatusCodes.Status400BadRequest, null, cancellationToken, date);
        }

        var result = await bookings.RescheduleAsync(id, date, when, practitioner, ChangedBy.Staff, Actor, Checked(version), cancellationToken);
        return await ResultAsync(id, result, "Admin_Booking_Rescheduled", null, cancellationToken, date, practitioner);
    }

    [HttpPost("{id:int}/complete")]
    public Task<IActionResult> Complete(int id, Guid? version, CancellationToken cancellationToken) =>
        ActAsync(id, bookings.MarkCompletedAsync(id, Actor, Checked(version), cancellationToken), "Admin_Booking_Completed", null, cancellationToken);

    [HttpPost("{id:int}/no-show")]
    public Task<IActionResult> NoShow(int id, Guid? version, CancellationToken cancellationToken) =>
        ActAsync(id, bookings.MarkNoShowAsync(id, Actor, Checked(version), cancellationToken), "Admin_Booking_NoShowRecorded", null, cancellationToken);

    [HttpPost("{id:int}/notes")]
    public async Task<IActionResult> Notes(int id, Guid? version, string? notes, CancellationToken cancellationToken)
    {
        if (notes is { Length: > Appointment.InternalNotesMaxLength } || VisibleText.HasControlCharacters(notes, allowLineBreaks: true) || VisibleText.HasHiddenText(notes))
        {
            return await RefusedAsync(id, _ => string.Format(CultureInfo.CurrentCulture, t["Admin_Booking_NotesTooLong"], Appointment.InternalNotesMaxLength),
                StatusCodes.Status422UnprocessableEntity, page => page.Notes = notes, cancellationToken);
        }

        return await ActAsync(id, bookings.SaveInternalNotesAsync(id, Actor, notes, Checked(version), cancellationToken), "Admin_Booking_NotesSaved",
            page => page.Notes = notes, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(int id, Task<BookingResult> action, string doneKey, Action<BookingDetailPage>? keep, CancellationToken cancellationToken) =>
        await ResultAsync(id, await action, doneKey, keep, cancellationToken);

    private async Task<IActionResult> ResultAsync(
        int id, BookingResult result, string doneKey, Action<BookingDetailPage>? keep, CancellationToken cancellationToken, DateOnly? moveDate = null, int? movePractitioner = null)
    {
        if (result.Succeeded)
        {
            Flash(t[doneKey]);
            return RedirectToAction(nameof(BookingsController.Show), "Bookings", new { id });
        }

        var problem = result.Problem!.Value;
        return problem == BookingProblem.NotFound
            ? NotFound()
            : await RefusedAsync(id, page => refusals.StaffMessage(problem, page.Appointment.Status), BookingRefusals.StatusCode(problem), keep, cancellationToken, moveDate, movePractitioner);
    }

    /// <summary>The detail page as it is now, with the message (worded knowing the booking's current status) and what staff typed.</summary>
    private async Task<IActionResult> RefusedAsync(
        int id, Func<BookingDetailPage, string> message, int status, Action<BookingDetailPage>? keep, CancellationToken cancellationToken, DateOnly? moveDate = null, int? movePractitioner = null)
    {
        var page = await details.PageAsync(id, moveDate, movePractitioner, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        page.Problem = message(page);
        keep?.Invoke(page);
        var view = View(BookingsController.ShowView, page);
        view.StatusCode = status;
        return view;
    }

    /// <summary>
    /// The version the page was rendered with. One that was sent but cannot be read counts as out of date (Guid.Empty
    /// matches no booking), so a mangled form is refused as "changed meanwhile" instead of skipping the check.
    /// </summary>
    /// <summary>
    /// The version the page showed. Every form of the detail page carries it; one that is missing or unreadable (a
    /// forged or truncated post) is treated as out of date, never as "skip the check" (staff-area sweep).
    /// </summary>
    private Guid Checked(Guid? version) =>
        Unread("version") || version is null ? Guid.Empty : version.Value;
}
