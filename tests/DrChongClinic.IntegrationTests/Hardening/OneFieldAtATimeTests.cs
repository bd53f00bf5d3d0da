using System.Globalization;

using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Security review finding 9: boundary dates gave 500s (POST /book and the manage-link move with Slot=9999-12-31T23:45 or
/// 0001-01-01T00:00, /admin/bookings?to=9999-12-31). The corpus in <see cref="BadInputCorpusTests"/> changes every field
/// at once, so the validators stop it early. Here each form and query starts from a valid submission and ONE field at a
/// time gets each boundary value: the answer is below 500 without a stack trace, and a refusal stores nothing.
/// </summary>
public sealed class OneFieldAtATimeTests(BookingFactory site) : IClassFixture<BookingFactory>
{
    public static readonly string[] Boundary =
    [
        "0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59", "9999-12-31T23:45",
        int.MaxValue.ToString(CultureInfo.InvariantCulture), int.MinValue.ToString(CultureInfo.InvariantCulture), "-1",
        "1e309", "NaN", Guid.Empty.ToString(), new string('x', 10_000), "Evil\u202Egpj.exe", "\u200B\u200B", "a\0b",
    ];

    private static readonly int[] Hours = [9, 10, 11, 14, 15, 16, 17];
    private static int _nextSlot; // one counter for the class: its tests share the site (and its diary)

    [Fact]
    public async Task Public_booking_form_and_its_query()
    {
        var client = site.Browser();
        foreach (var field in new[] { "treatment", "practitioner", "date" })
        {
            foreach (var value in Boundary)
            {
                var query = new Dictionary<string, string> { ["treatment"] = "pico-laser", ["practitioner"] = "any", ["date"] = "2026-12-08", [field] = value };
                await AssertSafeAsync(await client.GetAsync("/book" + Query(query)), $"GET /book {field}");
                await AssertSafeAsync(await client.GetAsync("/book/slots" + Query(query)), $"GET /book/slots {field}");
            }
        }

        foreach (var field in new[] { "Slot", "Name", "Email", "Phone", "Notes", "Language", "Consent", "SubmissionId", "Treatment", "Practitioner" })
        {
            foreach (var value in Boundary)
            {
                var slot = NextSlot();
                var page = await client.DetailsPageAsync(slot[..10]);
                var fields = BookingSteps.Patient(slot, email: $"one-field-{_nextSlot}@example.com");
                fields[field] = value;
                var before = await site.AppointmentCountAsync();
                var response = await client.SubmitAsync(page, "form[data-booking-form]", fields);
                await AssertSafeAsync(response, $"POST /book {field}={Show(value)}");
                if ((int)response.StatusCode >= 400)
                {
                    Assert.Equal(before, await site.AppointmentCountAsync());
                }
            }
        }
    }

    [Fact]
    public async Task Manage_link_date_move_and_cancel()
    {
        var client = site.Browser();
        var token = await client.BookAndGetTokenAsync(NextSlot(), email: "manage-one-field@example.com");
        var booked = await site.AppointmentAsync(token);
        foreach (var value in Boundary)
        {
            await AssertSafeAsync(await client.GetAsync($"/book/manage/{token}?date={Uri.EscapeDataString(value)}"), $"GET manage date={Show(value)}");
            await AssertSafeAsync(await client.GetAsync($"/book/manage/{token}/slots?date={Uri.EscapeDataString(value)}"), $"GET manage slots date={Show(value)}");
            var page = await client.GetPageAsync($"/book/manage/{token}");
            var move = await client.SubmitAsync(page, "#reschedule form[method=post]", new Dictionary<string, string?> { ["Slot"] = value });
            await AssertSafeAsync(move, $"POST move Slot={Show(value)}");
            Assert.Equal(booked.StartUtc, (await site.AppointmentAsync(token)).StartUtc);
        }

        foreach (var value in Boundary)
        {
            var own = await client.BookAndGetTokenAsync(NextSlot(), email: $"cancel-one-field-{_nextSlot}@example.com");
            var page = await client.GetPageAsync($"/book/manage/{own}");
            var cancel = await client.SubmitAsync(page, "#cancel form", new Dictionary<string, string?> { ["Reason"] = value });
            await AssertSafeAsync(cancel, $"POST cancel Reason={Show(value)}");
            if ((int)cancel.StatusCode >= 400)
            {
                Assert.True((await site.AppointmentAsync(own)).IsActive);
            }
        }
    }

    [Fact]
    public async Task Staff_lists_calendar_booking_page_and_booking_changes()
    {
        var patient = site.Browser();
        var token = await patient.BookAndGetTokenAsync(NextSlot(), email: "staff-one-field@example.com");
        var booking = await site.AppointmentAsync(token);
        var (staff, _) = await StaffAccounts.SignedInAsync(site, "Admin");

        var lists = new (string Path, Dictionary<string, string> Query)[]
        {
            ("/admin/bookings", new() { ["from"] = "2026-12-01", ["to"] = "2026-12-31", ["status"] = "Confirmed", ["treatment"] = "1", ["practitioner"] = "1", ["search"] = "a", ["sort"] = "time", ["page"] = "1" }),
            ("/admin/bookings/calendar", new() { ["view"] = "week", ["date"] = "2026-12-08", ["practitioner"] = "1" }),
            ($"/admin/bookings/{booking.Id}", new() { ["date"] = "2026-12-08", ["practitioner"] = "1" }),
            ("/admin/bookings/new", new() { ["treatment"] = "pico-laser", ["practitioner"] = "any", ["date"] = "2026-12-08" }),
        };
        foreach (var (path, valid) in lists)
        {
            foreach (var field in valid.Keys)
            {
                foreach (var value in Boundary)
                {
                    var query = new Dictionary<string, string>(valid) { [field] = value };
                    await AssertSafeAsync(await staff.GetAsync(path + Query(query)), $"GET {path} {field}={Show(value)}");
                }
            }
        }

        foreach (var value in Boundary)
        {
            foreach (var field in new[] { "slot", "practitioner", "version" })
            {
                var page = await staff.GetPageAsync($"/admin/bookings/{booking.Id}?date=2027-01-28");
                var fields = new Dictionary<string, string?> { ["slot"] = "2027-01-28T16:00", [field] = value };
                var startBefore = (await site.AppointmentAsync(token)).StartUtc;
                await AssertSafeAsync(await staff.SubmitAsync(page, "form#move", fields), $"POST staff move {field}={Show(value)}");
                if (field == "slot")
                {
                    Assert.Equal(startBefore, (await site.AppointmentAsync(token)).StartUtc);
                }
            }

            var notesPage = await staff.GetPageAsync($"/admin/bookings/{booking.Id}");
            await AssertSafeAsync(await staff.SubmitAsync(notesPage, "#notes-form", new Dictionary<string, string?> { ["notes"] = value }), $"POST notes {Show(value)}");
        }

        foreach (var value in Boundary)
        {
            var own = await patient.BookAndGetTokenAsync(NextSlot(), email: $"staff-cancel-{_nextSlot}@example.com");
            var id = (await site.AppointmentAsync(own)).Id;
            var page = await staff.GetPageAsync($"/admin/bookings/{id}");
            var cancel = await staff.SubmitAsync(page, "#cancel-form", new Dictionary<string, string?> { ["reason"] = value });
            await AssertSafeAsync(cancel, $"POST staff cancel {Show(value)}");
            if ((int)cancel.StatusCode >= 400)
            {
                Assert.True((await site.AppointmentAsync(own)).IsActive);
            }
        }
    }

    [Fact]
    public async Task Staff_closure_and_patient_data_forms()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(site, "Admin");
        foreach (var field in new[] { "PractitionerId", "FirstDay", "LastDay", "Reason" })
        {
            foreach (var value in Boundary)
            {
                var page = await staff.GetPageAsync("/admin/schedule/closures/new");
                var before = await site.WithDbAsync(db => db.Closures.CountAsync());
                var fields = new Dictionary<string, string?> { ["FirstDay"] = "2027-01-20", ["LastDay"] = "2027-01-20", ["Reason"] = "Training day", [field] = value };
                var response = await staff.SubmitAsync(page, "#closure-form", fields);
                await AssertSafeAsync(response, $"POST closure {field}={Show(value)}");
                if ((int)response.StatusCode >= 400)
                {
                    Assert.Equal(before, await site.WithDbAsync(db => db.Closures.CountAsync()));
                }
            }
        }

        foreach (var value in Boundary)
        {
            var page = await staff.GetPageAsync("/admin/patients/data");
            await AssertSafeAsync(await staff.SubmitAsync(page, "#patient-search-form", new Dictionary<string, string?> { ["email"] = value }), $"POST patient data {Show(value)}");
        }
    }

    private static async Task AssertSafeAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private static string Query(Dictionary<string, string> query) =>
        "?" + string.Join('&', query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

    private static string Show(string value) => value.Length > 20 ? $"{value[..10]}... ({value.Length} chars)" : value;

    /// <summary>A free weekday slot (one per call, two doctors per hour), so every valid-but-for-one-field form asks for a time nobody holds.</summary>
    private static string NextSlot()
    {
        var index = Interlocked.Increment(ref _nextSlot);
        var weekdays = Enumerable.Range(1, 60).Select(d => new DateOnly(2026, 12, 7).AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var perDay = Hours.Length * 2;
        return $"{weekdays[index / perDay]:yyyy-MM-dd}T{Hours[index % perDay / 2]:00}:00";
    }
}
