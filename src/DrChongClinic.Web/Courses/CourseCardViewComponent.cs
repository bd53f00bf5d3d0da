using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Courses;
using Microsoft.AspNetCore.Mvc;

namespace DrChongClinic.Web.Courses;

/// <summary>
/// The course card on a booking's manage (and confirmation) page: "Book the remaining N sessions" when the treatment is a
/// course and this booking is not in one yet, or the whole course with a link to change it and a form to cancel the
/// sessions still to come. Shows nothing for a treatment without a course.
/// </summary>
public sealed class CourseCardViewComponent(BookingService bookings, CourseService courses, CoursePageFactory pages, ClinicClock clock) : ViewComponent
{
    /// <remarks>The token is read from the route, never passed as an argument: MVC logs view component arguments.</remarks>
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var token = HttpContext.GetRouteValue("token") as string;
        // The manage page keeps only its own "done" values; the course's come from the address (POST, redirect, GET).
        var asked = HttpContext.Request.Query["done"].ToString();
        var done = asked is "course" or "course-cancelled" ? asked : null;
        var details = await bookings.FindByManageTokenAsync(token, HttpContext.RequestAborted);
        if (details is null || token is null)
        {
            return Content("");
        }

        var appointment = details.Appointment;
        var course = await courses.CourseOfAsync(appointment, HttpContext.RequestAborted);
        if (course is null && (details.Treatment.Course is null || !appointment.IsActive || appointment.StartUtc <= clock.UtcNow))
        {
            return Content("");
        }

        return View("~/Views/Course/_CourseCard.cshtml", pages.Card(token, details.Treatment, appointment, course, done));
    }
}
