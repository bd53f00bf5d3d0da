using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>
/// Staff search by name or e-mail on SQLite: three characters or more are found in the full-text index PatientSearch
/// (migration Search_PatientTextIndex), shorter text by LIKE. The index must follow every booking, as the bookings
/// themselves do: a new booking, a corrected name, anonymisation and deletion.
/// </summary>
public sealed class PatientTextSearchTests(ClinicFactory site) : IClassFixture<ClinicFactory>
{
    private static async Task<int> FoundAsync(HttpClient staff, string text)
    {
        var page = await staff.GetPageAsync($"/admin/bookings?search={Uri.EscapeDataString(text)}");
        var count = page.QuerySelector("#bookings-count")!.TextContent;
        return int.Parse(count["Bookings found: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> IndexedAsync(int appointmentId) =>
        site.WithDbAsync(db => db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "PatientSearch" WHERE "rowid" = {appointmentId}""").SingleAsync());

    [Fact]
    public async Task Staff_find_a_booking_by_any_part_of_the_patients_name_or_email_in_any_letter_case_and_symbols_are_plain_text()
    {
        var doctor = await TestBookings.PractitionerAsync(site);
        var treatment = (await TestBookings.TreatmentAsync(site)).Id;
        var monday = TestBookings.NextWeek(DayOfWeek.Monday);
        var family = $"Qx{Guid.NewGuid().ToString("N")[..6]}";
        await TestBookings.BookAsync(site, doctor.Id, treatment, TestBookings.ClinicTime(monday, 9),
            patientName: $"Élodie {family} Mei Ling", patientEmail: $"mei_ling.{family}@patients.test");
        await TestBookings.BookAsync(site, doctor.Id, treatment, TestBookings.ClinicTime(monday, 10),
            patientName: $"Meixling {family}", patientEmail: $"meixling.{family}@patients.test");
        var (staff, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);

        Assert.Equal(2, await FoundAsync(staff, family.ToUpperInvariant()));
        Assert.Equal(1, await FoundAsync(staff, $"ÉLODIE {family}")); // any letter case, beyond ASCII
        Assert.Equal(1, await FoundAsync(staff, $"{family} mei l")); // a run of words, spaces included
        Assert.Equal(1, await FoundAsync(staff, $"mei_ling.{family}")); // part of an e-mail address; "_" is a plain underscore
        Assert.Equal(0, await FoundAsync(staff, $"{family}x"));

        // Text that means something to a full-text query or to LIKE is looked for as it is, and simply finds nothing.
        foreach (var text in new[] { $"\"{family}\"", $"{family} OR a", $"{family}*", "%", "\"", "NEAR(a b)", "x'y", "-- ;" })
        {
            Assert.True(await FoundAsync(staff, text) == 0, text);
        }

        Assert.Equal(1, await FoundAsync(staff, "_")); // the one address with an underscore, not "any one character"

        // A NUL character ends text in SQLite (a LIKE pattern cut at it matched every booking): the address is refused.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await staff.GetAsync($"/admin/bookings?search={Uri.EscapeDataString($"{family}\0Mei")}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await staff.GetAsync($"/admin/bookings?search={Uri.EscapeDataString("a\0b")}")).StatusCode);

        // One or two characters are too short for the index: LIKE finds them.
        var bothHaveIt = family[..2];
        Assert.True(await FoundAsync(staff, bothHaveIt) >= 2);
    }

    [Fact]
    public async Task The_text_index_follows_a_booking_through_a_corrected_name_anonymisation_and_deletion()
    {
        var triggers = await site.WithDbAsync(db => db.Database.SqlQuery<string>(
            $"""SELECT "name" AS "Value" FROM "sqlite_master" WHERE "type" = 'trigger' AND "tbl_name" = 'Appointments' ORDER BY "name" """).ToListAsync());
        Assert.Equal(["Appointments_PatientSearch_Delete", "Appointments_PatientSearch_Insert", "Appointments_PatientSearch_Update"], triggers);
        var secureDelete = await site.WithDbAsync(db => db.Database.SqlQuery<int>(
            $"""SELECT "v" AS "Value" FROM "PatientSearch_config" WHERE "k" = 'secure-delete'""").SingleAsync());
        Assert.Equal(1, secureDelete);

        var doctor = await TestBookings.PractitionerAsync(site);
        var treatment = (await TestBookings.TreatmentAsync(site)).Id;
        var monday = TestBookings.NextWeek(DayOfWeek.Monday);
        var family = $"Zy{Guid.NewGuid().ToString("N")[..6]}";
        var booking = await TestBookings.BookAsync(site, doctor.Id, treatment, TestBookings.ClinicTime(monday, 11), patientName: $"Aminah {family}");
        var (staff, _) = await StaffAccounts.SignedInAsync(site, StaffRoles.Staff);
        Assert.Equal(1, await FoundAsync(staff, $"aminah {family}"));

        // A corrected name replaces the old one in the index.
        await site.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "Appointments" SET "PatientName" = {"Siti " + family} WHERE "Id" = {booking.Id}"""));
        Assert.Equal(0, await FoundAsync(staff, $"aminah {family}"));
        Assert.Equal(1, await FoundAsync(staff, $"siti {family}"));

        // Anonymised (retention, or a patient's erasure): gone from the index, not only hidden by the search.
        await site.WithDbAsync(async db =>
        {
            var stored = await db.Appointments.SingleAsync(a => a.Id == booking.Id);
            stored.Anonymize(ManageToken.Hash(ManageToken.New()));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await IndexedAsync(booking.Id));
        Assert.Equal(0, await FoundAsync(staff, family));

        // A booking deleted from the database leaves nothing behind in the index.
        var deleted = await TestBookings.BookAsync(site, doctor.Id, treatment, TestBookings.ClinicTime(monday, 12), patientName: $"Kavitha {family}");
        Assert.Equal(1, await IndexedAsync(deleted.Id));
        await site.WithDbAsync(db => db.Appointments.Where(a => a.Id == deleted.Id).ExecuteDeleteAsync());
        Assert.Equal(0, await IndexedAsync(deleted.Id));
        Assert.Equal(0, await FoundAsync(staff, family));
        Assert.Equal(0, await FoundAsync(staff, family.ToLowerInvariant()));
        Assert.True(await site.WithDbAsync(db => db.Appointments.AnyAsync(a => a.Id == booking.Id && a.Patient.Name == Appointment.AnonymizedName)));
    }
}
