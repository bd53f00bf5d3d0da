using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Models;

/// <summary>The bookings list's filters, as they arrive in the address (all optional).</summary>
public sealed class BookingFilter
{
    /// <summary>Sort orders: by appointment time (default), latest first, by patient name, newest booking first.</summary>
    public static readonly string[] Sorts = ["time", "time-desc", "patient", "booked-desc"];

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public AppointmentStatus? Status { get; set; }

    public int? Treatment { get; set; }

    public int? Practitioner { get; set; }

    /// <summary>Name, phone, email or booking reference.</summary>
    public string? Search { get; set; }

    public string? Sort { get; set; }

    public int Page { get; set; } = 1;

    public string SortOrDefault => Sort is { } s && Sorts.Contains(s) ? s : "time";

    /// <summary>These filters for the search (an unknown sort is by time).</summary>
    public BookingCriteria ToCriteria() => new(From, To, Status, Treatment, Practitioner, Search, SortOrDefault switch
    {
        "time-desc" => BookingSort.TimeDescending,
        "patient" => BookingSort.Patient,
        "booked-desc" => BookingSort.BookedDescending,
        _ => BookingSort.Time,
    });

    /// <summary>The query string for these filters, with a different page or sort.</summary>
    public string Query(int? page = null, string? sort = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("status", Status?.ToString());
        Add("treatment", Treatment?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("practitioner", Practitioner?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("search", Search);
        var chosenSort = sort ?? SortOrDefault;
        Add("sort", chosenSort == "time" ? null : chosenSort);
        var chosenPage = page ?? Page;
        Add("page", chosenPage > 1 ? chosenPage.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

public sealed record BookingsPage(
    BookingFilter Filter,
    IReadOnlyList<BookingRow> Rows,
    int Total,
    int PageCount,
    IReadOnlyList<Choice> Treatments,
    IReadOnlyList<Choice> Practitioners,
    bool FiltersIgnored,
    bool ExportRefused = false);

/// <summary>The detail page: the booking, its history, and what staff may do now.</summary>
public sealed class BookingDetailPage
{
    public required Appointment Appointment { get; init; }

    public required string Treatment { get; init; }

    public required string Practitioner { get; init; }

    public required string When { get; init; }

    public required IReadOnlyList<HistoryRow> History { get; init; }

    public required IReadOnlyList<EmailRow> Emails { get; init; }

    public bool CanConfirm => Appointment.Status == AppointmentStatus.Requested;

    public bool CanChange => Appointment.IsActive;

    public required bool HasStarted { get; init; }

    /// <summary>The refusal or validation message to show at the top, if any.</summary>
    public string? Problem { get; set; }

    /// <summary>For moving: the doctors, the chosen doctor and date, and that date's free times ("yyyy-MM-ddTHH:mm", label).</summary>
    public required IReadOnlyList<Choice> Practitioners { get; init; }

    public int MovePractitioner { get; set; }

    public DateOnly? MoveDate { get; set; }

    public IReadOnlyList<(string Value, string Label)> MoveTimes { get; set; } = [];

    public required string MinDate { get; init; }

    public required string MaxDate { get; init; }

    public string? CancelReason { get; set; }

    public string? Notes { get; set; }
}

public sealed record HistoryRow(string When, string Who, string What)
{
    /// <summary>
    /// A history line in the staff area's language and clinic time, like the rest of the page: a move names both times
    /// as staff read them; a cancellation keeps the reason as it was given.
    /// </summary>
    public static string Describe(AppointmentChange change, ClinicClock time, IStringLocalizer t) => change switch
    {
        { Kind: AppointmentChangeKind.Rescheduled, FromStartUtc: { } from, ToStartUtc: { } to } =>
            string.Format(CultureInfo.CurrentCulture, t["Admin_History_Rescheduled"], ClinicText.StaffDateTime(time.ToLocal(from)), ClinicText.StaffDateTime(time.ToLocal(to))),
        { Kind: AppointmentChangeKind.Cancelled, Reason: { } reason } => string.Format(CultureInfo.CurrentCulture, t["Admin_History_CancelledBecause"], reason),
        _ => t[$"Admin_History_{change.Kind}"],
    };
}

public sealed record EmailRow(string Kind, string Created, string Status, bool Failed);

/// <summary>The phone booking page: the public booking form's fields, with staff's choices and the free times.</summary>
public sealed class PhoneBookingPage
{
    public required DrChongClinic.Web.Booking.BookingForm Form { get; init; }

    public required IReadOnlyList<(string Code, string Name)> Treatments { get; init; }

    public required IReadOnlyList<Choice> Practitioners { get; init; }

    public string? Date { get; set; }

    public required string MinDate { get; init; }

    public required string MaxDate { get; init; }

    public IReadOnlyList<(string Value, string Label)> Times { get; set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public string? Problem { get; set; }
}

public sealed record CalendarAppointment(int Id, string Time, string End, string Reference, string Patient, string Treatment, AppointmentStatus Status);

public sealed record CalendarColumn(string Heading, bool IsToday, IReadOnlyList<CalendarAppointment> Appointments);

public sealed record CalendarPage(
    string View,
    DateOnly Date,
    string Title,
    int? Practitioner,
    IReadOnlyList<Choice> Practitioners,
    IReadOnlyList<CalendarColumn> Columns,
    string PreviousUrl,
    string NextUrl,
    string TodayUrl,
    string OtherViewUrl,
    IReadOnlyList<string> Problems);

public sealed record FailedEmailRow(int Id, string Kind, string Created, int Attempts, string? Error, int AppointmentId, string Reference, bool Held = false);

/// <summary>A waitlist email on the failed emails page, with the waitlist day it belongs to.</summary>
public sealed record FailedWaitlistEmailRow(int Id, string Kind, string Created, int Attempts, string? Error, DateOnly WaitlistDay, bool Held);

/// <summary>The failed emails page: the bookings' emails, then the waitlist's.</summary>
public sealed record FailedEmailsPage(IReadOnlyList<FailedEmailRow> Bookings, IReadOnlyList<FailedWaitlistEmailRow> Waitlist);
