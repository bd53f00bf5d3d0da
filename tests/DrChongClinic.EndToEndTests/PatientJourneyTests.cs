using System.Text.RegularExpressions;
using DrChongClinic.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests;

/// <summary>
/// The whole patient journey in a real browser: read an article, follow its book button, book a time, see the
/// confirmation, receive the email, open its manage link and move the appointment. On a desktop, on a phone, and
/// with JavaScript switched off.
/// </summary>
public sealed partial class PatientJourneyTests(EmailingBrowserSite browser) : IClassFixture<EmailingBrowserSite>
{
    [Theory]
    [InlineData(Viewport.Desktop, true, "/articles/pico-laser", "Thank you", "moved to the new time", 2)]
    [InlineData(Viewport.Phone, true, "/ms/artikel/laser-pico", "Terima kasih", "dipindahkan ke masa baharu", 3)]
    [InlineData(Viewport.Desktop, false, "/articles/pico-laser", "Thank you", "moved to the new time", 4)]
    public async Task Patient_reads_an_article_books_from_it_gets_the_email_and_reschedules_from_its_link(
        Viewport viewport, bool javaScript, string article, string thanks, string moved, int nthDate)
    {
        // nthDate: a day far enough ahead that the booking can still be changed online; each case its own day.
        var page = await browser.NewPageAsync(viewport, javaScript);
        var email = $"journey.{Guid.NewGuid():N}@example.com";

        await page.GotoAsync(article);
        await page.Locator(".book-cta a.button").ClickAsync();
        // "Book a consultation" books a consultation, whatever treatment the article is about.
        Assert.Contains("treatment=consultation", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("input[type=radio][name=treatment][value=consultation]")).ToBeCheckedAsync();

        await page.Locator("[data-day-list] a[data-date]").Nth(nthDate).ClickAsync();
        await page.Locator("label.time").First.ClickAsync();
        await page.FillAsync("#Name", "Nur Aisyah binti Rahman");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Phone", "012-345 6789");
        await page.CheckAsync("#Consent");
        await page.Locator("form[data-booking-form] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(thanks);
        var reference = (await page.Locator(".reference-line .reference").InnerTextAsync()).Trim();
        var bookedTime = await page.Locator(".booking-summary").InnerTextAsync();

        var confirmation = (await browser.Smtp.WaitForAsync(email)).Single();
        var manageLink = new Uri(ManageLink().Match(confirmation.Text).Value);
        var fromEmail = await browser.NewPageAsync(viewport, javaScript);
        await fromEmail.GotoAsync(manageLink.PathAndQuery);
        await Assertions.Expect(fromEmail.Locator(".booking-summary .reference")).ToHaveTextAsync(reference);

        await fromEmail.Locator("#reschedule [data-day-list] a[data-date]").Nth(nthDate + 2).ClickAsync();
        await fromEmail.Locator("#reschedule label.time").First.ClickAsync();
        await fromEmail.Locator("#reschedule button[type=submit]").Last.ClickAsync();

        await Assertions.Expect(fromEmail.Locator(".notice-success")).ToContainTextAsync(moved);
        Assert.NotEqual(bookedTime, await fromEmail.Locator(".booking-summary").InnerTextAsync());
        await browser.Smtp.WaitForAsync(email, count: 2);
        browser.AssertNoConsoleErrors(page);
        browser.AssertNoConsoleErrors(fromEmail);
        await page.Context.CloseAsync();
        await fromEmail.Context.CloseAsync();
    }

    [GeneratedRegex(@"https?://\S+/(book/manage|ms/tempah/urus)/[^\s<>""]+")]
    private static partial Regex ManageLink();
}
