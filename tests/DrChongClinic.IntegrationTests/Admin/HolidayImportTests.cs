using System.Globalization;
using System.Net;
using System.Text;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>Staff import public holidays from an .ics file: a preview with the clashing bookings, then audited closures on confirm.</summary>
public sealed class HolidayImportTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task An_uploaded_calendar_is_previewed_with_its_clashes_and_saved_as_audited_closures_on_confirm()
    {
        var (client, account) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        var oneDay = TestBookings.NextWeek(DayOfWeek.Wednesday).AddDays(140);
        var twoDays = oneDay.AddDays(14);
        var clash = await TestBookings.BookAsync(factory, practitioner.Id, treatment.Id, TestBookings.ClinicTime(oneDay, 10, 30));
        var ics = Calendar(
            Event(oneDay, oneDay.AddDays(1), "Fake Founders Day"),
            Event(twoDays, twoDays.AddDays(2), "Pretend Festival\\, both days"),
            Event(oneDay.AddDays(-400), oneDay.AddDays(-399), "Long Gone Day"),
            "BEGIN:VEVENT\r\nDTSTART:20310101T090000Z\r\nSUMMARY:A timed meeting\r\nEND:VEVENT\r\n");

        var preview = await Html.ReadAsync(await UploadAsync(client, ics));

        Assert.Equal(["Fake Founders Day", "Pretend Festival, both days"],
            preview.QuerySelectorAll("#holidays-table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        var rows = preview.QuerySelectorAll("#holidays-table tbody tr");
        Assert.Contains(clash.Reference, rows[0].TextContent);
        Assert.Contains("–", rows[1].QuerySelector("td")!.TextContent);
        Assert.Contains(clash.Reference, Assert.Single(preview.QuerySelectorAll("section.conflicts .conflict-row")).TextContent);
        Assert.Contains("2 to add, 0 already closed, 1 already over, 1 other events left out", preview.QuerySelector("#holiday-summary")!.TextContent);
        Assert.Equal("Add 2 closures anyway", preview.QuerySelector("#holiday-import-form button[type=submit]")!.TextContent.Trim());
        Assert.False(await factory.WithDbAsync(db => db.Closures.AnyAsync(c => c.FirstDay == oneDay)));

        var saved = await client.SubmitAsync(preview, "#holiday-import-form", new Dictionary<string, string?>());

        Assert.Equal("/admin/schedule/closures", saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("2 closures added", (await Html.ReadAsync(saved)).QuerySelector(".flash")!.TextContent);
        var closures = await factory.WithDbAsync(db => db.Closures.Where(c => c.FirstDay >= oneDay && c.FirstDay <= twoDays).OrderBy(c => c.FirstDay).ToListAsync());
        Assert.Equal(
            [(oneDay, oneDay, "Fake Founders Day", (int?)null), (twoDays, twoDays.AddDays(1), "Pretend Festival, both days", null)],
            closures.Select(c => (c.FirstDay, c.LastDay, c.Reason, c.PractitionerId)));
        var audits = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "closure.created" && a.Details!.Contains("imported")).ToListAsync());
        Assert.Equal(closures.Select(c => $"Closure {c.Id}").Order(), audits.Select(a => a.Subject).Order());
        Assert.All(audits, a => Assert.Equal(account.Email, a.Actor));
        Assert.Contains(clash.Reference, audits.Single(a => a.Subject == $"Closure {closures[0].Id}").Details);

        // The same file again adds nothing: both days are closed already.
        var again = await Html.ReadAsync(await UploadAsync(client, ics));
        Assert.Equal(2, again.QuerySelectorAll("#holidays-table tbody tr").Count(r => r.TextContent.Contains("Already closed", StringComparison.Ordinal)));
        Assert.Null(again.QuerySelector("#holiday-import-form button[type=submit]"));
    }

    [Theory]
    [InlineData("hello, this is not a calendar", "not a calendar file")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Never closed\r\n", "not a calendar file")]
    [InlineData("", "Choose a calendar file")]
    [InlineData(null, "too large")]
    public async Task A_bad_file_gets_a_clear_message_and_nothing_is_saved(string? text, string message)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var before = await factory.WithDbAsync(db => db.Closures.CountAsync());
        var content = text is null
            ? Calendar(Enumerable.Range(0, 1250).Select(i => Event(new DateOnly(2031, 1, 1), new DateOnly(2031, 1, 2), new string('x', 300))).ToArray())
            : text;

        var response = await UploadAsync(client, content);

        Assert.Equal(text is null ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ReadAsync(response)).QuerySelector("#holiday-upload-form .form-errors")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Closures.CountAsync()));
    }

    [Fact]
    public async Task A_file_well_over_the_limit_gets_the_upload_page_and_its_too_large_message()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);

        var response = await UploadAsync(client, Calendar(Enumerable.Range(0, 3000).Select(i => Event(new DateOnly(2031, 1, 1), new DateOnly(2031, 1, 2), new string('x', 300))).ToArray()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", (await Html.ReadAsync(response)).QuerySelector("#holiday-upload-form .form-errors")!.TextContent);
    }

    [Fact]
    public async Task Dates_far_in_the_past_or_future_are_left_out_and_the_rest_is_previewed()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var day = TestBookings.NextWeek(DayOfWeek.Thursday).AddDays(280);
        var ics = Calendar(
            Event(day, day.AddDays(1), "Ordinary Made-up Day"),
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:99991231\r\nSUMMARY:End of Time\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:99991230\r\nDURATION:P5D\r\nSUMMARY:Past the End\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:00010102\r\nSUMMARY:Start of Time\r\nEND:VEVENT\r\n");

        var response = await UploadAsync(client, ics);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await Html.ReadAsync(response);
        Assert.Equal(["Ordinary Made-up Day"], preview.QuerySelectorAll("#holidays-table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.Contains("3 other events left out", preview.QuerySelector("#holiday-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_the_most_events_and_holidays_allowed_is_previewed_and_saved_in_full()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var first = new DateOnly(2150, 1, 1);
        var holidays = Enumerable.Range(0, 500).Select(i => Event(first.AddDays(i), first.AddDays(i + 1), $"Made-up Day {i}"));
        var timed = Enumerable.Range(0, 1500).Select(i => $"BEGIN:VEVENT\r\nDTSTART:21500101T0{i % 10}0000Z\r\nSUMMARY:Meeting {i}\r\nEND:VEVENT\r\n");

        var preview = await Html.ReadAsync(await UploadAsync(client, Calendar(holidays.Concat(timed).ToArray())));
        Assert.Equal(500, preview.QuerySelectorAll("#holidays-table tbody tr").Length);
        var saved = await client.SubmitAsync(preview, "#holiday-import-form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("500 closures added", (await Html.ReadAsync(saved)).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(500, await factory.WithDbAsync(db => db.Closures.CountAsync(c => c.FirstDay >= first && c.FirstDay < first.AddDays(500))));
    }

    [Fact]
    public async Task The_same_import_confirmed_five_times_at_once_adds_each_holiday_once()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var first = new DateOnly(2160, 3, 2);
        var preview = await Html.ReadAsync(await UploadAsync(client, Calendar(
            Event(first, first.AddDays(1), "Double Click Day"), Event(first.AddDays(7), first.AddDays(8), "Double Click Day Two"))));

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var confirms = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await client.SubmitAsync(preview, "#holiday-import-form", new Dictionary<string, string?>());
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(confirms);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Closures.CountAsync(c => c.Reason.StartsWith("Double Click Day"))));
    }

    [Fact]
    public async Task A_tampered_confirmation_is_refused_and_nothing_is_saved()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var day = TestBookings.NextWeek(DayOfWeek.Friday).AddDays(210);
        var preview = await Html.ReadAsync(await UploadAsync(client, Calendar(Event(day, day.AddDays(1), "Imaginary Day"))));

        var response = await client.SubmitAsync(preview, "#holiday-import-form", new Dictionary<string, string?>
        {
            ["Holidays[0].LastDay"] = day.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("could not be read", (await Html.ReadAsync(response)).QuerySelector(".form-errors")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Closures.AnyAsync(c => c.FirstDay == day)));
    }

    /// <summary>Uploads a file as the browser's form does: the anti-forgery token from the upload page and the file.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string ics)
    {
        var form = await client.GetPageAsync("/admin/schedule/closures/import");
        var token = form.QuerySelector("#holiday-upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ics)) { Headers = { { "Content-Type", "text/calendar" } } }, "file", "holidays.ics" },
        };
        return await client.PostAsync("/admin/schedule/closures/import", content);
    }

    private static string Calendar(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Made-up Holidays//EN\r\n" + string.Concat(events) + "END:VCALENDAR\r\n";

    private static string Event(DateOnly start, DateOnly endExclusive, string summary) =>
        $"BEGIN:VEVENT\r\nUID:{Guid.NewGuid():N}@test\r\nDTSTART;VALUE=DATE:{start:yyyyMMdd}\r\nDTEND;VALUE=DATE:{endExclusive:yyyyMMdd}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n";
}
