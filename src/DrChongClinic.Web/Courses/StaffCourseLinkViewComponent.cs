using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Courses;
using DrChongClinic.Domain.Booking;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Courses;

/// <summary>On the staff booking page: "Book the remaining N sessions (phone-in)" for a course treatment, or a link to the booked course.</summary>
public sealed class StaffCourseLinkViewComponent(CourseService courses, ClinicClock clock, IStringLocalizer<SharedResource> t) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Appointment appointment)
    {
        var url = $"/admin/bookings/{appointment.Id}/course";
        if (appointment.CourseId is not null)
        {
            return Link(url, t["Course_Staff_Open"]);
        }

        var offered = await courses.OfferAsync(appointment.Id, null, HttpContext.RequestAborted);
        return offered.Offer is { } offer && appointment.IsActive && appointment.StartUtc > clock.UtcNow
            ? Link(url, string.Format(CultureInfo.CurrentCulture, t["Course_Staff_Book"], offer.Plan.Sessions - 1))
            : Content("");
    }

    private HtmlContentViewComponentResult Link(string url, string text) =>
        new(new HtmlString($"<p class=\"course-link\"><a class=\"button button-secondary\" href=\"{System.Net.WebUtility.HtmlEncode(url)}\">{System.Net.WebUtility.HtmlEncode(text)}</a></p>"));
}
