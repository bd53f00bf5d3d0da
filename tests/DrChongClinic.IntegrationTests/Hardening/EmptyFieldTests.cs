using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Staff-area sweep finding 2: a treatment code sent empty answered 500 (MVC bound "" as null into a property declared
/// non-nullable, and the controller trimmed it). Every staff form sent with every text field empty is refused with
/// the form's own message, never a 500.
/// </summary>
public sealed class EmptyFieldTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task An_empty_treatment_code_is_refused_with_the_code_message()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var before = await factory.WithDbAsync(db => db.Treatments.CountAsync());

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/schedule/treatments/new"), "#treatment-form", new Dictionary<string, string?>
        {
            ["Code"] = "",
            ["NameEn"] = "Something",
            ["NameMs"] = "Sesuatu",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a short code", (await Html.ReadAsync(response)).QuerySelector("[data-valmsg-for=Code]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Treatments.CountAsync()));
    }

    [Fact]
    public async Task Every_staff_form_sent_with_its_text_fields_empty_is_refused_never_a_500()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Admin);
        var practitioner = await TestBookings.PractitionerAsync(factory);
        var treatment = await TestBookings.TreatmentAsync(factory);
        (string Url, string Form)[] forms =
        [
            ("/admin/schedule/treatments/new", "#treatment-form"),
            ($"/admin/schedule/treatments/{treatment.Id}", "#treatment-form"),
            ("/admin/schedule/practitioners/new", "#practitioner-form"),
            ($"/admin/schedule/practitioners/{practitioner.Id}", "#practitioner-form"),
            ($"/admin/schedule/practitioners/{practitioner.Id}/hours", "#hours-form"),
            ("/admin/schedule/closures/new", "#closure-form"),
            ("/admin/staff/new", "#new-staff-form"),
            ("/admin/account/password", "#change-password-form"),
            ("/admin/patients/data", "#patient-search-form"),
        ];

        var failures = new List<string>();
        foreach (var (url, selector) in forms)
        {
            var page = await client.GetPageAsync(url);
            var form = page.QuerySelector(selector)!;
            var empty = form.QuerySelectorAll("input[name], textarea[name]")
                .Where(i => i.GetAttribute("type") is not ("hidden" or "checkbox" or "radio" or "submit" or "file"))
                .ToDictionary(i => i.GetAttribute("name")!, _ => (string?)"");

            var response = await client.SubmitAsync(page, selector, empty);

            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }
}
