using System.Globalization;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Booking;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Services;

/// <summary>The staff booking detail page, shown on its own and again with a refusal or a form error.</summary>
public sealed class BookingDetailPages(StaffBookingDetails details, ClinicClock time, IStringLocalizer<SharedResource> t)
{
    /// <summary>The page, or null when there is no such booking; with free times to move to when a date is given.</summary>
    public async Task<BookingDetailPage?> PageAsync(int id, DateOnly? moveDate, int? movePractitioner, CancellationToken cancellationToken)
    {
        if (await details.FindAsync(id, moveDate, movePractitioner, cancellationToken) is not { } detail)
        {
            return null;
        }

        var appointment = detail.Appointment;
        return new BookingDetailPage
        {
            Appointment = appointment,
            Treatment = detail.Details.Treatment.Name(ClinicLanguage.Current.Code),
            Practitioner = detail.Details.PractitionerName,
            When = $"{ClinicText.StaffDateTime(time.ToLocal(appointment.StartUtc))}–{ClinicText.StaffTime(time.ToLocal(appointment.EndUtc))}",
            History = appointment.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
                .Select(h => new HistoryRow(ClinicText.StaffDateTime(time.ToLocal(h.AtUtc)), h.By == ChangedBy.Staff ? h.Actor ?? t["Admin_By_Staff"] : t[$"Admin_By_{h.By}"], HistoryRow.Describe(h, time, t))).ToList(),
            Emails = detail.Emails.Select(m => new EmailRow(t[$"Admin_EmailKind_{m.Kind}"], ClinicText.StaffDateTime(time.ToLocal(m.CreatedAtUtc)), t[$"Admin_EmailStatus_{m.Status}"], m.Status == Application.Email.OutboxStatus.Failed)).ToList(),
            HasStarted = detail.HasStarted,
            Practitioners = detail.Practitioners,
            MovePractitioner = detail.MovePractitioner,
            MoveDate = detail.MoveDate,
            MoveTimes = detail.MoveTimes.Select(s => (BookingInput.Slot(s.LocalStart), s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList(),
            MinDate = BookingInput.Date(detail.Today),
            MaxDate = BookingInput.Date(detail.LastBookableDay),
            Notes = appointment.InternalNotes,
        };
    }
}
