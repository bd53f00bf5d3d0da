using System.Globalization;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Areas.Admin.Services;
using DrChongClinic.Web.Booking;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff manage bookings: the list with filters and CSV export, the detail page with its actions, and phone
/// bookings. Every change goes through <see cref="BookingService"/> (rules, history, emails, concurrency).
/// </summary>
[Route("admin/bookings")]
public sealed class BookingsController(
    ClinicDbContext db,
    BookingService bookings,
    BookingSearch search,
    SlotFinder slots,
    BookingPageFactory bookingPages,
    AuditLog audit,
    ClinicClock time,
    IOptions<PrivacyOptions> privacy,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(BookingFilter filter, CancellationToken cancellationToken)
    {
        var ignored = !ModelState.IsValid;
        filter.Page = Math.Max(1, filter.Page);
        var (rows, total) = await search.FindAsync(filter, (filter.Page - 1) * BookingFilter.PageSize, BookingFilter.PageSize, cancellationToken);
        var pages = Math.Max(1, (total + BookingFilter.PageSize - 1) / BookingFilter.PageSize);
        return View(new BookingsPage(filter, rows, total, pages, await TreatmentChoicesAsync(cancellationToken), await PractitionerChoicesAsync(cancellationToken), ignored));
    }

    /// <summary>The filtered list as a spreadsheet-safe CSV file. Personal data leaves the site: the export is audited.</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(BookingFilter filter, CancellationToken cancellationToken)
    {
        var (rows, total) = await search.FindAsync(filter, 0, BookingSearch.ExportLimit, cancellationToken);
        IReadOnlyList<string?> header = ["Reference", "Date", "Time", "Status", "Treatment", "Doctor", "Patient", "Email", "Phone", "Language", "Patient notes", "Booked at"];
        var lines = rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Reference,
            r.LocalStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture),
            r.Status.ToString(),
            r.Treatment,
            r.Practitioner,
            r.Patient,
            r.Email,
            r.Phone,
            r.Language,
            r.PatientNotes,
            r.LocalBookedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ]);
        audit.Record(Actor, "bookings.exported", "Bookings", $"{rows.Count} of {total} bookings exported; filters: {Describe(filter)}");
        await db.SaveChangesAsync(cancellationToken);
        return File(SpreadsheetCsv.Write(lines.Prepend(header)), "text/csv; charset=utf-8", $"bookings-{time.Today:yyyy-MM-dd}.csv");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, DateOnly? date, int? practitioner, CancellationToken cancellationToken)
    {
        var page = await DetailAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            page.Problem = t["Admin_Booking_DateInvalid"];
        }

        await AddMoveTimesAsync(page, date, practitioner, cancellationToken);
        return View(page);
    }

    [HttpPost("{id:int}/confirm")]
    public Task<IActionResult> Confirm(int id, Guid? version, CancellationToken cancellationToken) =>
        ActAsync(id, bookings.ConfirmAsync(id, Actor, version, cancellationToken), "Admin_Booking_Confirmed", null, cancellationToken);

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, Guid? version, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > Appointment.ReasonMaxLength || BookingInput.HasControlCharacters(reason, allowLineBreaks: true))
        {
            return await RefusedAsync(id, string.IsNullOrWhiteSpace(reason) ? t["Admin_Booking_ReasonRequired"] : t["Admin_Booking_ReasonInvalid"], StatusCodes.Status422UnprocessableEntity,
                page => page.CancelReason = reason, cancellationToken);
        }

        return await ActAsync(id, bookings.CancelAsync(id, ChangedBy.Staff, Actor, reason, version, cancellationToken), "Admin_Booking_Cancelled",
            page => page.CancelReason = reason, cancellationToken);
    }

    [HttpPost("{id:int}/reschedule")]
    public async Task<IActionResult> Reschedule(int id, Guid? version, string? slot, int? practitioner, CancellationToken cancellationToken)
    {
        if (!BookingInput.TryParseSlot(slot, out var date, out var when))
        {
            return await RefusedAsync(id, t["Admin_Booking_ChooseTime"], StatusCodes.Status422UnprocessableEntity, null, cancellationToken);
        }

        var result = await bookings.RescheduleAsync(id, date, when, practitioner, ChangedBy.Staff, Actor, version, cancellationToken);
        return await ResultAsync(id, result, "Admin_Booking_Rescheduled", null, cancellationToken, date, practitioner);
    }

    [HttpPost("{id:int}/complete")]
    public Task<IActionResult> Complete(int id, Guid? version, CancellationToken cancellationToken) =>
        ActAsync(id, bookings.MarkCompletedAsync(id, Actor, version, cancellationToken), "Admin_Booking_Completed", null, cancellationToken);

    [HttpPost("{id:int}/no-show")]
    public Task<IActionResult> NoShow(int id, Guid? version, CancellationToken cancellationToken) =>
        ActAsync(id, bookings.MarkNoShowAsync(id, Actor, version, cancellationToken), "Admin_Booking_NoShowRecorded", null, cancellationToken);

    [HttpPost("{id:int}/notes")]
    public async Task<IActionResult> Notes(int id, Guid? version, string? notes, CancellationToken cancellationToken)
    {
        if (notes is { Length: > Appointment.InternalNotesMaxLength } || BookingInput.HasControlCharacters(notes, allowLineBreaks: true))
        {
            return await RefusedAsync(id, string.Format(CultureInfo.CurrentCulture, t["Admin_Booking_NotesTooLong"], Appointment.InternalNotesMaxLength),
                StatusCodes.Status422UnprocessableEntity, page => page.Notes = notes, cancellationToken);
        }

        return await ActAsync(id, bookings.SaveInternalNotesAsync(id, Actor, notes, version, cancellationToken), "Admin_Booking_NotesSaved",
            page => page.Notes = notes, cancellationToken);
    }

    /// <summary>A patient on the phone: staff choose treatment, doctor and date, then a free time, and type the patient's details.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> Create(string? treatment, string? practitioner, string? date, CancellationToken cancellationToken)
    {
        var form = new BookingForm { SubmissionId = Guid.NewGuid().ToString(), Treatment = treatment, Practitioner = practitioner ?? BookingInput.AnyPractitioner, Language = ClinicLanguage.EnglishCode };
        var page = await PhonePageAsync(form, date, cancellationToken);
        return PhoneView(page, page.Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm] BookingForm form, [FromServices] IValidator<BookingForm> validator, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            var invalid = await PhonePageAsync(form, SlotDate(form), cancellationToken);
            foreach (var error in validation.Errors)
            {
                invalid.Errors.TryAdd(error.PropertyName, error.ErrorMessage);
            }

            return PhoneView(invalid, StatusCodes.Status422UnprocessableEntity);
        }

        var result = await bookings.BookAsync(
            form.ToRequest(privacy.Value.NoticeVersion, ChangedBy.Staff, Actor),
            cancellationToken);
        if (result.Succeeded)
        {
            Flash(t[result.AlreadyBooked ? "Admin_Booking_AlreadyBooked" : "Admin_Booking_Booked"]);
            return RedirectToAction(nameof(Show), new { id = result.Appointment!.Id });
        }

        var refused = await PhonePageAsync(form, SlotDate(form), cancellationToken);
        refused.Problem = bookingPages.Message(result.Problem!.Value);
        if (result.Problem == BookingProblem.SubmissionAlreadyUsed)
        {
            form.SubmissionId = Guid.NewGuid().ToString();
        }

        if (result.Problem == BookingProblem.SlotTaken)
        {
            refused.Times = result.NearestFreeSlots.Select(s => (BookingInput.Slot(s.LocalStart), $"{ClinicText.StaffDay(s.Date)}, {ClinicText.StaffTime(s.LocalStart)}")).ToList();
            form.Slot = null;
        }

        return PhoneView(refused, result.Problem == BookingProblem.SlotTaken ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A day (all doctors side by side) or a week (one doctor, or all) of appointments.</summary>
    [HttpGet("calendar")]
    public async Task<IActionResult> Calendar(string? view, DateOnly? date, int? practitioner, CancellationToken cancellationToken)
    {
        var week = view == "week";
        // A date typed into the address bar far outside the clinic's life (0001-01-01) shows today instead of failing
        // on the previous/next week links.
        var day = date is { Year: >= 2000 and <= 2200 } asked ? asked : time.Today;
        var first = week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        var last = week ? first.AddDays(6) : day;
        var (fromUtc, _) = time.UtcRange(first);
        var (_, toUtc) = time.UtcRange(last);
        var practitioners = await PractitionerChoicesAsync(cancellationToken);
        var rows = await (
                from a in db.Appointments.AsNoTracking()
                where a.StartUtc >= fromUtc && a.StartUtc < toUtc && a.Status != AppointmentStatus.Cancelled
                      && (practitioner == null || a.PractitionerId == practitioner)
                join tr in db.Treatments on a.TreatmentId equals tr.Id
                orderby a.StartUtc
                select new { a.Id, a.Reference, a.StartUtc, a.DurationMinutes, a.Status, a.PractitionerId, a.Patient.Name, Treatment = tr.NameEn })
            .ToListAsync(cancellationToken);

        List<CalendarColumn> columns;
        if (week)
        {
            columns = Enumerable.Range(0, 7).Select(i => first.AddDays(i)).Select(d => new CalendarColumn(
                ClinicText.StaffDay(d), d == time.Today,
                rows.Where(r => DateOnly.FromDateTime(time.ToLocal(r.StartUtc)) == d)
                    .Select(r => new CalendarAppointment(r.Id, ClinicText.StaffTime(time.ToLocal(r.StartUtc)), ClinicText.StaffTime(time.ToLocal(r.StartUtc.AddMinutes(r.DurationMinutes))), ClinicText.Reference(r.Reference), r.Name, r.Treatment, r.Status))
                    .ToList())).ToList();
        }
        else
        {
            columns = practitioners.Where(p => practitioner == null || p.Id == practitioner).Select(p => new CalendarColumn(
                p.Name, false,
                rows.Where(r => r.PractitionerId == p.Id)
                    .Select(r => new CalendarAppointment(r.Id, ClinicText.StaffTime(time.ToLocal(r.StartUtc)), ClinicText.StaffTime(time.ToLocal(r.StartUtc.AddMinutes(r.DurationMinutes))), ClinicText.Reference(r.Reference), r.Name, r.Treatment, r.Status))
                    .ToList())).ToList();
        }

        string Url(string v, DateOnly d) =>
            $"/admin/bookings/calendar?view={v}&date={d:yyyy-MM-dd}" + (practitioner is { } p ? $"&practitioner={p}" : "");
        var step = week ? 7 : 1;
        var title = week ? $"{ClinicText.StaffDay(first)} – {ClinicText.StaffDay(last)}" : ClinicText.StaffDay(day);
        return View(new CalendarPage(
            week ? "week" : "day", day, title, practitioner, practitioners, columns,
            Url(week ? "week" : "day", day.AddDays(-step)), Url(week ? "week" : "day", day.AddDays(step)), Url(week ? "week" : "day", time.Today),
            Url(week ? "day" : "week", day)));
    }

    private async Task<IActionResult> ActAsync(int id, Task<BookingResult> action, string doneKey, Action<BookingDetailPage>? keep, CancellationToken cancellationToken) =>
        await ResultAsync(id, await action, doneKey, keep, cancellationToken);

    private async Task<IActionResult> ResultAsync(
        int id, BookingResult result, string doneKey, Action<BookingDetailPage>? keep, CancellationToken cancellationToken, DateOnly? moveDate = null, int? movePractitioner = null)
    {
        if (result.Succeeded)
        {
            Flash(t[doneKey]);
            return RedirectToAction(nameof(Show), new { id });
        }

        if (result.Problem == BookingProblem.NotFound)
        {
            return NotFound();
        }

        var status = result.Problem is BookingProblem.ChangedMeanwhile or BookingProblem.NotAllowedInCurrentStatus or BookingProblem.SlotTaken or BookingProblem.NotYetStarted
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return await RefusedAsync(id, await MessageAsync(id, result.Problem!.Value, cancellationToken), status, keep, cancellationToken, moveDate, movePractitioner);
    }

    private async Task<IActionResult> RefusedAsync(
        int id, string message, int status, Action<BookingDetailPage>? keep, CancellationToken cancellationToken, DateOnly? moveDate = null, int? movePractitioner = null)
    {
        var page = await DetailAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        page.Problem = message;
        keep?.Invoke(page);
        await AddMoveTimesAsync(page, moveDate, movePractitioner, cancellationToken);
        var view = View(nameof(Show), page);
        view.StatusCode = status;
        return view;
    }

    private async Task<string> MessageAsync(int id, BookingProblem problem, CancellationToken cancellationToken)
    {
        switch (problem)
        {
            case BookingProblem.ChangedMeanwhile:
                return t["Admin_Booking_ChangedMeanwhile"];
            case BookingProblem.NotYetStarted:
                return t["Admin_Booking_NotYetStarted"];
            case BookingProblem.ReasonRequired:
                return t["Admin_Booking_ReasonRequired"];
            case BookingProblem.SlotTaken:
                return t["Admin_Booking_SlotTaken"];
            case BookingProblem.NotAllowedInCurrentStatus:
                var status = await db.Appointments.Where(a => a.Id == id).Select(a => a.Status).FirstAsync(cancellationToken);
                return string.Format(CultureInfo.CurrentCulture, t["Admin_Booking_NotAllowed"], t[$"Admin_Status_{status}"]);
            default:
                return bookingPages.Message(problem);
        }
    }

    private async Task<BookingDetailPage?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var details = await bookings.DetailsAsync(appointment, cancellationToken);
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.AppointmentId == id).OrderBy(m => m.Id)
            .Select(m => new { m.Kind, m.CreatedAtUtc, m.Status, m.Attempts }).ToListAsync(cancellationToken);
        return new BookingDetailPage
        {
            Appointment = appointment,
            Treatment = details.Treatment.NameEn,
            Practitioner = details.PractitionerName,
            When = $"{ClinicText.StaffDateTime(time.ToLocal(appointment.StartUtc))}–{ClinicText.StaffTime(time.ToLocal(appointment.EndUtc))}",
            History = appointment.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
                .Select(h => new HistoryRow(ClinicText.StaffDateTime(time.ToLocal(h.AtUtc)), h.By == ChangedBy.Staff ? h.Actor ?? t["Admin_By_Staff"] : t[$"Admin_By_{h.By}"], h.What)).ToList(),
            Emails = emails.Select(m => new EmailRow(t[$"Admin_EmailKind_{m.Kind}"], ClinicText.StaffDateTime(time.ToLocal(m.CreatedAtUtc)), t[$"Admin_EmailStatus_{m.Status}"], m.Status == OutboxStatus.Failed)).ToList(),
            HasStarted = appointment.StartUtc <= time.UtcNow,
            Practitioners = await PractitionerChoicesAsync(cancellationToken),
            MovePractitioner = appointment.PractitionerId,
            MinDate = BookingInput.Date(slots.Today),
            MaxDate = BookingInput.Date(slots.LastBookableDay),
            Notes = appointment.InternalNotes,
        };
    }

    /// <summary>Free times for moving the booking on the chosen date (its own time not counted as busy).</summary>
    private async Task AddMoveTimesAsync(BookingDetailPage page, DateOnly? date, int? practitioner, CancellationToken cancellationToken)
    {
        if (!page.CanChange || date is not { } day)
        {
            return;
        }

        page.MoveDate = day;
        page.MovePractitioner = practitioner is { } p && page.Practitioners.Any(c => c.Id == p) ? p : page.Appointment.PractitionerId;
        var free = await slots.FreeSlotsAsync(SlotSearch.ToMove(page.Appointment, page.MovePractitioner), day, cancellationToken);
        page.MoveTimes = free.Select(s => (BookingInput.Slot(s.LocalStart), ClinicText.StaffTime(s.LocalStart))).ToList();
    }

    private async Task<PhoneBookingPage> PhonePageAsync(BookingForm form, string? date, CancellationToken cancellationToken)
    {
        var treatments = await slots.ActiveTreatmentsAsync(cancellationToken);
        var page = new PhoneBookingPage
        {
            Form = form,
            Treatments = treatments.Select(x => (x.Code, $"{x.NameEn} ({x.DurationMinutes} min)")).ToList(),
            Practitioners = (await slots.ActivePractitionersAsync(cancellationToken)).Select(p => new Choice(p.Id, p.Name)).ToList(),
            MinDate = BookingInput.Date(slots.Today),
            MaxDate = BookingInput.Date(slots.LastBookableDay),
        };
        var treatment = treatments.FirstOrDefault(x => x.Code == form.Treatment);
        if (!BookingInput.TryParsePractitioner(form.Practitioner, out var practitionerId) || (practitionerId is { } id && page.Practitioners.All(p => p.Id != id)))
        {
            page.Problem = t["Booking_Error_PractitionerUnknown"];
            form.Practitioner = BookingInput.AnyPractitioner;
            practitionerId = null;
        }

        if (string.IsNullOrEmpty(date) || treatment is null)
        {
            if (!string.IsNullOrEmpty(form.Treatment) && treatment is null)
            {
                page.Problem = t["Booking_Error_TreatmentUnknown"];
            }

            return page;
        }

        if (!BookingInput.TryParseDate(date, out var day))
        {
            page.Problem = t["Booking_Error_DateInvalid"];
            return page;
        }

        page.Date = date;
        page.Times = (await slots.FreeSlotsAsync(SlotSearch.For(treatment, practitionerId), day, cancellationToken))
            .Select(s => (BookingInput.Slot(s.LocalStart), ClinicText.StaffTime(s.LocalStart))).ToList();
        return page;
    }

    private ViewResult PhoneView(PhoneBookingPage page, int status)
    {
        var view = View("Create", page);
        view.StatusCode = status;
        return view;
    }

    private static string? SlotDate(BookingForm form) =>
        BookingInput.TryParseSlot(form.Slot, out var day, out _) ? BookingInput.Date(day) : null;

    private Task<List<Choice>> PractitionerChoicesAsync(CancellationToken cancellationToken) =>
        db.Practitioners.AsNoTracking().OrderBy(p => p.Id).Select(p => new Choice(p.Id, p.Name)).ToListAsync(cancellationToken);

    private Task<List<Choice>> TreatmentChoicesAsync(CancellationToken cancellationToken) =>
        db.Treatments.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new Choice(x.Id, x.NameEn)).ToListAsync(cancellationToken);

    /// <summary>The filters, for the audit entry: the search text itself may be a patient's name, so only its presence is noted.</summary>
    private static string Describe(BookingFilter f) => string.Join(", ", new[]
    {
        f.From is { } from ? $"from {from:yyyy-MM-dd}" : null,
        f.To is { } to ? $"to {to:yyyy-MM-dd}" : null,
        f.Status is { } s ? $"status {s}" : null,
        f.Treatment is { } tr ? $"treatment {tr}" : null,
        f.Practitioner is { } p ? $"practitioner {p}" : null,
        string.IsNullOrWhiteSpace(f.Search) ? null : "search text",
    }.Where(x => x is not null).DefaultIfEmpty("none"));
}
