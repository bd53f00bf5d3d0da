using System.Text;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain;
using DrChongClinic.Infrastructure.Email;
using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DrChongClinic.Web.Controllers;

/// <summary>
/// A doctor's diary as a read-only iCalendar subscription, at a private address staff issue on the doctor's admin page.
/// An unknown, malformed or revoked token gets the site's ordinary 404, the same as any missing page. Never cached by
/// anyone but the doctor's calendar app; rate-limited per client address; the token is masked in logs (LogRedaction).
/// </summary>
[EnableRateLimiting(ClinicRateLimits.DiaryFeed)]
public sealed class DiaryFeedController(DiaryFeedService diaries, DoctorDiaryCalendar calendar, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet(SitePaths.DiaryFeedEn + "/{token}.ics")]
    [HttpGet(SitePaths.DiaryFeedMs + "/{token}.ics")]
    public async Task<IActionResult> Feed(string token, CancellationToken cancellationToken)
    {
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var feed = await diaries.FeedAsync(token, cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }

        var words = new DiaryWording(t["Diary_CalendarName"], t["Diary_Patient"], t["Diary_Reference"], t["Diary_AwaitingConfirmation"]);
        var ics = Encoding.UTF8.GetBytes(calendar.Build(feed, ClinicLanguage.Current.Code, words));
        return File(ics, "text/calendar; charset=utf-8");
    }
}
