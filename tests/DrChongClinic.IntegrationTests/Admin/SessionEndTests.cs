using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>A staff session ends for good: at sign-out (even for a copy of the cookie) and after its absolute lifetime.</summary>
public sealed class SessionEndTests : IDisposable
{
    private static readonly Uri Site = new("https://localhost");
    private readonly ClinicFactory _factory = new ClinicFactory().With("Admin:IdleTimeoutMinutes", "30").With("Admin:AbsoluteSessionHours", "1");
    private readonly ManualClock _clock = new();
    private readonly WebApplicationFactory<Program> _site;

    public SessionEndTests() =>
        _site = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_opens_nothing_afterwards()
    {
        var cookies = new System.Net.CookieContainer();
        var browser = _site.CreateDefaultClient(Site, new RedirectHandler(), new CookieContainerHandler(cookies));
        var account = await StaffAccounts.CreateAsync(_site, StaffRoles.Staff);
        await StaffAccounts.SignInAsync(browser, account);
        var copy = _site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Site, AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(new Uri(Site, "/admin")));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin/bookings")).StatusCode);

        var signedOut = await browser.SubmitAsync(await browser.GetPageAsync("/admin"), "form[action='/admin/account/sign-out']", new Dictionary<string, string?>());
        Assert.Equal(AdminSetup.SignInPath, signedOut.RequestMessage!.RequestUri!.AbsolutePath);

        foreach (var url in new[] { "/admin/bookings", "/admin/bookings/export.csv" })
        {
            var replayed = await copy.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.Equal(AdminSetup.SignInPath, replayed.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task A_session_in_steady_use_still_ends_after_the_absolute_lifetime()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(_site, StaffRoles.Staff);

        // A request every 20 minutes keeps a 30-minute idle timeout happy, but not past one hour from sign-in.
        for (var i = 0; i < 2; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal("/admin/bookings", (await client.GetAsync("/admin/bookings")).RequestMessage!.RequestUri!.AbsolutePath);
        }

        _clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(AdminSetup.SignInPath, (await client.GetAsync("/admin/bookings")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    public void Dispose()
    {
        _site.Dispose();
        _factory.Dispose();
    }
}
