using System.Globalization;
using System.Text;

using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.IntegrationTests.Waitlist;
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
    public async Task Waitlist_join_form_and_its_query()
    {
        var client = site.Browser();
        foreach (var field in new[] { "treatment", "practitioner" })
        {
            foreach (var value in Boundary)
            {
                var query = new Dictionary<string, string> { ["treatment"] = "pico-laser", ["practitioner"] = "any", [field] = value };
                await AssertSafeAsync(await client.GetAsync("/waitlist" + Query(query)), $"GET /waitlist {field}");
            }
        }

        // The valid submission every case starts from is accepted and stored.
        var entries = await site.WithDbAsync(db => db.WaitlistEntries.CountAsync());
        var valid = await client.JoinAsync("pico-laser", "any", "one-field-waitlist-valid@example.com", phone: "012-3999999");
        Assert.True((int)valid.StatusCode < 400, $"valid waitlist join: {(int)valid.StatusCode}");
        Assert.Equal(entries + 1, await site.WithDbAsync(db => db.WaitlistEntries.CountAsync()));

        var submission = 0;
        foreach (var field in new[] { "Treatment", "Practitioner", "FirstDay", "LastDay", "Times", "Name", "Email", "Phone", "Language", "Consent", "SubmissionId" })
        {
            foreach (var value in Boundary)
            {
                // A mailbox and phone of its own per submission, so the waitlist caps never answer for the field under test.
                submission++;
                var before = await site.WithDbAsync(db => db.WaitlistEntries.CountAsync());
                var response = await client.JoinAsync(
                    "pico-laser", "any", $"one-field-waitlist-{submission}@example.com",
                    phone: string.Create(CultureInfo.InvariantCulture, $"012-{4_000_000 + submission}"),
                    extra: new Dictionary<string, string?> { [field] = value });
                await AssertSafeAsync(response, $"POST /waitlist {field}={Show(value)}");
                if ((int)response.StatusCode >= 400)
                {
                    Assert.Equal(before, await site.WithDbAsync(db => db.WaitlistEntries.CountAsync()));
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

    [Fact]
    public async Task Staff_treatment_price_and_doctor_profile_forms_and_the_insights_query()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(site, "Admin");
        var treatmentId = await site.WithDbAsync(db => db.Treatments.Where(t => t.Code == "chemical-peel").Select(t => t.Id).SingleAsync());
        var validTreatment = new Dictionary<string, string?>
        {
            ["NameEn"] = "Chemical peel",
            ["NameMs"] = "Pengelupasan kimia",
            ["DurationMinutes"] = "30",
            ["BufferMinutes"] = "15",
            ["SortOrder"] = "5",
            ["Price"] = "180.00",
            ["PriceIsFrom"] = "true",
            ["IncludedEn"] = "Test inclusion.",
            ["IncludedMs"] = "Ujian.",
            ["IsActive"] = "true",
        };
        foreach (var field in validTreatment.Keys)
        {
            foreach (var value in Boundary.Concat(["-0.01", "1e6", "99999999.99", "12.345", "RM 1,000", "0x10", "٣٠٠"]))
            {
                var before = await site.WithDbAsync(db => db.Treatments.AsNoTracking().SingleAsync(t => t.Id == treatmentId));
                var page = await staff.GetPageAsync($"/admin/schedule/treatments/{treatmentId}");
                var response = await staff.SubmitAsync(page, "#treatment-form", new Dictionary<string, string?>(validTreatment) { [field] = value });
                await AssertSafeAsync(response, $"POST treatment {field}={Show(value)}");
                if ((int)response.StatusCode >= 400)
                {
                    var after = await site.WithDbAsync(db => db.Treatments.AsNoTracking().SingleAsync(t => t.Id == treatmentId));
                    Assert.Equal((before.NameEn, before.Price, before.IncludedEn, before.DurationMinutes), (after.NameEn, after.Price, after.IncludedEn, after.DurationMinutes));
                }
            }
        }

        var doctor = await TestBookings.PractitionerAsync(site); // its own doctor: a boundary value may be a valid new name
        var doctorId = doctor.Id;
        var validDoctor = new Dictionary<string, string?>
        {
            ["Name"] = doctor.Name,
            ["IsActive"] = "true",
            ["Gender"] = "Male",
            ["MmcNumber"] = "TEST-00001",
            ["HoldsLcp"] = "true",
            ["Languages"] = "en",
            ["BioEn"] = "A test biography.",
            ["BioMs"] = "Biografi ujian.",
        };
        foreach (var field in validDoctor.Keys)
        {
            foreach (var value in Boundary.Concat(["Other", "3", "en,ms,xx"]))
            {
                var before = await site.WithDbAsync(db => db.Practitioners.AsNoTracking().SingleAsync(p => p.Id == doctorId));
                var page = await staff.GetPageAsync($"/admin/schedule/practitioners/{doctorId}");
                var response = await staff.SubmitAsync(page, "#practitioner-form", new Dictionary<string, string?>(validDoctor) { [field] = value });
                await AssertSafeAsync(response, $"POST doctor {field}={Show(value)}");
                if ((int)response.StatusCode >= 400)
                {
                    var after = await site.WithDbAsync(db => db.Practitioners.AsNoTracking().SingleAsync(p => p.Id == doctorId));
                    Assert.Equal((before.Name, before.Slug, before.MmcNumber, before.BioEn, before.Languages), (after.Name, after.Slug, after.MmcNumber, after.BioEn, after.Languages));
                }
            }
        }

        // The edit pages' stamp of what they showed: any value but the page's own saves nothing, whatever else is valid.
        foreach (var value in Boundary.Concat(["", "00000000000000000000000000000000", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"]))
        {
            var treatmentBefore = await site.WithDbAsync(db => db.Treatments.AsNoTracking().SingleAsync(t => t.Id == treatmentId));
            var treatmentPage = await staff.GetPageAsync($"/admin/schedule/treatments/{treatmentId}");
            var treatmentAnswer = await staff.SubmitAsync(treatmentPage, "#treatment-form", new Dictionary<string, string?>(validTreatment) { ["NameEn"] = "Stamped peel", ["Shown"] = value });
            await AssertSafeAsync(treatmentAnswer, $"POST treatment Shown={Show(value)}");
            Assert.InRange((int)treatmentAnswer.StatusCode, 400, 499);
            Assert.Equal(treatmentBefore.NameEn, await site.WithDbAsync(db => db.Treatments.Where(t => t.Id == treatmentId).Select(t => t.NameEn).SingleAsync()));

            var doctorBefore = await site.WithDbAsync(db => db.Practitioners.AsNoTracking().SingleAsync(p => p.Id == doctorId));
            var doctorPage = await staff.GetPageAsync($"/admin/schedule/practitioners/{doctorId}");
            var doctorAnswer = await staff.SubmitAsync(doctorPage, "#practitioner-form", new Dictionary<string, string?>(validDoctor) { ["BioEn"] = "A stamped biography.", ["Shown"] = value });
            await AssertSafeAsync(doctorAnswer, $"POST doctor Shown={Show(value)}");
            Assert.InRange((int)doctorAnswer.StatusCode, 400, 499);
            Assert.Equal(doctorBefore.BioEn, await site.WithDbAsync(db => db.Practitioners.Where(p => p.Id == doctorId).Select(p => p.BioEn).SingleAsync()));
        }

        // The diary address form's one field says which address the page showed: any other value issues nothing.
        foreach (var value in Boundary.Concat(["", "0000000000000000", "ZZZZZZZZZZZZZZZZ"]))
        {
            var page = await staff.GetPageAsync($"/admin/schedule/practitioners/{doctorId}");
            var before = await site.WithDbAsync(db => db.Practitioners.AsNoTracking().Where(p => p.Id == doctorId).Select(p => p.DiaryFeedTokenHash).SingleAsync());
            var response = await staff.SubmitAsync(page, "#diary-issue-form", new Dictionary<string, string?> { ["replacing"] = value });
            await AssertSafeAsync(response, $"POST diary address replacing={Show(value)}");
            var after = await site.WithDbAsync(db => db.Practitioners.AsNoTracking().Where(p => p.Id == doctorId).Select(p => p.DiaryFeedTokenHash).SingleAsync());
            Assert.Equal(response.StatusCode == System.Net.HttpStatusCode.OK, before != after);
        }

        foreach (var field in new[] { "from", "to" })
        {
            foreach (var value in Boundary.Concat(["2026-02-30", "2026-12-31T00:00", "31/12/2026", "2199-12-31", "2000-01-01"]))
            {
                var query = new Dictionary<string, string> { ["from"] = "2026-11-01", ["to"] = "2026-11-30", [field] = value };
                await AssertSafeAsync(await staff.GetAsync("/admin/insights" + Query(query)), $"GET insights {field}={Show(value)}");
            }
        }

        await AssertSafeAsync(await staff.GetAsync("/admin/insights?from=2026-11-01&to=2026-11-30&from=2026-01-01"), "GET insights with from twice");
    }

    [Fact]
    public async Task Course_forms_patient_and_staff_booking_session_move_and_treatment_course_settings()
    {
        string[] values = ["", .. Boundary, "0", "2027-01-05T10:07", "2027-02-30T10:00", "2026-12-01T10:00"];
        var (treatmentId, code, doctorId) = await CourseTreatmentAsync();
        var client = site.Browser();
        var token = await client.BookAndGetTokenAsync("2026-12-08T10:00", doctorId.ToString(CultureInfo.InvariantCulture), code, "course-one-field@example.com");
        var first = (await site.AppointmentAsync(token)).Id;
        var count = await site.AppointmentCountAsync();

        // The patient's course booking form: each later session's time, and a session too many.
        foreach (var field in new[] { "Times[0]", "Times[1]", "Times[2]" })
        {
            foreach (var value in values)
            {
                var page = await client.GetPageAsync($"/book/manage/{token}/course");
                var response = await client.SubmitAsync(page, "#proposal form", new Dictionary<string, string?> { [field] = value });
                await AssertRefusedKindlyAsync(response, $"POST course {field}={Show(value)}", field is "Times[0]" or "Times[1]" ? "#course-problem" : null);
                await AssertNoCourseAsync(first, count);
            }
        }


        // The staff course booking form (a phone-in booking of the same kind), and booking ids that are not there.
        var staff = (await StaffAccounts.SignedInAsync(site, "Staff")).Client;
        var phoneIn = (await TestBookings.BookAsync(site, doctorId, treatmentId, TestBookings.ClinicTime(new DateOnly(2026, 12, 9), 10))).Id;
        count = await site.AppointmentCountAsync();
        foreach (var field in new[] { "Times[0]", "Times[1]", "Times[2]" })
        {
            foreach (var value in values)
            {
                var page = await staff.GetPageAsync($"/admin/bookings/{phoneIn}/course");
                var response = await staff.SubmitAsync(page, "#proposal form", new Dictionary<string, string?> { [field] = value });
                await AssertRefusedKindlyAsync(response, $"POST staff course {field}={Show(value)}", "#course-problem");
                await AssertNoCourseAsync(phoneIn, count);
            }
        }

        var staffPage = await staff.GetPageAsync($"/admin/bookings/{phoneIn}/course");
        foreach (var id in new[] { "0", "-1", "999999", "2147483647", "2147483648", "abc", "1e3" })
        {
            await AssertSafeAsync(await staff.GetAsync($"/admin/bookings/{id}/course"), $"GET staff course id={id}");
            var response = await PostRawAsync(staff, staffPage, "#proposal form", "", $"/admin/bookings/{id}/course");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }

        await AssertNoCourseAsync(phoneIn, count);

        // Each time sent twice: the first of each counts (model binding), so the course is booked whole with those or not at all.
        var twice = await PostRawAsync(staff, staffPage, "#proposal form", "&Times[0]=2027-01-13T10:00&Times[1]=2027-02-10T10:00");
        await AssertSafeAsync(twice, "POST staff course, each time twice");
        var phoneInCourse = await CourseStartsAsync(phoneIn);
        Assert.True(phoneInCourse.Count is 0 or 3, $"{phoneInCourse.Count} sessions stored");

        // Moving a session of a booked course: which session, and the new time, one at a time.
        var booked = await client.SubmitAsync(await client.GetPageAsync($"/book/manage/{token}/course"), "#proposal form", new Dictionary<string, string?>());
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, booked.StatusCode);
        var starts = (await CourseStartsAsync(first)).ToList();
        Assert.Equal(3, starts.Count);
        foreach (var field in new[] { "Session", "Slot" })
        {
            foreach (var value in values)
            {
                var page = await client.GetPageAsync($"/book/manage/{token}/course");
                var fields = new Dictionary<string, string?> { ["Session"] = "3", ["Slot"] = "2027-02-09T10:00", [field] = value };
                var response = await client.SubmitAsync(page, "#move-form-3", fields);
                await AssertRefusedKindlyAsync(response, $"POST move {field}={Show(value)}", "#course-problem");
                Assert.Equal(starts, await CourseStartsAsync(first));
            }
        }

        var movePage = await client.GetPageAsync($"/book/manage/{token}/course");
        await AssertSafeAsync(await PostRawAsync(client, movePage, "#move-form-3", "&Session=2&Slot=2027-01-05T10:07"), "POST move, each field twice");
        var afterTwice = await CourseStartsAsync(first);
        Assert.Equal(starts.Take(2), afterTwice.Take(2)); // the first of each counts: session 3, if anything, moved within its weeks

        // The valid starting submission does move session 3 (so each refusal above was the one field's doing).
        var valid = await client.SubmitAsync(await client.GetPageAsync($"/book/manage/{token}/course"), "#move-form-3", new Dictionary<string, string?> { ["Session"] = "3", ["Slot"] = "2027-02-16T10:00" });
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, valid.StatusCode);

        // The treatment's course settings: sessions and the weeks apart, one at a time (3, 4 to 6 is valid).
        var admin = (await StaffAccounts.SignedInAsync(site, "Admin")).Client;
        var validTreatment = new Dictionary<string, string?> { ["CourseSessions"] = "3", ["CourseMinWeeks"] = "4", ["CourseMaxWeeks"] = "6" };
        foreach (var field in validTreatment.Keys)
        {
            foreach (var value in values.Concat(["27", "3.5"]))
            {
                var page = await admin.GetPageAsync($"/admin/schedule/treatments/{treatmentId}");
                var response = await admin.SubmitAsync(page, "#treatment-form", new Dictionary<string, string?>(validTreatment) { [field] = value });
                await AssertRefusedKindlyAsync(response, $"POST treatment {field}={Show(value)}", null);
                var after = await site.WithDbAsync(db => db.Treatments.AsNoTracking().SingleAsync(t => t.Id == treatmentId));
                Assert.Equal((3, 4, 6), (after.CourseSessions, after.CourseMinWeeks, after.CourseMaxWeeks));
            }
        }

        var treatmentPage = await admin.GetPageAsync($"/admin/schedule/treatments/{treatmentId}");
        await AssertSafeAsync(await PostRawAsync(admin, treatmentPage, "#treatment-form", "&CourseSessions=99&CourseMaxWeeks=-1"), "POST treatment, course fields twice");
        var course = await site.WithDbAsync(db => db.Treatments.AsNoTracking().SingleAsync(t => t.Id == treatmentId));
        Assert.Equal((3, 4, 6), (course.CourseSessions, course.CourseMinWeeks, course.CourseMaxWeeks)); // the first of each counts
    }

    [Fact]
    public async Task Doctor_photo_upload_with_files_that_are_not_what_they_say()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(site, "Admin");
        var doctorId = (await TestBookings.PractitionerAsync(site)).Id;
        using var small = new SkiaSharp.SKBitmap(40, 30);
        using var png = small.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var pngBytes = png.ToArray();
        using var noisy = new SkiaSharp.SKBitmap(200, 150);
        var random = new Random(7);
        for (var y = 0; y < noisy.Height; y++)
        {
            for (var x = 0; x < noisy.Width; x++)
            {
                noisy.SetPixel(x, y, new SkiaSharp.SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var noisyEncoded = noisy.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var noisyPng = noisyEncoded.ToArray();

        // A PNG whose header claims 60,000 × 60,000 pixels (a decompression bomb): refused before decoding.
        var bomb = (byte[])pngBytes.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(16), 60_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(20), 60_000);

        var refusals = new (string What, byte[] Content, string Name, string Type)[]
        {
            ("text", Encoding.UTF8.GetBytes("not a photo at all"), "photo.jpg", "image/jpeg"),
            ("svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "photo.svg", "image/svg+xml"),
            ("empty", [], "empty.jpg", "image/jpeg"),
            ("truncated", pngBytes[..(pngBytes.Length / 2)], "half.png", "image/png"),
            ("cut short", noisyPng[..(noisyPng.Length * 7 / 10)], "cut.png", "image/png"), // rows missing: the decoder would paint them grey
            ("bomb", bomb, "bomb.png", "image/png"),
            ("huge", new byte[8 * 1024 * 1024], "huge.jpg", "image/jpeg"),
            ("way over the form limit", new byte[40 * 1024 * 1024], "enormous.jpg", "image/jpeg"),
        };
        foreach (var (what, content, name, type) in refusals)
        {
            var response = await UploadPhotoAsync(staff, doctorId, content, name, type);
            await AssertSafeAsync(response, $"photo {what}");
            Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.Null(await site.WithDbAsync(db => db.Practitioners.Where(p => p.Id == doctorId).Select(p => p.PhotoVersion).SingleAsync()));
        }

        // A PNG named .jpg and sent as image/jpeg is judged by its content: a real picture, accepted.
        var renamed = await UploadPhotoAsync(staff, doctorId, pngBytes, "portrait.jpg", "image/jpeg");
        await AssertSafeAsync(renamed, "photo PNG renamed .jpg");
        Assert.Equal($"/admin/schedule/practitioners/{doctorId}", renamed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(await site.WithDbAsync(db => db.Practitioners.Where(p => p.Id == doctorId).Select(p => p.PhotoVersion).SingleAsync()));
    }

    [Fact]
    public async Task Holiday_calendar_upload_and_its_confirmation()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(site, "Admin");
        const string Header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Made-up Holidays//EN\r\n";
        static string Event(string start, string end, string summary = "Made-up Day") =>
            $"BEGIN:VEVENT\r\nUID:{Guid.NewGuid():N}@test\r\nDTSTART;VALUE=DATE:{start}\r\nDTEND;VALUE=DATE:{end}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n";
        var files = new (string What, string Content)[]
        {
            ("empty", ""),
            ("not a calendar", "hello"),
            ("unterminated", Header + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270105\r\n"),
            ("end before begin", "END:VEVENT\r\nEND:VCALENDAR\r\n" + Header),
            ("nested without end", Header + string.Concat(Enumerable.Repeat("BEGIN:VEVENT\r\n", 5000))),
            ("year 0001", Header + Event("00010101", "00010102") + "END:VCALENDAR\r\n"),
            ("year 9999", Header + Event("99991231", "99991232") + "END:VCALENDAR\r\n"),
            ("month 13", Header + Event("20271301", "20271302") + "END:VCALENDAR\r\n"),
            ("30 February", Header + Event("20270230", "20270231") + "END:VCALENDAR\r\n"),
            ("end before start", Header + Event("20270110", "20270101") + "END:VCALENDAR\r\n"),
            ("int overflow date", Header + Event("2147483647", "2147483648") + "END:VCALENDAR\r\n"),
            ("ten years long", Header + Event("20270101", "20370101") + "END:VCALENDAR\r\n"),
            ("duration overflow", Header + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270105\r\nDURATION:P2147483647D\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
            ("10,000 events", Header + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{new DateOnly(2027, 1, 1).AddDays(i % 300):yyyyMMdd}\r\nSUMMARY:E{i}\r\nEND:VEVENT\r\n")) + "END:VCALENDAR\r\n"),
            ("huge", Header + new string('X', 3 * 1024 * 1024)),
            ("binary", Encoding.Latin1.GetString(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray())),
            ("bidi and NUL summary", Header + Event("20270105", "20270106", "Evil\u202Egpj\0day") + "END:VCALENDAR\r\n"),
        };
        var closures = await site.WithDbAsync(db => db.Closures.CountAsync());
        foreach (var (what, content) in files)
        {
            var page = await staff.GetPageAsync("/admin/schedule/closures/import");
            var form = new MultipartFormDataContent
            {
                { new StringContent(page.QuerySelector("#holiday-upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "holidays.ics" },
            };
            await AssertSafeAsync(await staff.PostAsync("/admin/schedule/closures/import", form), $"upload {what}");
            Assert.Equal(closures, await site.WithDbAsync(db => db.Closures.CountAsync())); // a preview saves nothing
        }

        // The confirmation form, one field at a time (what a tampered preview would send).
        var valid = new Dictionary<string, string?> { ["Holidays[0].FirstDay"] = "2027-03-03", ["Holidays[0].LastDay"] = "2027-03-03", ["Holidays[0].Name"] = "Made-up Day" };
        foreach (var field in valid.Keys.Append("Holidays[2147483647].Name").Append("Holidays[-1].FirstDay"))
        {
            foreach (var value in Boundary)
            {
                var preview = await Html.ReadAsync(await UploadTextAsync(staff, Header + Event("20270303", "20270304") + "END:VCALENDAR\r\n"));
                var before = await site.WithDbAsync(db => db.Closures.CountAsync());
                var response = await staff.SubmitAsync(preview, "#holiday-import-form", new Dictionary<string, string?>(valid) { [field] = value });
                await AssertSafeAsync(response, $"POST import confirm {field}={Show(value)}");
                if ((int)response.StatusCode >= 400)
                {
                    Assert.Equal(before, await site.WithDbAsync(db => db.Closures.CountAsync()));
                }

                await site.ChangeScheduleDirectlyAsync(db => db.Closures.Where(c => c.FirstDay >= new DateOnly(2027, 3, 1)).ExecuteDeleteAsync());
            }
        }
    }

    private static async Task<HttpResponseMessage> UploadTextAsync(HttpClient staff, string ics)
    {
        var page = await staff.GetPageAsync("/admin/schedule/closures/import");
        return await staff.PostAsync("/admin/schedule/closures/import", new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#holiday-upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ics)), "file", "holidays.ics" },
        });
    }

    private static async Task<HttpResponseMessage> UploadPhotoAsync(HttpClient staff, int doctorId, byte[] file, string fileName, string contentType)
    {
        var page = await staff.GetPageAsync($"/admin/schedule/practitioners/{doctorId}");
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#photo-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(part, "photo", fileName);
        return await staff.PostAsync($"/admin/schedule/practitioners/{doctorId}/photo", content);
    }

    /// <summary>A 4xx with a message the person can read (in <paramref name="where"/>, or any alert or field error), never a 500.</summary>
    private static async Task AssertRefusedKindlyAsync(HttpResponseMessage response, string what, string? where)
    {
        await AssertSafeAsync(response, what);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode}");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        // The form's own message, or (for input the site refuses before any form sees it, such as a NUL character) the
        // site's error page.
        var message = page.QuerySelectorAll(where ?? "#course-problem, [role=alert], .field-error, .form-errors, .notice")
            .Concat(page.QuerySelector("#proposal, #sessions, #treatment-form") is null ? page.QuerySelectorAll("main p, main h1, h1, p") : [])
            .Select(e => e.TextContent.Trim()).FirstOrDefault(text => text.Length > 10);
        Assert.True(message is not null, $"{what}: no message on the page");
    }

    /// <summary>
    /// Posts a form as a browser would (its fields' current values, anti-forgery token included) with <paramref name="extra"/>
    /// appended raw (fields sent twice), to its own action or another address.
    /// </summary>
    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, AngleSharp.Dom.IDocument page, string form, string extra, string? action = null)
    {
        var element = page.QuerySelector(form)!;
        var fields = element.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(i => i.GetAttribute("type") is not ("submit" or "checkbox" or "radio") || i.HasAttribute("checked"))
            .Where(i => i.GetAttribute("type") != "submit")
            .Select(i => $"{Uri.EscapeDataString(i.GetAttribute("name")!)}={Uri.EscapeDataString(i.LocalName switch
            {
                "textarea" => i.TextContent,
                "select" => i.QuerySelector("option[selected]")?.GetAttribute("value") ?? i.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => i.GetAttribute("value") ?? "",
            })}");
        var content = new StringContent(string.Join('&', fields) + extra, Encoding.UTF8, "application/x-www-form-urlencoded");
        return client.PostAsync(action ?? element.GetAttribute("action"), content);
    }

    /// <summary>A treatment of its own given as a course (3 sessions, 4 to 6 weeks apart) and a doctor of its own.</summary>
    private async Task<(int Treatment, string Code, int Doctor)> CourseTreatmentAsync()
    {
        var doctor = await TestBookings.PractitionerAsync(site);
        var treatment = await TestBookings.TreatmentAsync(site);
        await site.ChangeScheduleDirectlyAsync(db => db.Treatments.Where(t => t.Id == treatment.Id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.CourseSessions, 3).SetProperty(t => t.CourseMinWeeks, 4).SetProperty(t => t.CourseMaxWeeks, 6)));
        return (treatment.Id, treatment.Code, doctor.Id);
    }

    private Task AssertNoCourseAsync(int first, int count) => site.WithDbAsync(async db =>
    {
        Assert.Null(await db.Appointments.Where(a => a.Id == first).Select(a => a.CourseId).SingleAsync());
        Assert.Equal(count, await db.Appointments.CountAsync());
        return true;
    });

    private Task<List<DateTime>> CourseStartsAsync(int first) =>
        site.WithDbAsync(db => db.Appointments.Where(a => a.CourseId == first).OrderBy(a => a.CourseSession).Select(a => a.StartUtc).ToListAsync());

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
