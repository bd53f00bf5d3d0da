using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Areas.Admin;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

public sealed class IdleTimeoutTests : IDisposable
{
    private readonly ClinicFactory _factory = new ClinicFactory().With("Admin:IdleTimeoutMinutes", "20");
    private readonly ManualClock _clock = new();
    private readonly WebApplicationFactory<Program> _site;

    public IdleTimeoutTests() =>
        _site = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    [Fact]
    public async Task A_session_stays_open_while_used_and_ends_after_the_configured_idle_time()
    {
        var account = await StaffAccounts.CreateAsync(_site, StaffRoles.Staff);
        var client = _site.CreateBrowser();
        await StaffAccounts.SignInAsync(client, account);

        // Working steadily: a request every 15 minutes keeps the 20-minute session alive well past 20 minutes.
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal("/admin", (await client.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
        }

        _clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(AdminSetup.SignInPath, (await client.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Locking_an_account_ends_the_sessions_that_person_already_has_open_within_a_minute()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(_site, StaffRoles.Admin);
        var (staffClient, staff) = await StaffAccounts.SignedInAsync(_site, StaffRoles.Staff);

        await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff"), $"tr[data-email='{staff.Email}'] form[action$='/lock']", new Dictionary<string, string?>());
        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(AdminSetup.SignInPath, (await staffClient.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/admin", (await admin.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    public void Dispose()
    {
        _site.Dispose();
        _factory.Dispose();
    }
}
