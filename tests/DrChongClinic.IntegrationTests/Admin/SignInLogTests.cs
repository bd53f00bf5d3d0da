using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>
/// Sign-ins and refused sign-ins are logged by the account's id, never its e-mail (security.md, V16.3.1; the
/// staff-area sweep found nothing logged at all).
/// </summary>
public sealed class SignInLogTests(SignInLogTests.Site site) : IClassFixture<SignInLogTests.Site>
{
    [Fact]
    public async Task A_sign_in_and_each_refusal_are_logged_by_account_id_and_never_by_email()
    {
        var account = await StaffAccounts.CreateAsync(site, StaffRoles.Staff);
        var id = (await site.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(account.Email))!.Id;
        var before = site.Logs.Lines.Count;

        await StaffAccounts.SubmitPasswordAsync(site.CreateBrowser(), account.Email, "Wrong-Password-2026!");
        await StaffAccounts.SubmitPasswordAsync(site.CreateBrowser(), "nobody.here@example.test", "Wrong-Password-2026!");
        await StaffAccounts.SignInAsync(site.CreateBrowser(), account);

        var lines = site.Logs.Lines.Skip(before).Where(l => l.Category.Contains("AccountController", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Message.Contains("refused at the password step", StringComparison.Ordinal) && l.Message.Contains(id, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.Contains("refused at the password step for staff account (no such account)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.Contains("passed the password step", StringComparison.Ordinal) && l.Message.Contains(id, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.Contains("signed in with two-factor", StringComparison.Ordinal) && l.Message.Contains(id, StringComparison.Ordinal));
        Assert.All(site.Logs.Lines.Skip(before), l =>
        {
            Assert.DoesNotContain(account.Email, l.Everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("nobody.here", l.Everything, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Warning);
    }

    /// <summary>The site with its log lines captured.</summary>
    public sealed class Site : ClinicFactory
    {
        public Site() => WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));

        public CapturedLogs Logs { get; } = new();
    }
}
