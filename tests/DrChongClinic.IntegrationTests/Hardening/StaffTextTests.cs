using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Staff-area sweep finding 3: doctor names, treatment names and descriptions and closure reasons skipped the checks
/// patient names get, so control characters reached plain-text emails and the public treatments page, and a direction
/// override reached an email subject. Every staff text that others read now meets the same one rule (VisibleText).
/// </summary>
public sealed class StaffTextTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    private const string Control = "characters we cannot accept";
    private const string Hidden = "ordinary visible letters";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        { "/admin/schedule/practitioners/new", "#practitioner-form", "Name", "Dr Ctl\u0001\u0007", Control },
        { "/admin/schedule/practitioners/new", "#practitioner-form", "Name", "Dr \u202Eevil", Hidden },
        { "/admin/schedule/practitioners/new", "#practitioner-form", "Name", "\u200B", Hidden },
        { "/admin/schedule/practitioners/new", "#practitioner-form", "BioEn", "Bio \u2067turned\u2069", Hidden },
        { "/admin/schedule/treatments/new", "#treatment-form", "NameEn", "Ctl\u0001\u001B[31m", Control },
        { "/admin/schedule/treatments/new", "#treatment-form", "NameMs", "Rawatan \u202Ejahat", Hidden },
        { "/admin/schedule/treatments/new", "#treatment-form", "IncludedEn", "One session\u0007", Control },
        { "/admin/schedule/treatments/new", "#treatment-form", "IncludedMs", "\u200B\u200D", Hidden },
        { "/admin/schedule/closures/new", "#closure-form", "Reason", "Ctl\u0001\u001B[31m", Control },
        { "/admin/schedule/closures/new", "#closure-form", "Reason", "Cuti \u202Eevil", Hidden },
        { "/admin/schedule/practitioners/new", "#practitioner-form", "Name", "---", NoLetters }, // staff-area sweep
        { "/admin/schedule/practitioners/new", "#practitioner-form", "Name", "\U0001F600\U0001F600", NoLetters },
        { "/admin/schedule/treatments/new", "#treatment-form", "NameEn", "2147483647", NoLetters },
        { "/admin/schedule/treatments/new", "#treatment-form", "NameMs", "..", NoLetters },
    };

    private const string NoLetters = "a name with letters in it";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Staff_text_with_control_or_hidden_characters_is_refused_with_a_clear_message_and_nothing_is_stored(
        string url, string form, string field, string value, string message)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string?>
        {
            ["Code"] = $"txt-{Guid.NewGuid().ToString("N")[..6]}",
            ["Name"] = "Dr Ordinary",
            ["NameEn"] = "Ordinary",
            ["NameMs"] = "Biasa",
            ["FirstDay"] = day,
            ["LastDay"] = day,
            ["Reason"] = "Ordinary reason",
        };
        fields[field] = value;
        var page = await client.GetPageAsync(url);
        foreach (var absent in fields.Keys.Where(k => page.QuerySelector($"{form} [name={k}]") is null).ToList())
        {
            fields.Remove(absent);
        }

        var before = await CountsAsync();
        var response = await client.SubmitAsync(page, form, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ReadAsync(response)).QuerySelector($"[data-valmsg-for={field}]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int, int, int)> CountsAsync() => factory.WithDbAsync(async db =>
        (await db.Practitioners.CountAsync(), await db.Treatments.CountAsync(), await db.Closures.CountAsync()));
}
