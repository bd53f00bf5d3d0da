using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace DrChongClinic.Web.Security;

/// <summary>
/// Slows password and code guessing without handing strangers a way to lock staff out: failed sign-in steps are
/// counted per client address (IPv6 per /64), and an address past <see cref="RateLimitOptions.SignInFailures"/>
/// gets 429 on the sign-in pages until its window ends. The account itself is not locked by wrong passwords, so
/// its owner, from their own address, still signs in. Counts are kept in memory (one site instance); a restart
/// forgets them.
/// </summary>
public sealed class SignInThrottle(IConfiguration configuration, TimeProvider clock)
{
    internal const int MaxTrackedAddresses = 10_000;

    private readonly RateLimitRule _rule = (configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions()).SignInFailures;
    private readonly ConcurrentDictionary<string, Window> _failures = new(StringComparer.Ordinal);

    private TimeSpan Length => _rule.Window > TimeSpan.Zero ? _rule.Window : TimeSpan.FromMinutes(15);

    /// <summary>How long the address must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(HttpContext context)
    {
        var now = clock.GetUtcNow();
        if (!_failures.TryGetValue(ClinicRateLimits.ClientAddress(context), out var window) || window.Ends <= now)
        {
            return null;
        }

        return window.Count >= Math.Max(1, _rule.PermitLimit) ? window.Ends - now : null;
    }

    public void RecordFailure(HttpContext context)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > MaxTrackedAddresses)
        {
            foreach (var (address, old) in _failures.Where(entry => entry.Value.Ends <= now).ToList())
            {
                _failures.TryRemove(new KeyValuePair<string, Window>(address, old));
            }
        }

        _failures.AddOrUpdate(
            ClinicRateLimits.ClientAddress(context),
            _ => new Window(now + Length, 1),
            (_, window) => window.Ends <= now ? new Window(now + Length, 1) : window with { Count = window.Count + 1 });
    }

    private sealed record Window(DateTimeOffset Ends, int Count);
}

/// <summary>
/// The password step of staff sign-in. The same password-hash work whether or not the account exists, so timing does not
/// tell which addresses are staff; wrong passwords never lock the account (the caller counts them against the address).
/// </summary>
public sealed class StaffPasswordSignIn(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new("nobody");
    private static string? _dummyHash;

    /// <returns>The result, and the account's id for the log (null when no account has that address).</returns>
    public async Task<(SignInResult Result, string? UserId)> SignInAsync(string email, string password)
    {
        var user = await users.FindByNameAsync(email.Trim());
        if (user is null)
        {
            _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
            _ = hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
            return (SignInResult.Failed, null);
        }

        return (await users.CheckPasswordAsync(user, password)
            ? await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false)
            : SignInResult.Failed, user.Id);
    }
}
