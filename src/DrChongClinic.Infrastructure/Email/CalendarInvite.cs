using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>What goes into an appointment's calendar file; <see cref="Start"/> and <see cref="End"/> are clinic-local, in <see cref="TimeZoneId"/>.</summary>
internal sealed record CalendarEntry(
    string Uid,
    int Sequence,
    DateTime StampUtc,
    DateTime Start,
    DateTime End,
    string TimeZoneId,
    string Summary,
    string Location,
    string Description,
    bool Tentative,
    bool Cancelled,
    string OrganizerName,
    string OrganizerEmail,
    string? AttendeeEmail,
    bool Published = false);

/// <summary>
/// Builds the .ics attached to booking emails (RFC 5546 iTIP). One UID per appointment; each later
/// message about it carries a higher SEQUENCE, so calendars replace the entry (METHOD:REQUEST) or
/// remove it (METHOD:CANCEL). Times are written in the clinic's zone with its VTIMEZONE.
/// </summary>
internal static class CalendarInvite
{
    public const string FileName = "appointment.ics";

    /// <summary>CANCEL or REQUEST for an email; PUBLISH for the file a patient downloads from the manage page (no reply expected).</summary>
    public static string Method(CalendarEntry entry) => entry.Published ? "PUBLISH" : entry.Cancelled ? "CANCEL" : "REQUEST";

    public static string Build(CalendarEntry entry)
    {
        var calendar = new Calendar { Method = Method(entry), ProductId = ProductId };
        calendar.AddTimeZone(entry.TimeZoneId);
        calendar.Events.Add(Event(entry));
        return Serialize(calendar);
    }

    internal const string ProductId = "-//Dr Chong Clinic//Booking//EN";

    /// <summary>One appointment as an event (also the entries of a doctor's diary feed).</summary>
    internal static CalendarEvent Event(CalendarEntry entry) => new()
    {
        Uid = entry.Uid,
        Sequence = entry.Sequence,
        DtStamp = new CalDateTime(entry.StampUtc, CalDateTime.UtcTzId),
        DtStart = InZone(entry.Start, entry.TimeZoneId),
        DtEnd = InZone(entry.End, entry.TimeZoneId),
        Summary = entry.Summary,
        Location = entry.Location,
        Description = entry.Description,
        Status = entry.Cancelled ? "CANCELLED" : entry.Tentative ? "TENTATIVE" : "CONFIRMED",
        Transparency = "OPAQUE",
        Organizer = new Organizer("mailto:" + entry.OrganizerEmail) { CommonName = HeaderText.Clean(entry.OrganizerName).Replace("\"", "", StringComparison.Ordinal) },
        Attendees = entry.AttendeeEmail is { } attendee ? [new Attendee("mailto:" + attendee) { Rsvp = false, Role = "REQ-PARTICIPANT" }] : [],
    };

    /// <summary>RFC 5545 text: CRLF line ends, lines folded at 75 octets, text values escaped (Ical.Net's serializer).</summary>
    internal static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar)!;

    private static CalDateTime InZone(DateTime local, string zoneId) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zoneId);
}
