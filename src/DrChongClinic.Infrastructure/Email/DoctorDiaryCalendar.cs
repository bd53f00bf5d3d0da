using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain;
using Ical.Net;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>The words of a doctor's diary feed, in the feed's language (from the site's resources).</summary>
/// <param name="CalendarName">The calendar's name in the doctor's calendar app; {0} is the doctor's name, {1} the clinic's.</param>
/// <param name="PatientLabel">"Patient" before the initials.</param>
/// <param name="ReferenceLabel">"Booking reference".</param>
/// <param name="AwaitingConfirmation">Said of a booking that staff have not confirmed yet.</param>
public sealed record DiaryWording(string CalendarName, string PatientLabel, string ReferenceLabel, string AwaitingConfirmation);

/// <summary>
/// A doctor's diary as an iCalendar subscription feed (RFC 5545, METHOD:PUBLISH): one event per booking with its time,
/// treatment, the patient's initials and the grouped reference; no name, email, phone or notes. Each event keeps its
/// UID for the life of the booking, SEQUENCE counts its changes and LAST-MODIFIED is the latest, so calendar apps
/// update entries in place. Times are in the clinic's zone with its VTIMEZONE, like the patients' calendar files.
/// </summary>
public sealed class DoctorDiaryCalendar(IOptions<ClinicDetails> clinicOptions, ClinicClock clock)
{
    public string Build(DiaryFeed feed, string language, DiaryWording words)
    {
        var clinic = clinicOptions.Value;
        var clinicName = clinic.DisplayName(language);
        var calendar = new Calendar { Method = "PUBLISH", ProductId = CalendarInvite.ProductId };
        var name = string.Format(ClinicLanguage.Of(language).Culture, words.CalendarName, feed.PractitionerName, clinicName);
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", clock.Zone.Id);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT30M");
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT30M");
        calendar.AddTimeZone(clock.Zone.Id);
        var host = Uri.TryCreate(clinic.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "drchongclinic.local";
        var nowUtc = clock.UtcNow;
        foreach (var entry in feed.Entries)
        {
            var treatment = ClinicLanguage.Of(language).Pick(entry.TreatmentEn, entry.TreatmentMs);
            var reference = ClinicText.Reference(entry.Reference);
            var patient = entry.PatientInitials.Length == 0 ? "" : $" · {entry.PatientInitials}";
            var description = $"{words.ReferenceLabel}: {reference}" +
                (entry.PatientInitials.Length == 0 ? "" : $"\n{words.PatientLabel}: {entry.PatientInitials}") +
                (entry.Tentative ? $"\n{words.AwaitingConfirmation}" : "");
            var calendarEvent = CalendarInvite.Event(new CalendarEntry(
                Uid: $"diary-{entry.Reference}@{host}",
                Sequence: entry.Sequence,
                StampUtc: nowUtc,
                Start: clock.ToLocal(entry.StartUtc),
                End: clock.ToLocal(entry.EndUtc),
                TimeZoneId: clock.Zone.Id,
                Summary: $"{treatment}{patient}",
                Location: clinicName,
                Description: description,
                Tentative: entry.Tentative,
                Cancelled: false,
                OrganizerName: clinicName,
                OrganizerEmail: clinic.Email,
                AttendeeEmail: null));
            calendarEvent.Organizer = null; // a diary, not an invitation: nobody to reply to
            calendarEvent.LastModified = new CalDateTime(DateTime.SpecifyKind(entry.LastModifiedUtc, DateTimeKind.Utc), CalDateTime.UtcTzId);
            calendar.Events.Add(calendarEvent);
        }

        return CalendarInvite.Serialize(calendar);
    }
}
