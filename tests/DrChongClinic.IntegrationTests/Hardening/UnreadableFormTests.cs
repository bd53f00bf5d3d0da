using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>
/// Forms the server cannot read (a NUL in a name or value, more than 1,024 fields, a broken multipart body, a body or
/// file over the limit): the status says why (400, or 413 for too large) and the page says the same, in the page's
/// language, never "something went wrong on our side"; nothing is saved.
/// </summary>
public sealed class UnreadableFormTests(ClinicFactory factory) : IClassFixture<ClinicFactory>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "/book", "Name=Siti%00&Email=a%40b.test" },
        { "/book", "Na%00me=Siti&Email=a%40b.test" },
        { "/ms/tempah", string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=x")) },
        { "/waitlist", "Name=Ali%00" },
        { "/admin/account/sign-in", string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=x")) },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task An_unreadable_form_gets_a_400_that_says_so(string path, string body)
    {
        var client = factory.CreateBrowser();
        var token = await TokenAsync(client);

        var response = await client.PostAsync(path, Form($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{body}"));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, path.StartsWith("/ms", StringComparison.Ordinal) ? "Kami tidak dapat membaca" : "We could not read what was sent");
    }

    [Fact]
    public async Task A_broken_multipart_form_gets_a_400_that_says_so()
    {
        var client = factory.CreateBrowser();
        var token = await TokenAsync(client);
        var content = new StringContent($"--b\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--b\r\nContent-Disposition: form-data; name=\"Name\"\r\n\r\nSiti", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var response = await client.PostAsync("/book", content);

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "We could not read what was sent");
    }

    [Fact]
    public async Task A_staff_form_past_the_size_limit_gets_a_413_that_says_so_and_saves_nothing()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var token = await TokenAsync(client);
        var before = await factory.WithDbAsync(db => db.Closures.CountAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[3 * 1024 * 1024]) { Headers = { { "Content-Type", "text/calendar" } } }, "file", "holidays.ics" },
        };

        var response = await client.PostAsync("/admin/schedule/closures/import", content);

        await AssertPageAsync(response, HttpStatusCode.RequestEntityTooLarge, "What was sent is too large");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Closures.CountAsync()));
    }

    [Fact]
    public async Task The_error_page_for_an_unreadable_form_speaks_the_page_language()
    {
        var client = factory.CreateBrowser();
        var token = await TokenAsync(client);

        var response = await client.PostAsync("/ms/tempah", Form($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Name=%00"));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "Tiada apa-apa yang disimpan");
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string text)
    {
        var page = await Html.ReadAsync(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("500", page.QuerySelector(".error-code")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A valid anti-forgery token for this client (it belongs to the cookie, not to one form), so the broken form is what is refused.</summary>
    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetPageAsync("/admin/account/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static StringContent Form(string body) => new(body, Encoding.ASCII, "application/x-www-form-urlencoded");
}
