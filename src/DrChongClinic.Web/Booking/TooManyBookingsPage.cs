using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Web.Forms;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Booking;

/// <summary>
/// The 429 answer to a booking form posted too often: the same form again, with what the patient typed, and the
/// true wait (the limiter's Retry-After). Built without the database, so a flood of refused posts costs nothing
/// more than the refusal; the patient's choices travel in hidden fields and are checked again when posted.
/// </summary>
public static class TooManyBookingsPage
{
    /// <summary>The longest value taken back from a refused form; the form's own limits are lower.</summary>
    private const int MaxEchoLength = BookingForm.NotesMaxLength;

    /// <summary>Whether this re-executed 429 is a refused booking form post (/book, /ms/tempah).</summary>
    public static bool IsRefusedBookingPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) &&
        context.Request.HasFormContentType &&
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } path &&
        ClinicLanguage.All.Any(language => string.Equals(path, SitePaths.Book(language.Code), StringComparison.OrdinalIgnoreCase));

    /// <summary>How long the limiter asks the client to wait, from the Retry-After header it set (a minute if missing).</summary>
    public static TimeSpan Wait(HttpResponse response) =>
        int.TryParse(response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(1);

    /// <summary>"10 minutes", "1 minute", "30 seconds" / "10 minit", "30 saat": rounded up to whole minutes from a minute on.</summary>
    public static string WaitText(TimeSpan wait, IStringLocalizer t)
    {
        if (wait < TimeSpan.FromMinutes(1))
        {
            return string.Format(CultureInfo.CurrentCulture, t["Error_Wait_Seconds"], (int)Math.Ceiling(wait.TotalSeconds));
        }

        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        return minutes == 1 ? t["Error_Wait_OneMinute"] : string.Format(CultureInfo.CurrentCulture, t["Error_Wait_Minutes"], minutes);
    }

    public static async Task<BookingPage> BuildAsync(HttpRequest request, string wait, int cutoffHours, string noticeVersion)
    {
        // A form that cannot be read comes back empty rather than failing the 429 page.
        var posted = (await UnreadableForms.ReadAsync(request)).Form ?? FormCollection.Empty;
        string? Value(string name) => posted.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } value
            ? TextLength.Clip(value, MaxEchoLength)
            : null;
        var form = new BookingForm
        {
            SubmissionId = Value(nameof(BookingForm.SubmissionId)),
            Treatment = Value(nameof(BookingForm.Treatment)),
            Practitioner = Value(nameof(BookingForm.Practitioner)),
            Slot = Value(nameof(BookingForm.Slot)),
            Name = Value(nameof(BookingForm.Name)),
            Email = Value(nameof(BookingForm.Email)),
            Phone = Value(nameof(BookingForm.Phone)),
            Notes = Value(nameof(BookingForm.Notes)),
            Language = Value(nameof(BookingForm.Language)) is ClinicLanguage.EnglishCode or ClinicLanguage.MalayCode ? Value(nameof(BookingForm.Language)) : ClinicLanguage.Current.Code,
            Consent = string.Equals(Value(nameof(BookingForm.Consent)), "true", StringComparison.OrdinalIgnoreCase),
        };
        var language = ClinicLanguage.Current;
        var page = new BookingPage
        {
            Language = language.Code,
            BookUrl = SitePaths.Book(language.Code),
            Treatments = [],
            Practitioners = [],
            MinDate = "",
            MaxDate = "",
            MaxDateLabel = "",
            Form = form,
            NoticeVersion = noticeVersion,
            CutoffHours = cutoffHours,
            Practitioner = BookingInput.TryParsePractitioner(form.Practitioner, out var practitionerId) ? BookingInput.Practitioner(practitionerId) : BookingInput.AnyPractitioner,
            TakenLabel = wait,
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
        if (BookingInput.TryParseSlot(form.Slot, out var date, out var time))
        {
            page.DateLabel = $"{ClinicText.LongDate(date, language)}, {ClinicText.Time(time, language)}";
        }

        return page;
    }
}
