using System.Net;
using DrChongClinic.Application.Staff;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>Guessing passwords slows the guesser's address, never locks the owner out, and timing does not tell who has an account.</summary>
public sealed class SignInThrottleTests(SignInThrottleTests.Site site) : IClassFixture<SignInThrottleTests.Site>
{
    [Fact]
    public async Task Five_wrong_passwords_from_one_address_block_that_address_but_the_owner_still_signs_in_from_theirs()
    {
        var account = await StaffAccounts.CreateAsync(site, StaffRoles.Staff);
        var attacker = TestClientAddress.From(site.CreateBrowser(), "203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await StaffAccounts.SubmitPasswordAsync(attacker, account.Email, $"Wrong-Password-{i}x")).StatusCode);
        }

        var blocked = await StaffAccounts.SubmitPasswordAsync(attacker, account.Email, account.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.Contains("Retry-After"));
        Assert.Contains("Too many requests in a short time", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/admin/account/sign-in", (await attacker.GetAsync("/admin")).RequestMessage!.RequestUri!.AbsolutePath);

        await StaffAccounts.SignInAsync(TestClientAddress.From(site.CreateBrowser(), "198.51.100.20"), account);
        var lockoutEnd = await site.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Null(lockoutEnd);
    }

    [Fact]
    public async Task An_unknown_email_runs_the_password_hasher_like_a_real_account()
    {
        var account = await StaffAccounts.CreateAsync(site, StaffRoles.Staff);
        var client = TestClientAddress.From(site.CreateBrowser(), "192.0.2.44");

        var before = site.Hasher.Verifications;
        var unknown = await StaffAccounts.SubmitPasswordAsync(client, $"nobody-{Guid.NewGuid():N}@drchong.test", "Wrong-Password-2026");
        var afterUnknown = site.Hasher.Verifications;
        var wrong = await StaffAccounts.SubmitPasswordAsync(client, account.Email, "Wrong-Password-2026");
        var afterWrong = site.Hasher.Verifications;

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal((await Html.ReadAsync(unknown)).QuerySelector(".form-errors")!.TextContent, (await Html.ReadAsync(wrong)).QuerySelector(".form-errors")!.TextContent);
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterWrong - afterUnknown);
    }

    /// <summary>The real password hasher, counting how often a password is checked.</summary>
    public sealed class CountingPasswordHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public sealed class Site : ClinicFactory
    {
        public Site()
        {
            With("RateLimits:SignInFailures:PermitLimit", "5");
            With("RateLimits:SignInFailures:Window", "00:15:00");
            WithServices(services => services.AddSingleton<IPasswordHasher<IdentityUser>>(Hasher));
        }

        public CountingPasswordHasher Hasher { get; } = new();
    }
}
