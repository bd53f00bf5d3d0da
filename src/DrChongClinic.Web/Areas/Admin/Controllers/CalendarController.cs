using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Staff;
using DrChongClinic.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// A day (all doctors side by side) or a week (one doctor, or all) of appointments. A date or doctor in the address
/// that cannot be read or shown (date=abc, practitioner=99999) shows today or every doctor, says so, and answers 400.
/// </summary>
[Route("admin/bookings/calendar")]
public sealed class CalendarController(BookingCalendar calendar, ClinicClock time, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Calendar(string? view, DateOnly? date, int? practitioner, CancellationToken cancellationToken)
    {
        var data = await calendar.ShowAsync(view == "week", date, practitioner, cancellationToken);
        var dateIgnored = data.DateIgnored || Unread("date");
        var practitionerIgnored = data.PractitionerIgnored || Unread("practitioner");
        practitioner = data.PractitionerIgnored ? null : practitioner;
        var week = data.Week;
        var day = data.Day;
        var columns = data.Columns.Select(c => new CalendarColumn(
            c.Practitioner ?? ClinicText.StaffDay(c.Day!.Value), c.IsToday,
            c.Entries.Select(e => new CalendarAppointment(e.Id, ClinicText.StaffTime(time.ToLocal(e.StartUtc)), ClinicText.StaffTime(time.ToLocal(e.EndUtc)), ClinicText.Reference(e.Reference), e.Patient, e.Treatment, e.Status))
                .ToList())).ToList();

        string Url(string v, DateOnly d) =>
            $"/admin/bookings/calendar?view={v}&date={d:yyyy-MM-dd}" + (practitioner is { } p ? $"&practitioner={p}" : "");
        var step = week ? 7 : 1;
        var title = week ? $"{ClinicText.StaffDay(data.First)} – {ClinicText.StaffDay(data.Last)}" : ClinicText.StaffDay(day);
        var problems = new List<string>();
        if (dateIgnored)
        {
            problems.Add(t["Admin_Calendar_DateIgnored"]);
        }

        if (practitionerIgnored)
        {
            problems.Add(t["Admin_Calendar_DoctorIgnored"]);
        }

        var page = View("~/Areas/Admin/Views/Bookings/Calendar.cshtml", new CalendarPage(
            week ? "week" : "day", day, title, practitioner, data.Practitioners, columns,
            Url(week ? "week" : "day", day.AddDays(-step)), Url(week ? "week" : "day", day.AddDays(step)), Url(week ? "week" : "day", data.Today),
            Url(week ? "day" : "week", day), problems));
        if (problems.Count > 0)
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }

        return page;
    }
}
