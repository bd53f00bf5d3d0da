using DrChongClinic.Application.Staff;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Areas.Admin.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff find bookings: the list with filters, its CSV export, and the detail page. The changes made from the detail
/// page are <see cref="BookingChangesController"/>; phone bookings <see cref="PhoneBookingsController"/>; the calendar
/// <see cref="CalendarController"/>.
/// </summary>
[Route("admin/bookings")]
public sealed class BookingsController(BookingSearch search, BookingDetailPages details, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    /// <summary>Where the booking detail page's view lives (also shown by <see cref="BookingChangesController"/>).</summary>
    public const string ShowView = "~/Areas/Admin/Views/Bookings/Show.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(BookingFilter filter, CancellationToken cancellationToken) =>
        await ListAsync(filter, exportRefused: false, cancellationToken);

    /// <summary>
    /// The filtered list as a spreadsheet-safe CSV file. Personal data leaves the site: the export is audited. A filter
    /// that cannot be read (from=2026-13-45) refuses the export with the list page and a 400, rather than leaving the
    /// filter out and exporting every booking.
    /// </summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(BookingFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var refused = await ListAsync(filter, exportRefused: true, cancellationToken);
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }

        var export = await search.ExportAsync(Actor, filter.ToCriteria(), cancellationToken);
        return new SpreadsheetCsvResult(export.Lines, $"bookings-{export.Day:yyyy-MM-dd}.csv");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, DateOnly? date, int? practitioner, CancellationToken cancellationToken)
    {
        var page = await details.PageAsync(id, date, practitioner, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var view = View(ShowView, page);
        if (!ModelState.IsValid)
        {
            // The move picker falls back to the booking's own date and doctor; the page says which choice was not read.
            page.Problem = Unread("practitioner")
                ? t["Admin_Booking_DoctorInvalid"]
                : t["Admin_Booking_DateInvalid"];
            view.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (practitioner is { } asked && page.Practitioners.All(choice => choice.Id != asked))
        {
            // A doctor id that could be read but is no doctor here: the picker shows the booking's own doctor, and says why.
            page.Problem = t["Booking_Error_PractitionerUnknown"];
            view.StatusCode = StatusCodes.Status400BadRequest;
        }

        return view;
    }

    /// <summary>The list with the filters that could be read; a filter that could not is left out with a notice.</summary>
    private async Task<ViewResult> ListAsync(BookingFilter filter, bool exportRefused, CancellationToken cancellationToken)
    {
        var list = await search.ListAsync(filter.ToCriteria(), filter.Page, cancellationToken);
        filter.Page = list.Page; // the page shown: page=999999999 shows the last one
        var view = View(nameof(Index), new BookingsPage(filter, list.Rows, list.Total, list.PageCount, list.Treatments, list.Practitioners, !ModelState.IsValid, exportRefused));
        if (!ModelState.IsValid)
        {
            view.StatusCode = StatusCodes.Status400BadRequest; // the list without the unread filters, and the notice
        }

        return view;
    }
}
