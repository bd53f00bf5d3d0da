using System.Security.Claims;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Staff;

/// <summary>
/// Two-factor sign-in for the signed-in staff member: turn it on with a code from their authenticator app, turn it
/// off, or get new recovery codes. Each change and its audit entry are saved in one transaction. Turning it off and
/// new codes ask for the password again, so someone at an unlocked screen cannot do either.
/// </summary>
public sealed class TwoFactorService(UserManager<IdentityUser> users, AuditLog audit, IClinicDatabase db)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Turning two-factor on runs one at a time (<see cref="IClinicDatabase.SerializedAsync{T}"/>).</summary>
    private const string EnableLock = "two-factor-enable";

    /// <summary>The signed-in staff member, or null when the account no longer exists.</summary>
    public Task<IdentityUser?> UserAsync(ClaimsPrincipal staff) => users.GetUserAsync(staff);

    public async Task<int> RecoveryCodesLeftAsync(IdentityUser user) => await users.CountRecoveryCodesAsync(user);

    /// <summary>
    /// The authenticator key to show while setting up (made on first use, then kept until two-factor is turned on).
    /// Stored as Identity stores it (the store's "[AspNetUserStore]" / "AuthenticatorKey" token) without renewing the
    /// security stamp, as <c>ResetAuthenticatorKeyAsync</c> does: the set-up page is a GET, and another site linking to
    /// it must not be able to sign the staff member out of their other sessions.
    /// </summary>
    public async Task<string> AuthenticatorKeyAsync(IdentityUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", users.GenerateNewAuthenticatorKey());
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        return key;
    }

    /// <summary>
    /// Turns two-factor on with a code from the app, and makes the recovery codes. One at a time: the same form sent twice
    /// at once (a double click) finds two-factor already on (<see cref="StaffAccountProblem.AlreadyDone"/>), rather than
    /// its code used a moment ago ("wrong code") while two-factor is in fact on.
    /// </summary>
    public Task<StaffAccountResult> EnableAsync(ClaimsPrincipal staff, string code) =>
        db.SerializedAsync(EnableLock, async () =>
        {
            var user = await users.GetUserAsync(staff);
            if (user is null)
            {
                return StaffAccountResult.Refused(StaffAccountProblem.NotFound);
            }

            // Read past the request's tracked copy of the account, which may predate the other post's save.
            if (await users.Users.AsNoTracking().AnyAsync(u => u.Id == user.Id && u.TwoFactorEnabled))
            {
                return StaffAccountResult.Refused(StaffAccountProblem.AlreadyDone);
            }

            var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            {
                return StaffAccountResult.Refused(StaffAccountProblem.WrongCode);
            }

            return await SaveAsync(staff, user, "account.two-factor-enabled", async () =>
            {
                var result = await users.SetTwoFactorEnabledAsync(user, true);
                return (result, result.Succeeded ? await NewCodesAsync(user) : []);
            });
        }, CancellationToken.None);

    /// <summary>Turns two-factor off and forgets the key.</summary>
    public Task<StaffAccountResult> DisableAsync(ClaimsPrincipal staff, string? password) =>
        ConfirmedChangeAsync(staff, password, "account.two-factor-disabled", async user =>
        {
            var result = await users.SetTwoFactorEnabledAsync(user, false);
            return (result.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : result, []);
        });

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public Task<StaffAccountResult> NewRecoveryCodesAsync(ClaimsPrincipal staff, string? password) =>
        ConfirmedChangeAsync(staff, password, "account.recovery-codes-regenerated", async user =>
            (IdentityResult.Success, await NewCodesAsync(user)));

    private async Task<StaffAccountResult> ConfirmedChangeAsync(
        ClaimsPrincipal staff, string? password, string action, Func<IdentityUser, Task<(IdentityResult Result, IReadOnlyList<string> Codes)>> change)
    {
        var user = await users.GetUserAsync(staff);
        if (user is null || !user.TwoFactorEnabled)
        {
            return StaffAccountResult.Refused(user is null ? StaffAccountProblem.NotFound : StaffAccountProblem.AlreadyDone);
        }

        if (string.IsNullOrEmpty(password) || password.Length > 200 || !await users.CheckPasswordAsync(user, password))
        {
            return StaffAccountResult.Refused(StaffAccountProblem.WrongPassword);
        }

        return await SaveAsync(staff, user, action, () => change(user));
    }

    /// <summary>Saves the change with its audit entry; the recovery codes it made are shown once.</summary>
    private async Task<StaffAccountResult> SaveAsync(
        ClaimsPrincipal staff, IdentityUser user, string action, Func<Task<(IdentityResult Result, IReadOnlyList<string> Codes)>> change)
    {
        IReadOnlyList<string> codes = [];
        var result = await audit.SaveAccountChangeAsync(StaffAccountService.ActorOf(staff), action, $"User {user.Id}", null, async () =>
        {
            var (changed, newCodes) = await change();
            codes = newCodes;
            return changed;
        });
        return result.Succeeded ? StaffAccountResult.Done(user.Email ?? "", codes) : StaffAccountResult.From(result, user.Email ?? "");
    }

    private async Task<IReadOnlyList<string>> NewCodesAsync(IdentityUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
}
