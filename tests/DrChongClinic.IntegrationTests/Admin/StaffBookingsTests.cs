using System.Globalization;
using System.Net;
using System.Text;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>Staff work on bookings through the admin pages: every action goes through the booking service, is in the booking's history and emails the patient.</summary>
public sealed class StaffBookingsTests(StaffBookingsFixture fixture) : IClassFixture<StaffBookingsFixture>
{
    private readonly ClinicFactory _site = fixture.Site;
    private readonly TestSmtpServer _smtp = fixture.Smtp;

    private static string NewEmail() => $"patient-{Guid.NewGuid():N}@patients.test";

    private async Task<(HttpClient Client, TestAccount Account)> StaffAsync() => await StaffAccounts.SignedInAsync(_site, StaffRoles.Staff);

    [Fact]
    public async Task Confirming_a_request_emails_the_patient_and_is_in_the_history_with_who_did_it()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var email = NewEmail();
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, email);
        Assert.Equal(AppointmentStatus.Requested, booking.Status);
        await _site.SendEmailsAsync(_smtp, email);
        var (client, account) = await StaffAsync();

        var response = await client.SubmitAsync(await client.GetPageAsync($"/admin/bookings/{booking.Id}"), "#confirm-form", new Dictionary<string, string?>());

        Assert.Equal($"/admin/bookings/{booking.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Booking confirmed", (await Html.ReadAsync(response)).QuerySelector(".flash")!.TextContent);
        var saved = await OnlineBookings.LoadAsync(_site, booking.Id);
        Assert.Equal(AppointmentStatus.Confirmed, saved.Status);
        var change = saved.History.OrderBy(h => h.Id).Last();
        Assert.Equal((ChangedBy.Staff, account.Email, "Confirmed"), (change.By, change.Actor, change.What));
        var emails = await _site.SendEmailsAsync(_smtp, email);
        Assert.Contains("confirmed", emails[1].Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(BookingReference.Display(booking.Reference), (await client.GetPageAsync($"/admin/bookings/{booking.Id}")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_request_is_confirmed_straight_from_the_dashboard_and_the_patient_email_is_queued()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var treatment = await TestBookings.TreatmentAsync(_site);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TestBookings.ClinicZone));
        var request = await TestBookings.BookAsync(_site, practitioner.Id, treatment.Id, TestBookings.ClinicTime(today.AddDays(1), 22, 40), requested: true);
        var (client, account) = await StaffAsync();
        var dashboard = await client.GetPageAsync("/admin");
        Assert.Contains("Awaiting confirmation", dashboard.QuerySelector("#diary-tomorrow")!.TextContent);

        var response = await client.SubmitAsync(dashboard, $"#diary-tomorrow form[action='/admin/bookings/{request.Id}/confirm']", new Dictionary<string, string?>());

        Assert.Equal($"/admin/bookings/{request.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Booking confirmed", (await Html.ReadAsync(response)).QuerySelector(".flash")!.TextContent);
        var saved = await OnlineBookings.LoadAsync(_site, request.Id);
        Assert.Equal(AppointmentStatus.Confirmed, saved.Status);
        Assert.Equal(account.Email, saved.History.OrderBy(h => h.Id).Last().Actor);
        // The same confirmation email as from the booking's page (sent and read in the test above).
        Assert.Equal([EmailKind.BookingConfirmed], await _site.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == request.Id).Select(m => m.Kind).ToListAsync()));
        Assert.Null((await client.GetPageAsync("/admin")).QuerySelector($"form[action='/admin/bookings/{request.Id}/confirm']"));
    }

    [Fact]
    public async Task Confirming_a_booking_that_is_already_confirmed_is_refused_with_a_clear_message()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        var (client, _) = await StaffAsync();
        var page = await client.GetPageAsync($"/admin/bookings/{booking.Id}");
        await client.SubmitAsync(page, "#confirm-form", new Dictionary<string, string?>());
        var current = await OnlineBookings.LoadAsync(_site, booking.Id);

        var again = await client.SubmitAsync(page, "#confirm-form", new Dictionary<string, string?> { ["version"] = current.Version.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("This booking is confirmed, so that cannot be done any more.", OnlineBookings.Problem(await Html.ReadAsync(again)));
        Assert.Single((await OnlineBookings.LoadAsync(_site, booking.Id)).History, h => h.What == "Confirmed");
    }

    [Theory]
    [InlineData("not-a-version")]
    [InlineData("00000000-0000-0000-0000-00000000000")]
    [InlineData("")] // empty or missing used to skip the check (staff-area sweep)
    [InlineData(null)]
    public async Task An_unreadable_version_is_refused_as_changed_meanwhile_and_changes_nothing(string? version)
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        var (client, _) = await StaffAsync();
        var page = await client.GetPageAsync($"/admin/bookings/{booking.Id}");

        var response = await client.SubmitAsync(page, "#confirm-form", new Dictionary<string, string?> { ["version"] = version });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull(OnlineBookings.Problem(await Html.ReadAsync(response)));
        Assert.Equal(AppointmentStatus.Requested, (await OnlineBookings.LoadAsync(_site, booking.Id)).Status);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_then_frees_the_time_emails_the_patient_and_records_the_reason()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var email = NewEmail();
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, email);
        var (client, account) = await StaffAsync();
        var page = await client.GetPageAsync($"/admin/bookings/{booking.Id}");

        var noReason = await client.SubmitAsync(page, "#cancel-form", new Dictionary<string, string?> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Give a reason", OnlineBookings.Problem(await Html.ReadAsync(noReason)));
        Assert.Equal(AppointmentStatus.Requested, (await OnlineBookings.LoadAsync(_site, booking.Id)).Status);

        await client.SubmitAsync(page, "#cancel-form", new Dictionary<string, string?> { ["reason"] = "Doctor is ill" });

        var saved = await OnlineBookings.LoadAsync(_site, booking.Id);
        Assert.Equal((AppointmentStatus.Cancelled, "Doctor is ill"), (saved.Status, saved.CancellationReason));
        Assert.Contains(saved.History, h => h.Actor == account.Email && h.What == "Cancelled: Doctor is ill");
        Assert.Equal(0, await _site.WithDbAsync(db => db.AppointmentSlots.CountAsync(s => s.AppointmentId == booking.Id)));
        var cancelled = (await _site.SendEmailsAsync(_smtp, email))[1];
        Assert.Contains("cancel", cancelled.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Doctor is ill", cancelled.Text, StringComparison.Ordinal);

        var late = await client.SubmitAsync(await client.GetPageAsync($"/admin/bookings/{booking.Id}"), "#notes-form", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var closed = await client.PostFromAsync(page, $"/admin/bookings/{booking.Id}/cancel", new() { ["reason"] = "again", ["version"] = saved.Version.ToString() });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("This booking is cancelled", OnlineBookings.Problem(await Html.ReadAsync(closed)));
    }

    [Fact]
    public async Task Rescheduling_offers_only_free_times_moves_the_booking_and_emails_the_new_time()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var email = NewEmail();
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, email);
        var other = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail(), nth: 4);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(booking.StartUtc, TestBookings.ClinicZone));
        var (client, account) = await StaffAsync();

        var page = await client.GetPageAsync($"/admin/bookings/{booking.Id}?date={date:yyyy-MM-dd}&practitioner={practitioner.Id}");
        var offered = page.QuerySelectorAll("#move input[name=slot]").Select(i => i.GetAttribute("value")).ToList();
        var otherLocal = TimeZoneInfo.ConvertTimeFromUtc(other.StartUtc, TestBookings.ClinicZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        Assert.DoesNotContain(otherLocal, offered);
        Assert.NotEmpty(offered);

        var taken = await client.SubmitAsync(page, "#move", new Dictionary<string, string?> { ["slot"] = otherLocal });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("taken", OnlineBookings.Problem(await Html.ReadAsync(taken)));

        var target = offered.Last()!;
        await client.SubmitAsync(page, "#move", new Dictionary<string, string?> { ["slot"] = target });

        var saved = await OnlineBookings.LoadAsync(_site, booking.Id);
        Assert.Equal(target, TimeZoneInfo.ConvertTimeFromUtc(saved.StartUtc, TestBookings.ClinicZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        Assert.Contains(saved.History, h => h.Actor == account.Email && h.What.StartsWith("Rescheduled", StringComparison.Ordinal));
        var fromLocal = TimeZoneInfo.ConvertTimeFromUtc(booking.StartUtc, TestBookings.ClinicZone)
            .ToString("ddd d MMM yyyy, HH:mm", ClinicLanguage.English.Culture);
        var history = (await client.GetPageAsync($"/admin/bookings/{booking.Id}")).QuerySelectorAll(".history-row").Select(r => r.TextContent).ToList();
        Assert.Contains(history, row => row.Contains($"Rescheduled from {fromLocal} to ", StringComparison.Ordinal) && !row.Contains("UTC", StringComparison.Ordinal));

        // The same page in the staff area's Malay: history, dates and the treatment in Malay (staff-area sweep).
        await client.SubmitAsync(await client.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = "/admin", ["language"] = "ms" });
        var malay = await client.GetPageAsync($"/admin/bookings/{booking.Id}");
        var fromMalay = TimeZoneInfo.ConvertTimeFromUtc(booking.StartUtc, TestBookings.ClinicZone).ToString("ddd d MMM yyyy, HH:mm", ClinicLanguage.Malay.Culture);
        Assert.Contains(malay.QuerySelectorAll(".history-row"), row => row.TextContent.Contains($"Dipindahkan dari {fromMalay} ke ", StringComparison.Ordinal));
        Assert.DoesNotContain("Rescheduled", malay.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Booked and confirmed", malay.Body.TextContent, StringComparison.Ordinal);
        await client.SubmitAsync(await client.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = "/admin", ["language"] = "en" });

        var moved = (await _site.SendEmailsAsync(_smtp, email))[1];
        Assert.Contains("new", moved.Subject + moved.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Completed_and_no_show_are_recorded_once_the_appointment_started_and_refused_before()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var treatment = await TestBookings.TreatmentAsync(_site);
        var past = await TestBookings.BookAsync(_site, practitioner.Id, treatment.Id, DateTime.UtcNow.AddHours(-2));
        var missed = await TestBookings.BookAsync(_site, practitioner.Id, treatment.Id, DateTime.UtcNow.AddHours(-5));
        var future = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        var (client, account) = await StaffAsync();

        await client.SubmitAsync(await client.GetPageAsync($"/admin/bookings/{past.Id}"), "#complete-form", new Dictionary<string, string?>());
        await client.SubmitAsync(await client.GetPageAsync($"/admin/bookings/{missed.Id}"), "#no-show-form", new Dictionary<string, string?>());

        var completed = await OnlineBookings.LoadAsync(_site, past.Id);
        Assert.Equal(AppointmentStatus.Completed, completed.Status);
        Assert.Contains(completed.History, h => h.Actor == account.Email && h.What == "Marked completed");
        var noShow = await OnlineBookings.LoadAsync(_site, missed.Id);
        Assert.Equal(AppointmentStatus.NoShow, noShow.Status);
        Assert.Contains(noShow.History, h => h.Actor == account.Email && h.What == "Marked no-show");

        var page = await client.GetPageAsync($"/admin/bookings/{future.Id}");
        Assert.Null(page.QuerySelector("#complete-form"));
        var early = await client.PostFromAsync(page, $"/admin/bookings/{future.Id}/complete", new() { ["version"] = future.Version.ToString() });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("has not started yet", OnlineBookings.Problem(await Html.ReadAsync(early)));
        Assert.Equal(AppointmentStatus.Requested, (await OnlineBookings.LoadAsync(_site, future.Id)).Status);
    }

    [Fact]
    public async Task Internal_notes_are_saved_and_their_edit_is_in_the_history()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        var (client, account) = await StaffAsync();

        await client.SubmitAsync(await client.GetPageAsync($"/admin/bookings/{booking.Id}"), "#notes-form", new Dictionary<string, string?> { ["notes"] = "Prefers afternoons" });

        var saved = await OnlineBookings.LoadAsync(_site, booking.Id);
        Assert.Equal("Prefers afternoons", saved.InternalNotes);
        Assert.Contains(saved.History, h => h.Actor == account.Email && h.What == "Internal notes edited");
        Assert.Equal("Prefers afternoons", (await client.GetPageAsync($"/admin/bookings/{booking.Id}")).QuerySelector("#notes")!.TextContent);
    }

    [Fact]
    public async Task When_two_staff_change_the_same_booking_the_second_is_told_it_changed_meanwhile_and_nothing_is_overwritten()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        var (first, _) = await StaffAsync();
        var (second, _) = await StaffAsync();
        var firstPage = await first.GetPageAsync($"/admin/bookings/{booking.Id}");
        var secondPage = await second.GetPageAsync($"/admin/bookings/{booking.Id}");

        var done = await first.SubmitAsync(firstPage, "#notes-form", new Dictionary<string, string?> { ["notes"] = "Called to confirm parking" });
        var late = await second.SubmitAsync(secondPage, "#notes-form", new Dictionary<string, string?> { ["notes"] = "Something else" });
        var lateCancel = await second.SubmitAsync(secondPage, "#cancel-form", new Dictionary<string, string?> { ["reason"] = "Patient asked" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var latePage = await Html.ReadAsync(late);
        Assert.Contains("changed this booking while you had it open", OnlineBookings.Problem(latePage));
        Assert.Equal("Something else", latePage.QuerySelector("#notes")!.TextContent);
        Assert.Equal(HttpStatusCode.Conflict, lateCancel.StatusCode);
        var saved = await OnlineBookings.LoadAsync(_site, booking.Id);
        Assert.Equal(("Called to confirm parking", AppointmentStatus.Requested), (saved.InternalNotes, saved.Status));
    }

    [Fact]
    public async Task A_phone_booking_obeys_the_same_rules_is_confirmed_booked_by_staff_and_emails_the_patient()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        using var scope = _site.Services.CreateScope();
        var free = await OnlineBookings.FreeSlotsAsync(scope.ServiceProvider, practitioner.Id);
        var date = free[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var email = NewEmail();
        var (client, account) = await StaffAsync();
        var form = await client.GetPageAsync($"/admin/bookings/new?treatment=pico-laser&practitioner={practitioner.Id}&date={date}");
        var fields = new Dictionary<string, string?>
        {
            ["Slot"] = form.QuerySelectorAll("#phone-booking-form input[name=Slot]")[1].GetAttribute("value"),
            ["Name"] = "Tan Mei Ling",
            ["Phone"] = "012-345 6789",
            ["Email"] = email,
            ["Consent"] = "true",
        };

        var noConsent = await client.SubmitAsync(form, "#phone-booking-form", new Dictionary<string, string?>(fields) { ["Consent"] = null });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noConsent.StatusCode);
        var offGrid = await client.SubmitAsync(form, "#phone-booking-form", new Dictionary<string, string?>(fields) { ["Slot"] = $"{date}T09:07" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, offGrid.StatusCode);
        Assert.NotEqual("", OnlineBookings.Problem(await Html.ReadAsync(offGrid)));

        var booked = await client.SubmitAsync(form, "#phone-booking-form", fields);

        Assert.StartsWith("/admin/bookings/", booked.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var appointment = await _site.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Patient.Email == email));
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal((ChangedBy.Staff, account.Email), (appointment.History[0].By, appointment.History[0].Actor));
        var confirmation = Assert.Single(await _site.SendEmailsAsync(_smtp, email));
        Assert.Contains("confirmed", confirmation.Subject, StringComparison.OrdinalIgnoreCase);

        var sameTime = await client.SubmitAsync(form, "#phone-booking-form", new Dictionary<string, string?>(fields) { ["SubmissionId"] = Guid.NewGuid().ToString(), ["Email"] = NewEmail() });
        Assert.Equal(HttpStatusCode.Conflict, sameTime.StatusCode);
    }

    [Fact]
    public async Task A_phone_booking_without_an_email_address_is_stored_sends_the_patient_nothing_and_says_so()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        using var scope = _site.Services.CreateScope();
        var free = await OnlineBookings.FreeSlotsAsync(scope.ServiceProvider, practitioner.Id);
        var (client, _) = await StaffAsync();
        var form = await client.GetPageAsync($"/admin/bookings/new?treatment=pico-laser&practitioner={practitioner.Id}&date={free[0].Date:yyyy-MM-dd}");
        Assert.False(form.QuerySelector("#phone-booking-form input#Email")!.HasAttribute("required"));
        var name = $"Phone Only {Guid.NewGuid():N}";

        var booked = await client.SubmitAsync(form, "#phone-booking-form", new Dictionary<string, string?>
        {
            ["Slot"] = form.QuerySelectorAll("#phone-booking-form input[name=Slot]")[0].GetAttribute("value"),
            ["Name"] = name,
            ["Phone"] = "012-345 6789",
            ["Email"] = "  ",
            ["Consent"] = "true",
        });

        var page = await Html.ReadAsync(booked);
        Assert.StartsWith("/admin/bookings/", booked.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("patient gets no emails", page.QuerySelector(".flash")!.TextContent);
        Assert.Contains("No email address", page.QuerySelector("#patient #no-email")!.TextContent);
        Assert.Null(page.QuerySelector("#patient a[href^='mailto:']"));
        var appointment = await _site.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient.Name == name));
        Assert.Null(appointment.Patient.Email);
        Assert.Equal([EmailKind.ClinicNewBookingNotice], await _site.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == appointment.Id).Select(m => m.Kind).ToListAsync()));
        await _site.SendDueEmailsAsync();
        var notice = Assert.Single(_smtp.To(Email.TestBookings.ClinicInbox), m => m.Subject.Contains(BookingReference.Display(appointment.Reference), StringComparison.Ordinal));
        Assert.Empty(notice.Message.ReplyTo.Mailboxes);
        Assert.Contains(name, notice.Text, StringComparison.Ordinal);

        // A staff change later still sends the patient nothing.
        var cancelled = await client.SubmitAsync(page, "#cancel-form", new Dictionary<string, string?> { ["reason"] = "Patient called to cancel" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal([EmailKind.ClinicNewBookingNotice], await _site.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == appointment.Id).Select(m => m.Kind).ToListAsync()));
    }

    [Fact]
    public async Task A_phone_booking_refusal_answers_with_the_same_status_code_as_the_public_form()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        using var scope = _site.Services.CreateScope();
        var free = await OnlineBookings.FreeSlotsAsync(scope.ServiceProvider, practitioner.Id);
        var (client, _) = await StaffAsync();
        var form = await client.GetPageAsync($"/admin/bookings/new?treatment=pico-laser&practitioner={practitioner.Id}&date={free[0].Date:yyyy-MM-dd}");
        var fields = new Dictionary<string, string?>
        {
            ["Slot"] = form.QuerySelectorAll("#phone-booking-form input[name=Slot]")[0].GetAttribute("value"),
            ["Name"] = "Lim Wei Jie",
            ["Phone"] = "012-345 6789",
            ["Email"] = NewEmail(),
            ["Consent"] = "true",
        };

        var unknownTreatment = await client.SubmitAsync(form, "#phone-booking-form", new Dictionary<string, string?>(fields) { ["Treatment"] = "no-such-treatment" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTreatment.StatusCode);
        Assert.StartsWith("That treatment cannot be booked online.", OnlineBookings.Problem(await Html.ReadAsync(unknownTreatment)), StringComparison.Ordinal);
        Assert.StartsWith("/admin/bookings/", (await client.SubmitAsync(form, "#phone-booking-form", fields)).RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var reused = await client.SubmitAsync(form, "#phone-booking-form", new Dictionary<string, string?>(fields) { ["Email"] = NewEmail() });

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        var again = await Html.ReadAsync(reused);
        Assert.NotEqual(form.QuerySelector("input[name=SubmissionId]")!.GetAttribute("value"), again.QuerySelector("input[name=SubmissionId]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_phone_booking_page_refuses_a_date_outside_the_booking_window_as_the_public_page_does()
    {
        var (client, _) = await StaffAsync();

        var response = await client.GetAsync("/admin/bookings/new?treatment=pico-laser&date=2001-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.StartsWith("Please choose a date from", OnlineBookings.Problem(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#phone-booking-form"));
    }

    [Fact]
    public async Task The_list_filters_by_search_status_and_doctor_and_the_csv_export_neutralises_formulas()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var formula = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail(), "=HYPERLINK(\"http://evil.test\",\"Click\")");
        var plus = await OnlineBookings.BookAsync(_site, practitioner.Id, "mei.ling@patients.test", "+cmd|' /C calc'!A0", nth: 2);
        var (client, account) = await StaffAsync();

        var all = await client.GetPageAsync($"/admin/bookings?practitioner={practitioner.Id}");
        Assert.Equal(2, all.QuerySelectorAll("#bookings-table tbody tr").Length);
        var byReference = await client.GetPageAsync($"/admin/bookings?search={BookingReference.Display(plus.Reference).ToLowerInvariant()}");
        Assert.Contains(BookingReference.Display(plus.Reference), Assert.Single(byReference.QuerySelectorAll("#bookings-table tbody tr")).TextContent);
        var byEmail = await client.GetPageAsync($"/admin/bookings?practitioner={practitioner.Id}&search=MEI.LING");
        Assert.Single(byEmail.QuerySelectorAll("#bookings-table tbody tr"));
        var byPhone = await client.GetPageAsync($"/admin/bookings?practitioner={practitioner.Id}&search=012-345%206789");
        Assert.Equal(2, byPhone.QuerySelectorAll("#bookings-table tbody tr").Length);
        var cancelled = await client.GetPageAsync($"/admin/bookings?practitioner={practitioner.Id}&status=Cancelled");
        Assert.Empty(cancelled.QuerySelectorAll("#bookings-table tbody tr"));
        var bad = await client.GetAsync($"/admin/bookings?from=not-a-date&page=x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("could not be read", (await Html.ReadAsync(bad)).QuerySelector(".notice")!.TextContent);

        var export = await client.GetAsync(all.QuerySelector("#export-csv")!.GetAttribute("href"));

        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Reference,Date,Time,Status,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Click\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",'+cmd|' /C calc'!A0,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",'+60 12-345 6789,", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal) || l.Contains(",+", StringComparison.Ordinal) || l.Contains(",\"=", StringComparison.Ordinal));
        var audit = await _site.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "bookings.exported" && a.Actor == account.Email));
        Assert.Contains($"practitioner {practitioner.Id}", audit.Details);
        Assert.DoesNotContain("HYPERLINK", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_search_counts_and_pages_the_bookings_that_match_it_and_every_other_filter()
    {
        var first = await TestBookings.PractitionerAsync(_site);
        var second = await TestBookings.PractitionerAsync(_site);
        var treatment = (await TestBookings.TreatmentAsync(_site)).Id;
        var family = $"Searchfamily{Guid.NewGuid().ToString("N")[..8]}";
        var monday = TestBookings.NextWeek(DayOfWeek.Monday);
        for (var i = 0; i < 27; i++)
        {
            await TestBookings.BookAsync(_site, first.Id, treatment, TestBookings.ClinicTime(monday.AddDays(i / 8), 9 + i % 8), patientName: $"Test Mei {family}");
        }

        await TestBookings.BookAsync(_site, second.Id, treatment, TestBookings.ClinicTime(monday, 9), patientName: $"Test Ali {family}");
        await TestBookings.BookAsync(_site, second.Id, treatment, TestBookings.ClinicTime(monday, 10), patientName: $"Test Ali {family}");
        var (client, _) = await StaffAsync();

        // All 29 found (the search's own count), 25 on the first page and the other 4 on the second, in time order.
        var pageOne = await client.GetPageAsync($"/admin/bookings?search={family.ToUpperInvariant()}");
        Assert.Equal("Bookings found: 29", pageOne.QuerySelector("#bookings-count")!.TextContent);
        Assert.Equal(BookingSearch.PageSize, pageOne.QuerySelectorAll("#bookings-table tbody tr").Length);
        var pageTwo = await client.GetPageAsync($"/admin/bookings?search={family}&page=2");
        Assert.Equal(4, pageTwo.QuerySelectorAll("#bookings-table tbody tr").Length);

        // With another filter, only the bookings that match both are counted and listed.
        var atSecond = await client.GetPageAsync($"/admin/bookings?search={family}&practitioner={second.Id}");
        Assert.Equal("Bookings found: 2", atSecond.QuerySelector("#bookings-count")!.TextContent);
        Assert.All(atSecond.QuerySelectorAll("#bookings-table tbody tr"), row => Assert.Contains("Test Ali", row.TextContent, StringComparison.Ordinal));

        // A first name and family name typed with a space, in any case.
        var fullName = await client.GetPageAsync($"/admin/bookings?search={Uri.EscapeDataString($"ali {family.ToLowerInvariant()}")}");
        Assert.Equal("Bookings found: 2", fullName.QuerySelector("#bookings-count")!.TextContent);
    }

    [Fact]
    public async Task A_failed_email_is_listed_and_try_again_sends_it()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var email = NewEmail();
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, email);
        await _site.SendEmailsAsync(_smtp, email);
        var failedId = await TestBookings.FailedEmailAsync(_site, booking);
        var (client, account) = await StaffAsync();
        Assert.Equal("/admin/emails/failed", (await client.GetPageAsync("/admin")).QuerySelector("#stat-failed-emails a")!.GetAttribute("href"));

        var page = await client.GetPageAsync("/admin/emails/failed");
        var row = Assert.Single(page.QuerySelectorAll("#failed-emails tbody tr"), r => r.TextContent.Contains(BookingReference.Display(booking.Reference), StringComparison.Ordinal));
        Assert.Contains("550 mailbox unavailable", row.TextContent);
        Assert.Contains("10", row.TextContent);

        await client.SubmitAsync(page, $"form[action='/admin/emails/{failedId}/retry']", new Dictionary<string, string?>());

        Assert.Equal(2, (await _site.SendEmailsAsync(_smtp, email)).Count);
        Assert.Equal(OutboxStatus.Sent, await _site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == failedId).Select(m => m.Status).SingleAsync()));
        Assert.True(await _site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "email.retried" && a.Subject == $"Email {failedId}" && a.Actor == account.Email)));
    }

    [Fact]
    public async Task The_calendar_shows_a_day_per_doctor_and_a_week_with_links_to_each_booking()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail(), "Siti Calendar");
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(booking.StartUtc, TestBookings.ClinicZone));
        var (client, _) = await StaffAsync();

        var day = await client.GetPageAsync($"/admin/bookings/calendar?date={date:yyyy-MM-dd}");
        var column = Assert.Single(day.QuerySelectorAll(".calendar-column"), c => c.QuerySelector("h3")!.TextContent == practitioner.Name);
        Assert.Contains("Siti Calendar", column.TextContent);
        Assert.NotNull(column.QuerySelector($"a[href='/admin/bookings/{booking.Id}']"));

        var week = await client.GetPageAsync($"/admin/bookings/calendar?view=week&date={date:yyyy-MM-dd}&practitioner={practitioner.Id}");
        Assert.Equal(7, week.QuerySelectorAll(".calendar-column").Length);
        Assert.Single(week.QuerySelectorAll(".calendar-item"));
    }

    [Fact]
    public async Task The_list_the_calendar_and_the_booking_page_show_each_status_as_a_coloured_badge_in_words()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var requested = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        var cancelled = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail(), nth: 2);
        using (var scope = _site.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<BookingService>().CancelAsync(cancelled.Id, ChangedBy.Staff, "test", "Closed", null, CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        var (client, _) = await StaffAsync();
        var list = await client.GetPageAsync($"/admin/bookings?practitioner={practitioner.Id}");
        (string?, string) BadgeInRow(string reference)
        {
            var badge = Assert.Single(list.QuerySelectorAll("#bookings-table tbody tr"), r => r.TextContent.Contains(reference, StringComparison.Ordinal)).QuerySelector(".badge")!;
            return (badge.GetAttribute("class"), badge.TextContent);
        }

        Assert.Equal(("badge badge-attention", "waiting for confirmation"), BadgeInRow(BookingReference.Display(requested.Reference)));
        Assert.Equal(("badge badge-alert", "cancelled"), BadgeInRow(BookingReference.Display(cancelled.Reference)));
        var page = await client.GetPageAsync($"/admin/bookings/{cancelled.Id}");
        Assert.Contains(page.QuerySelectorAll(".badge"), b => b.GetAttribute("class") == "badge badge-alert" && b.TextContent == "cancelled");

        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(requested.StartUtc, TestBookings.ClinicZone));
        var day = await client.GetPageAsync($"/admin/bookings/calendar?date={date:yyyy-MM-dd}");
        var item = Assert.Single(day.QuerySelectorAll(".calendar-item"), i => i.TextContent.Contains(BookingReference.Display(requested.Reference), StringComparison.Ordinal));
        Assert.Equal("badge badge-attention", item.QuerySelector(".badge")?.GetAttribute("class"));

        // The badges' words are kept per language once looked up: the staff area in Malay, then in English again.
        await client.SubmitAsync(await client.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = "/admin", ["language"] = "ms" });
        list = await client.GetPageAsync($"/admin/bookings?practitioner={practitioner.Id}");
        Assert.Equal(("badge badge-attention", "menunggu pengesahan"), BadgeInRow(BookingReference.Display(requested.Reference)));
        Assert.Equal(("badge badge-alert", "dibatalkan"), BadgeInRow(BookingReference.Display(cancelled.Reference)));
        await client.SubmitAsync(await client.GetPageAsync("/admin"), "#admin-language-form", new Dictionary<string, string?> { ["returnUrl"] = "/admin", ["language"] = "en" });
        list = await client.GetPageAsync($"/admin/bookings?practitioner={practitioner.Id}");
        Assert.Equal(("badge badge-alert", "cancelled"), BadgeInRow(BookingReference.Display(cancelled.Reference)));
    }

    [Fact]
    public async Task The_calendar_shows_the_same_bookings_for_a_date_in_the_day_and_the_week_view()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var first = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail(), nth: 3);
        var cancelled = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail(), nth: 6);
        using (var scope = _site.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<BookingService>().CancelAsync(cancelled.Id, ChangedBy.Staff, "test", "Closed", null, CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(first.StartUtc, TestBookings.ClinicZone));
        var (client, _) = await StaffAsync();

        var day = await client.GetPageAsync($"/admin/bookings/calendar?date={date:yyyy-MM-dd}");
        var week = await client.GetPageAsync($"/admin/bookings/calendar?view=week&date={date:yyyy-MM-dd}");

        static List<string> Items(IEnumerable<AngleSharp.Dom.IElement> columns) =>
            columns.SelectMany(c => c.QuerySelectorAll(".calendar-item")).Select(i => i.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();
        var inDay = Items(day.QuerySelectorAll(".calendar-column"));
        var inWeek = Items([week.QuerySelectorAll(".calendar-column")[((int)date.DayOfWeek + 6) % 7]]);
        Assert.Equal(inDay, inWeek);
        Assert.True(inDay.Count >= 2);
        Assert.Contains(inDay, i => i.Contains(BookingReference.Display(first.Reference), StringComparison.Ordinal));
        Assert.DoesNotContain(inDay, i => i.Contains(BookingReference.Display(cancelled.Reference), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("date=abc", "today is shown")]
    [InlineData("date=0001-01-01", "today is shown")]
    [InlineData("view=week&date=9999-12-31", "today is shown")]
    [InlineData("practitioner=abc", "every doctor is shown")]
    [InlineData("practitioner=999999", "every doctor is shown")]
    public async Task A_calendar_address_that_cannot_be_shown_says_what_is_shown_instead_with_a_400(string query, string says)
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var (client, _) = await StaffAsync();
        var week = query.StartsWith("view=week", StringComparison.Ordinal);
        var normal = await client.GetPageAsync(week ? "/admin/bookings/calendar?view=week" : "/admin/bookings/calendar");
        Assert.Null(normal.QuerySelector("[role=alert]"));

        var response = await client.GetAsync($"/admin/bookings/calendar?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(says, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(normal.QuerySelector("#calendar-title")!.TextContent, page.QuerySelector("#calendar-title")!.TextContent);
        if (!week)
        {
            Assert.Contains(page.QuerySelectorAll(".calendar-column h3"), h => h.TextContent == practitioner.Name);
        }

        Assert.All(page.QuerySelectorAll(".calendar-nav a"), a => Assert.DoesNotContain("practitioner=999999", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_move_with_a_doctor_that_cannot_be_read_is_refused_and_the_booking_stays_where_it_was()
    {
        var practitioner = await TestBookings.PractitionerAsync(_site);
        var booking = await OnlineBookings.BookAsync(_site, practitioner.Id, NewEmail());
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(booking.StartUtc, TestBookings.ClinicZone));
        var (client, _) = await StaffAsync();

        var shown = await client.GetAsync($"/admin/bookings/{booking.Id}?date={date:yyyy-MM-dd}&practitioner=abc");
        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.Contains("doctor could not be read", (await Html.ReadAsync(shown)).QuerySelector("#booking-problem")!.TextContent, StringComparison.Ordinal);
        var unknown = await client.GetAsync($"/admin/bookings/{booking.Id}?date={date:yyyy-MM-dd}&practitioner=2147483647");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("could not find that doctor", (await Html.ReadAsync(unknown)).QuerySelector("#booking-problem")!.TextContent, StringComparison.Ordinal);
        var badDate = await client.GetAsync($"/admin/bookings/{booking.Id}?date=2026-02-30");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("date could not be read", (await Html.ReadAsync(badDate)).QuerySelector("#booking-problem")!.TextContent, StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/admin/bookings/{booking.Id}?date={date:yyyy-MM-dd}&practitioner={practitioner.Id}");
        var target = page.QuerySelectorAll("#move input[name=slot]").Select(i => i.GetAttribute("value")).Last()!;
        var moved = await client.SubmitAsync(page, "#move", new Dictionary<string, string?> { ["slot"] = target, ["practitioner"] = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("doctor could not be read", OnlineBookings.Problem(await Html.ReadAsync(moved)));
        var saved = await OnlineBookings.LoadAsync(_site, booking.Id);
        Assert.Equal(booking.StartUtc, saved.StartUtc);
        Assert.DoesNotContain(saved.History, h => h.What.StartsWith("Rescheduled", StringComparison.Ordinal));
    }
}
