using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Insights;
using DrChongClinic.Domain;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Booking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>The clinic owner's figures (Admins only): bookings per week, treatment and doctor, cancellations, no-shows and lead times.</summary>
[Authorize(Policy = AdminPolicies.AdminOnly)]
[Route("admin/insights")]
public sealed class InsightsController(ClinicInsights insights, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? from, string? to, CancellationToken cancellationToken)
    {
        var (defaultFrom, defaultTo) = insights.DefaultPeriod();
        var fromText = string.IsNullOrEmpty(from) ? BookingInput.Date(defaultFrom) : from;
        var toText = string.IsNullOrEmpty(to) ? BookingInput.Date(defaultTo) : to;
        var readable = BookingInput.TryParseDate(fromText, out var fromDay) & BookingInput.TryParseDate(toText, out var toDay);
        var problem = readable ? insights.Check(fromDay, toDay) : InsightsPeriodProblem.Unreadable;
        if (problem is { } refused)
        {
            var page = new InsightsPage { From = Clip(fromText), To = Clip(toText), Problem = Message(refused) };
            var view = View(page);
            view.StatusCode = StatusCodes.Status400BadRequest;
            return view;
        }

        var language = ClinicLanguage.Current;
        var report = await insights.ReportAsync(fromDay, toDay, language, cancellationToken);
        return View(new InsightsPage
        {
            From = BookingInput.Date(fromDay),
            To = BookingInput.Date(toDay),
            Report = report,
            PeriodLabel = $"{ClinicText.StaffDay(fromDay)} – {ClinicText.StaffDay(toDay)}",
            Weeks = new StackedColumnChart(t["Admin_Insights_Weeks"], report.Weeks.Select(w => w.Row).ToList()),
            Treatments = new BarChart(t["Admin_Insights_Treatments"], report.Treatments.Select(r => (r.Label, r.Bookings))),
            Doctors = new BarChart(t["Admin_Insights_Doctors"], report.Doctors.Select(r => (r.Label, r.Bookings))),
            LeadTimes = new BarChart(t["Admin_Insights_LeadTime"], report.LeadTimes.Select(r => (t[$"Admin_Insights_Lead_{r.Range}"].Value, r.Bookings))),
            LeadTimeRows = report.LeadTimes.Select(r => new InsightsRow(t[$"Admin_Insights_Lead_{r.Range}"].Value, r.Bookings, 0, 0)).ToList(),
        });
    }

    private static string Clip(string text) => TextLength.Clip(text, 10);

    private string Message(InsightsPeriodProblem problem) => problem switch
    {
        InsightsPeriodProblem.ToBeforeFrom => t["Admin_Insights_ToBeforeFrom"],
        InsightsPeriodProblem.TooLong => string.Format(CultureInfo.CurrentCulture, t["Admin_Insights_TooLong"], ClinicInsights.MaxDays),
        InsightsPeriodProblem.OutOfRange => string.Format(CultureInfo.CurrentCulture, t["Admin_Insights_OutOfRange"], ClinicInsights.MinYear),
        _ => t["Admin_Insights_Unreadable"],
    };
}
