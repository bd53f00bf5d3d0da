using DrChongClinic.Application.Staff;
using DrChongClinic.EndToEndTests.Infrastructure;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace DrChongClinic.EndToEndTests;

/// <summary>
/// An Admin fills in a doctor's page (details and photo) in the browser, then the staff pages the staff guide shows
/// (dashboard, list, detail, calendar, schedule, doctors, insights) and the doctor pages are checked with axe and vnu
/// at phone and desktop widths; with DRCHONG_SCREENSHOTS_DIR set they are kept as docs/screenshots/admin-*.png.
/// </summary>
public sealed class AdminScreenshotTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Admin_fills_in_a_doctor_page_and_the_staff_pages_are_accessible_valid_and_captured()
    {
        var (nurul, bookingId) = await SeedAsync();
        var account = await StaffAccounts.CreateAsync(browser.Site, StaffRoles.Admin);
        var page = await browser.NewPageAsync(Viewport.Desktop);
        await page.SignInAsStaffAsync(account);

        await page.GotoAsync($"/admin/schedule/practitioners/{nurul}");
        await page.SelectOptionAsync("#Gender", "Female");
        await page.FillAsync("#MmcNumber", "TEST-00000");
        await page.CheckAsync("#HoldsLcp");
        await page.Locator("input[name=Languages][value=en]").CheckAsync();
        await page.Locator("input[name=Languages][value=ms]").CheckAsync();
        await page.FillAsync("#BioEn", "Test biography for the screenshots: staff write the real one.");
        await page.FillAsync("#BioMs", "Biografi ujian untuk tangkapan skrin: kakitangan menulis yang sebenar.");
        await page.Locator("#practitioner-form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith("/admin/schedule/practitioners", StringComparison.Ordinal));

        await page.GotoAsync($"/admin/schedule/practitioners/{nurul}");
        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "portrait.png", MimeType = "image/png", Buffer = Portrait() });
        await page.Locator("#photo-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("New photo saved");
        await Assertions.Expect(page.Locator(".photo-section img")).ToBeVisibleAsync();
        await Checkers.AssertAccessibleAsync(page);

        (string Name, string Path)[] pages =
        [
            ("admin-dashboard", "/admin"), ("admin-bookings", "/admin/bookings"), ("admin-booking", $"/admin/bookings/{bookingId}"),
            ("admin-calendar", "/admin/bookings/calendar"), ("admin-schedule", $"/admin/schedule/practitioners/{nurul}/hours"),
            ("admin-doctors", "/admin/schedule/practitioners"), ("admin-doctor", $"/admin/schedule/practitioners/{nurul}"),
            ("admin-insights", "/admin/insights"), ("doctors", "/doctors"), ("doctor", "/doctors/dr-sample-doctor-b"),
            ("doctor-ms", "/ms/doktor/dr-sample-doctor-b"), ("book-doctor-choice", "/book?treatment=consultation&practitioner=female"),
        ];
        var sources = new Dictionary<string, string>();
        foreach (var viewport in new[] { Viewport.Desktop, Viewport.Phone })
        {
            var view = viewport == Viewport.Desktop ? page : await browser.NewPageAsync(viewport);
            if (viewport == Viewport.Phone)
            {
                await view.SignInAsStaffAsync(account);
            }

            foreach (var (name, path) in pages)
            {
                var response = await view.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                await Checkers.AssertAccessibleAsync(view);
                if (viewport == Viewport.Phone && name == "admin-bookings")
                {
                    // A booking is a card on a phone: the patient's phone and e-mail line up under the name, right of the label.
                    Assert.Equal(0, await view.EvaluateAsync<int>(
                        "() => [...document.querySelectorAll('td[data-label] a + br + .muted')].filter(s => Math.abs(s.getBoundingClientRect().left - s.parentElement.querySelector('a').getBoundingClientRect().left) > 1).length"));
                }

                await Screenshots.KeepIfAskedAsync(view, $"{name}-{(viewport == Viewport.Phone ? "phone" : "desktop")}.png");
                sources[name] = await response.TextAsync();
            }

            browser.AssertNoConsoleErrors(view);
        }

        await Checkers.AssertValidHtmlAsync(sources);
    }

    /// <summary>Bookings over the last two weeks and the next two (test patients), so the lists, calendar and charts have something to show.</summary>
    private async Task<(int Nurul, int BookingId)> SeedAsync()
    {
        using var scope = browser.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var doctors = await db.Practitioners.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var treatments = await db.Treatments.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TestBookings.ClinicZone));
        var first = 0;
        for (var i = 0; i < 24; i++)
        {
            var day = today.AddDays(i - 12);
            if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                continue;
            }

            var start = TestBookings.ClinicTime(day, 9 + (i % 4), i % 2 * 30);
            var appointment = await TestBookings.BookAsync(browser.Site, doctors[i % doctors.Count], treatments[i % treatments.Count], start);
            first = first == 0 ? appointment.Id : first;
        }

        return (doctors[1], first);
    }

    private static byte[] Portrait()
    {
        using var bitmap = new SKBitmap(600, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xE3, 0xF1, 0xEF));
            using var paint = new SKPaint { Color = new SKColor(0x1F, 0x6F, 0x6B), IsAntialias = true };
            canvas.DrawCircle(300, 230, 120, paint);
            canvas.DrawOval(new SKRect(120, 380, 480, 700), paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
