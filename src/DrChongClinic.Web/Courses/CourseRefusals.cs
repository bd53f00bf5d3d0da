using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Courses;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Courses;

/// <summary>What the course pages answer when <see cref="CourseService"/> refuses: a status code and a message per problem.</summary>
public sealed class CourseRefusals(CoursePageFactory pages, IOptions<BookingPolicy> policy, IOptions<ClinicDetails> clinic, IStringLocalizer<SharedResource> t)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>
    /// 404 when there is no such booking or course; 409 when the diary or the booking is not as the page showed it (a time
    /// taken, already booked, changed meanwhile, no longer active, cut-off, too many moves); 422 for times the rules refuse
    /// (not free when sent, outside the interval) or a missing reason.
    /// </summary>
    public static int StatusCode(CourseProblem problem) => problem switch
    {
        CourseProblem.NotFound or CourseProblem.NoCourse => StatusCodes.Status404NotFound,
        CourseProblem.TimeTaken or CourseProblem.AlreadyBooked or CourseProblem.ChangedMeanwhile or CourseProblem.NotActive
            or CourseProblem.TooLateToChange or CourseProblem.TooManyChanges => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public string Message(CourseResult result) => result.Problem switch
    {
        CourseProblem.IntervalBroken when result.Gap is { } gap => string.Format(
            Culture,
            t[gap.TooClose ? "Course_Error_TooClose" : "Course_Error_TooFar"],
            gap.LaterSession,
            gap.EarlierSession,
            ClinicText.LongDate(gap.Earliest, ClinicLanguage.Current),
            ClinicText.LongDate(gap.Latest, ClinicLanguage.Current)),
        CourseProblem.TimesNotValid or CourseProblem.TimeTaken when result.Clash is { } clash =>
            string.Format(Culture, t["Course_Error_TimeNotFree"], pages.ClashText(clash)),
        CourseProblem.TooLateToChange => string.Format(Culture, t["Course_Error_TooLate"], (int)Math.Round(policy.Value.PatientChangeCutoff.TotalHours), clinic.Value.Phone),
        CourseProblem.TooManyChanges => string.Format(Culture, t["Booking_Error_TooManyChanges"], policy.Value.MaxPatientReschedules, clinic.Value.Phone),
        { } problem => t[$"Course_Error_{problem}"],
        null => "",
    };
}
