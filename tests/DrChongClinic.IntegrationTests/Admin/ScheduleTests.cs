using System.Net;
using AngleSharp.Dom;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>Staff manage treatments, doctors, weekly hours and closures; every change is audited and none strands a booking silently.</summary>
public sealed class ScheduleTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private async Task<(HttpClient Client, TestAccount Account)> StaffAsync() => await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

    [Fact]
    public async Task Staff_add_a_treatment_with_both_names_and_it_is_audited()
    {
        var (client, account) = await StaffAsync();
        var code = $"led-{Guid.NewGuid().ToString("N")[..6]}";

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/treatments/new"), "#treatment-form", new Dictionary<string, string?>
        {
            ["Code"] = code,
            ["NameEn"] = "LED light therapy",
            ["NameMs"] = "Terapi cahaya LED",
            ["DurationMinutes"] = "40",
            ["BufferMinutes"] = "10",
            ["SortOrder"] = "9",
        });

        Assert.Equal("/admin/schedule/treatments", response.RequestMessage!.RequestUri!.AbsolutePath);
        var treatment = await factory.WithDbAsync(db => db.Treatments.SingleAsync(t => t.Code == code));
        Assert.Equal(("LED light therapy", "Terapi cahaya LED", 40, 10, true), (treatment.NameEn, treatment.NameMs, treatment.DurationMinutes, treatment.BufferMinutes, treatment.IsActive));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "treatment.created" && a.Subject == $"Treatment {treatment.Id}"));
        Assert.Equal(account.Email, audit.Actor);
        Assert.Contains("Terapi cahaya LED", audit.Details);
    }

    [Theory]
    [InlineData("DurationMinutes", "7", "steps of 5 minutes")]
    [InlineData("DurationMinutes", "0", "between 5 and 480")]
    [InlineData("DurationMinutes", "abc", "This value is not valid. Please check it and try again.")]
    [InlineData("IsActive", "abc", "This value is not valid. Please check it and try again.")]
    [InlineData("BufferMinutes", "99999999999999999999", "This value is not valid. Please check it and try again.")]
    [InlineData("NameMs", "", "Enter a name")]
    [InlineData("Code", "Pico Laser!", "lower-case letters")]
    [InlineData("Price", "-5", "no negative amounts")]
    [InlineData("Price", "100000.01", "at most RM 100,000.00")]
    [InlineData("Price", "12.345", "at most two decimals")]
    [InlineData("Price", "free", "Enter the price in ringgit")]
    public async Task A_treatment_with_bad_values_is_refused_with_a_clear_message_and_nothing_is_stored(string field, string value, string message)
    {
        var (client, _) = await StaffAsync();
        var before = await factory.WithDbAsync(db => db.Treatments.CountAsync());
        var fields = new Dictionary<string, string?>
        {
            ["Code"] = $"new-{Guid.NewGuid().ToString("N")[..6]}",
            ["NameEn"] = "Something",
            ["NameMs"] = "Sesuatu",
            ["DurationMinutes"] = "30",
            ["BufferMinutes"] = "0",
            ["SortOrder"] = "1",
        };
        fields[field] = value;

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/treatments/new"), "#treatment-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ReadAsync(response)).QuerySelector($"[data-valmsg-for={field}]")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Treatments.CountAsync()));
    }

    [Theory]
    [InlineData("0")] // numbers only (staff-area sweep)
    [InlineData("2147483647")]
    [InlineData("pico--laser")]
    [InlineData("-pico")]
    public async Task A_code_not_written_as_lower_case_words_is_refused_and_nothing_stored(string code)
    {
        var (client, _) = await StaffAsync();
        var before = await factory.WithDbAsync(db => db.Treatments.CountAsync());

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/treatments/new"), "#treatment-form", new Dictionary<string, string?>
        {
            ["Code"] = code,
            ["NameEn"] = "Odd code",
            ["NameMs"] = "Kod pelik",
            ["DurationMinutes"] = "30",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lower-case letters", (await Html.ReadAsync(response)).QuerySelector("[data-valmsg-for=Code]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Treatments.CountAsync()));
    }

    [Fact]
    public async Task A_code_another_treatment_uses_is_a_conflict_with_the_form_kept_and_nothing_stored()
    {
        var (client, _) = await StaffAsync();
        var before = await factory.WithDbAsync(db => db.Treatments.CountAsync());

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/treatments/new"), "#treatment-form", new Dictionary<string, string?>
        {
            ["Code"] = "pico-laser",
            ["NameEn"] = "Second pico",
            ["NameMs"] = "Pico kedua",
            ["DurationMinutes"] = "30",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("already uses this code", page.QuerySelector("[data-valmsg-for=Code]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second pico", page.QuerySelector("#treatment-form [name=NameEn]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Treatments.CountAsync()));
    }

    [Fact]
    public async Task Staff_set_a_starting_price_and_what_it_includes_and_patients_see_it()
    {
        var (client, _) = await StaffAsync();
        var treatment = await TestBookings.TreatmentAsync(factory);
        var form = await client.GetPageAsync($"/admin/schedule/treatments/{treatment.Id}");
        Assert.Equal("", form.QuerySelector("input[name=Price]")!.GetAttribute("value") ?? "");

        await client.SubmitAsync(form, "#treatment-form", new Dictionary<string, string?>
        {
            ["Price"] = "RM 1,250.5",
            ["PriceIsFrom"] = "true",
            ["IncludedEn"] = "Numbing cream and one session",
            ["IncludedMs"] = "Krim kebas dan satu sesi",
        });

        var saved = await factory.WithDbAsync(db => db.Treatments.SingleAsync(t => t.Id == treatment.Id));
        Assert.Equal((1250.50m, true, "Numbing cream and one session", "Krim kebas dan satu sesi"), (saved.Price, saved.PriceIsFrom, saved.IncludedEn, saved.IncludedMs));
        Assert.Contains("From RM 1,250.50", (await client.GetPageAsync("/admin/schedule/treatments")).QuerySelector("#treatments-table")!.TextContent);
        var card = (await factory.CreateClient().GetPageAsync("/ms/rawatan")).QuerySelector($"#{treatment.Code}")!.TextContent;
        Assert.Contains("Dari RM 1,250.50", card);
        Assert.Contains("Krim kebas dan satu sesi", card);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "treatment.updated" && a.Subject == $"Treatment {treatment.Id}").ToListAsync());
        Assert.Contains("price from RM 1250.50", Assert.Single(audit).Details);

        await client.SubmitAsync(await client.GetPageAsync($"/admin/schedule/treatments/{treatment.Id}"), "#treatment-form", new Dictionary<string, string?> { ["Price"] = "", ["PriceIsFrom"] = null });
        Assert.Null((await factory.WithDbAsync(db => db.Treatments.SingleAsync(t => t.Id == treatment.Id))).Price);
    }

    [Fact]
    public async Task Editing_a_treatment_keeps_its_code_and_audits_before_and_after()
    {
        var (client, _) = await StaffAsync();
        var treatment = await TestBookings.TreatmentAsync(factory);

        await client.SubmitAsync(await client.GetPageAsync($"/admin/schedule/treatments/{treatment.Id}"), "#treatment-form", new Dictionary<string, string?>
        {
            ["Code"] = "hijacked-code",
            ["DurationMinutes"] = "45",
        });

        var saved = await factory.WithDbAsync(db => db.Treatments.SingleAsync(t => t.Id == treatment.Id));
        Assert.Equal((treatment.Code, 45), (saved.Code, saved.DurationMinutes));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "treatment.updated" && a.Subject == $"Treatment {treatment.Id}"));
        Assert.Contains("30 min", audit.Details);
        Assert.Contains("45 min", audit.Details);
    }

    [Fact]
    public async Task Deactivating_a_treatment_with_coming_bookings_lists_them_and_changes_nothing_until_confirmed()
    {
        var (client, _) = await StaffAsync();
        var treatment = await TestBookings.TreatmentAsync(factory);
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var tuesday = TestBookings.NextWeek(DayOfWeek.Tuesday);
        var booking = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(tuesday, 10, 30));
        var form = await client.GetPageAsync($"/admin/schedule/treatments/{treatment.Id}");

        var warning = await Html.ReadAsync(await client.SubmitAsync(form, "#treatment-form", new Dictionary<string, string?> { ["IsActive"] = "false" }));

        var row = Assert.Single(warning.QuerySelectorAll(".conflict-row"));
        Assert.Contains(booking.Reference, row.TextContent);
        Assert.Contains($"{tuesday.Day} {tuesday:MMM yyyy}, 10:30", row.TextContent);
        Assert.Contains(treatment.NameEn, row.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.Treatments.Where(t => t.Id == treatment.Id).Select(t => t.IsActive).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == $"Treatment {treatment.Id}")));

        await ConfirmAsync(client, warning, "#treatment-form", new Dictionary<string, string?> { ["IsActive"] = "false" });

        Assert.False(await factory.WithDbAsync(db => db.Treatments.Where(t => t.Id == treatment.Id).Select(t => t.IsActive).SingleAsync()));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Subject == $"Treatment {treatment.Id}"));
        Assert.Contains(booking.Reference, audit.Details);
    }

    [Fact]
    public async Task Staff_add_a_doctor_then_give_them_hours_with_a_lunch_break()
    {
        var (client, account) = await StaffAsync();
        var name = $"Dr Siti {Guid.NewGuid().ToString("N")[..4]}";

        var hoursPage = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/practitioners/new"), "#practitioner-form",
            new Dictionary<string, string?> { ["Name"] = name });
        var practitioner = await factory.WithDbAsync(db => db.Practitioners.SingleAsync(p => p.Name == name));
        Assert.Equal($"/admin/schedule/practitioners/{practitioner.Id}/hours", hoursPage.RequestMessage!.RequestUri!.AbsolutePath);

        var saved = await client.SubmitAsync(await Html.ReadAsync(hoursPage), "#hours-form", new Dictionary<string, string?>
        {
            ["Days[0].Periods[0].Start"] = "09:00",
            ["Days[0].Periods[0].End"] = "13:00",
            ["Days[0].Periods[1].Start"] = "14:00",
            ["Days[0].Periods[1].End"] = "18:00",
            ["Days[5].Periods[0].Start"] = "09:30",
            ["Days[5].Periods[0].End"] = "12:30",
        });

        Assert.Equal("/admin/schedule/practitioners", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var hours = await factory.WithDbAsync(db => db.WorkingHours.Where(h => h.PractitionerId == practitioner.Id).OrderBy(h => h.Day).ThenBy(h => h.Start).ToListAsync());
        Assert.Equal(
            [(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0)), (DayOfWeek.Monday, new TimeOnly(14, 0), new TimeOnly(18, 0)), (DayOfWeek.Saturday, new TimeOnly(9, 30), new TimeOnly(12, 30))],
            hours.Select(h => (h.Day, h.Start, h.End)));
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"Practitioner {practitioner.Id}").Select(a => new { a.Action, a.Actor }).ToListAsync());
        Assert.Equal(["practitioner.created", "working-hours.updated"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(account.Email, a.Actor));
    }

    [Theory]
    [InlineData("Tuesday")] // two Tuesdays, no Monday
    [InlineData("0")] // a number, not a day's name
    [InlineData("Funday")]
    public async Task A_week_without_each_day_once_is_refused_with_a_message_at_the_top(string firstDay)
    {
        var (client, _) = await StaffAsync();
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var before = await factory.WithDbAsync(db => db.WorkingHours.CountAsync(h => h.PractitionerId == practitioner.Id));

        var response = await client.SubmitAsync(await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}/hours"), "#hours-form",
            new Dictionary<string, string?> { ["Days[0].Day"] = firstDay, ["Days[0].Periods[0].Start"] = "09:00", ["Days[0].Periods[0].End"] = "10:00" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("each day of the week once", (await Html.ReadAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.WorkingHours.CountAsync(h => h.PractitionerId == practitioner.Id)));
    }

    [Theory]
    [InlineData("13:00", "09:00", "must be after the start")]
    [InlineData("09:00", null, "both a start and an end")]
    [InlineData("12:00", "15:00", "overlap")]
    [InlineData("18:00:30", "19:00", "steps of 5 minutes")]
    [InlineData("18:00", "19:02", "steps of 5 minutes")]
    public async Task Impossible_hours_are_refused_on_the_right_day_and_nothing_changes(string start, string? end, string message)
    {
        var (client, _) = await StaffAsync();
        var practitioner = await TestBookings.PractitionerAsync(factory);

        var response = await client.SubmitAsync(await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}/hours"), "#hours-form", new Dictionary<string, string?>
        {
            ["Days[2].Periods[2].Start"] = start,
            ["Days[2].Periods[2].End"] = end ?? "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, page.QuerySelectorAll("fieldset.day")[2].QuerySelector(".field-error")!.TextContent);
        Assert.Equal(12, await factory.WithDbAsync(db => db.WorkingHours.CountAsync(h => h.PractitionerId == practitioner.Id)));
    }

    [Fact]
    public async Task Shorter_hours_list_the_bookings_left_outside_them_and_need_confirmation()
    {
        var (client, _) = await StaffAsync();
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var wednesday = TestBookings.NextWeek(DayOfWeek.Wednesday);
        var morning = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(wednesday, 9, 0));
        var afternoon = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(wednesday, 15, 0), requested: true);
        var mornings = new Dictionary<string, string?> { ["Days[2].Periods[1].Start"] = "", ["Days[2].Periods[1].End"] = "" };

        var warning = await Html.ReadAsync(await client.SubmitAsync(await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}/hours"), "#hours-form", mornings));

        var rows = warning.QuerySelectorAll(".conflict-row");
        Assert.Contains(afternoon.Reference, Assert.Single(rows).TextContent);
        Assert.DoesNotContain(morning.Reference, warning.QuerySelector(".conflicts")!.TextContent);
        Assert.Equal("Save anyway", warning.QuerySelector("#hours-form button[type=submit]")!.TextContent.Trim());
        Assert.Equal(12, await factory.WithDbAsync(db => db.WorkingHours.CountAsync(h => h.PractitionerId == practitioner.Id)));

        await ConfirmAsync(client, warning, "#hours-form", mornings);

        Assert.Equal(11, await factory.WithDbAsync(db => db.WorkingHours.CountAsync(h => h.PractitionerId == practitioner.Id)));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "working-hours.updated" && a.Subject == $"Practitioner {practitioner.Id}"));
        Assert.Contains(afternoon.Reference, audit.Details);
    }

    [Fact]
    public async Task Deactivating_a_doctor_lists_their_coming_bookings_first()
    {
        var (client, _) = await StaffAsync();
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var booking = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(TestBookings.NextWeek(DayOfWeek.Friday), 11, 0));
        var inactive = new Dictionary<string, string?> { ["IsActive"] = "false" };

        var warning = await Html.ReadAsync(await client.SubmitAsync(await client.GetPageAsync($"/admin/schedule/practitioners/{practitioner.Id}"), "#practitioner-form", inactive));

        Assert.Contains(booking.Reference, Assert.Single(warning.QuerySelectorAll(".conflict-row")).TextContent);
        Assert.True(await factory.WithDbAsync(db => db.Practitioners.Where(p => p.Id == practitioner.Id).Select(p => p.IsActive).SingleAsync()));

        await ConfirmAsync(client, warning, "#practitioner-form", inactive);

        Assert.False(await factory.WithDbAsync(db => db.Practitioners.Where(p => p.Id == practitioner.Id).Select(p => p.IsActive).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "practitioner.updated" && a.Subject == $"Practitioner {practitioner.Id}")));
    }

    [Fact]
    public async Task A_leave_day_without_bookings_is_saved_at_once_and_can_be_deleted_both_audited()
    {
        var (client, account) = await StaffAsync();
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var day = TestBookings.NextWeek(DayOfWeek.Monday).AddDays(21);

        var list = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/closures/new"), "#closure-form", new Dictionary<string, string?>
        {
            ["PractitionerId"] = practitioner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FirstDay"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["LastDay"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Reason"] = "Annual leave",
        });

        var closure = await factory.WithDbAsync(db => db.Closures.SingleAsync(c => c.PractitionerId == practitioner.Id));
        Assert.Equal((day, day, "Annual leave"), (closure.FirstDay, closure.LastDay, closure.Reason));
        var listPage = await Html.ReadAsync(list);
        Assert.Contains(practitioner.Name, listPage.QuerySelector("#closures-table")!.TextContent);

        await client.SubmitAsync(listPage, $"form[action='/admin/schedule/closures/{closure.Id}/delete']", new Dictionary<string, string?>());

        Assert.False(await factory.WithDbAsync(db => db.Closures.AnyAsync(c => c.Id == closure.Id)));
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"Closure {closure.Id}").Select(a => new { a.Action, a.Actor }).ToListAsync());
        Assert.Equal(["closure.created", "closure.deleted"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(account.Email, a.Actor));
    }

    [Fact]
    public async Task A_clinic_closure_over_booked_days_lists_those_bookings_in_clinic_time_and_needs_confirmation()
    {
        var (client, _) = await StaffAsync();
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var holiday = TestBookings.NextWeek(DayOfWeek.Thursday).AddDays(70);
        var onHoliday = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(holiday, 9, 15));
        var dayAfter = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(holiday.AddDays(1), 9, 15));
        var fields = ClosureFields(null, holiday, holiday, "Hari Raya Aidilfitri");

        var warning = await Html.ReadAsync(await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/closures/new"), "#closure-form", fields));

        var row = Assert.Single(warning.QuerySelectorAll(".conflict-row"));
        Assert.Contains(onHoliday.Reference, row.TextContent);
        Assert.Contains("09:15", row.TextContent);
        Assert.Contains(practitioner.Name, row.TextContent);
        Assert.DoesNotContain(dayAfter.Reference, warning.Body!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Closures.AnyAsync(c => c.FirstDay == holiday)));

        await ConfirmAsync(client, warning, "#closure-form", fields);

        var closure = await factory.WithDbAsync(db => db.Closures.SingleAsync(c => c.FirstDay == holiday));
        Assert.Null(closure.PractitionerId);
        Assert.Contains(onHoliday.Reference, await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"Closure {closure.Id}").Select(a => a.Details).SingleAsync()));
    }

    [Fact]
    public async Task A_booking_made_while_staff_read_the_warning_is_shown_before_anything_is_saved()
    {
        var (client, _) = await StaffAsync();
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var day = TestBookings.NextWeek(DayOfWeek.Tuesday).AddDays(35);
        var first = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(day, 10, 0));
        var fields = ClosureFields(practitioner.Id, day, day, "Conference");
        var warning = await Html.ReadAsync(await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/closures/new"), "#closure-form", fields));

        var second = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(day, 11, 0));
        var again = await Html.ReadAsync(await client.SubmitAsync(warning, "#closure-form", fields));

        Assert.Equal([first.Reference, second.Reference], again.QuerySelectorAll(".conflict-row td.mono").Select(td => td.TextContent.Trim()));
        Assert.False(await factory.WithDbAsync(db => db.Closures.AnyAsync(c => c.PractitionerId == practitioner.Id)));
    }

    [Theory]
    [InlineData(5, 3, "cannot be before the first day")]
    [InlineData(-400, -399, "already be over")]
    public async Task Impossible_closure_dates_are_refused_with_a_clear_message(int firstOffset, int lastOffset, string message)
    {
        var (client, _) = await StaffAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TestBookings.ClinicZone));
        var before = await factory.WithDbAsync(db => db.Closures.CountAsync());

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/closures/new"), "#closure-form",
            ClosureFields(null, today.AddDays(firstOffset), today.AddDays(lastOffset), "Test"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ReadAsync(response)).QuerySelector("[data-valmsg-for=LastDay]")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Closures.CountAsync()));
    }

    /// <summary>Presses "Save anyway" on the warning page: the same values, with the hidden list of bookings staff have seen.</summary>
    private static async Task ConfirmAsync(HttpClient client, IDocument warning, string form, Dictionary<string, string?> fields)
    {
        Assert.Equal("Save anyway", warning.QuerySelector($"{form} button[type=submit]")!.TextContent.Trim());
        var response = await client.SubmitAsync(warning, form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector(".flash"));
    }

    private static Dictionary<string, string?> ClosureFields(int? practitionerId, DateOnly first, DateOnly last, string reason) => new()
    {
        ["PractitionerId"] = practitionerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["FirstDay"] = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["LastDay"] = last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Reason"] = reason,
    };
}
