using System.Security.Claims;
using DrChongClinic.Application.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Application.Staff;

/// <summary>
/// Staff accounts: create, lock and unlock, reset a password or a lost authenticator, change one's own password.
/// Each change and its audit entry are saved in one transaction (<see cref="AuditLog.SaveAccountChangeAsync"/>).
/// </summary>
public sealed class StaffAccountService(UserManager<IdentityUser> users, AuditLog audit, TimeProvider clock)
{
    /// <summary>The actor of changes made at start-up or from the command line.</summary>
    public const string SystemActor = "system";

    public async Task<IReadOnlyList<StaffAccountRow>> ListAsync(string? currentUserId, CancellationToken cancellationToken)
    {
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var admins = (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Select(u => u.Id).ToHashSet();
        var now = clock.GetUtcNow();
        return accounts
            .Select(u => new StaffAccountRow(
                u.Id,
                u.Email ?? u.UserName ?? "",
                admins.Contains(u.Id) ? StaffRoles.Admin : StaffRoles.Staff,
                u.TwoFactorEnabled,
                u.LockoutEnd > now,
                u.Id == currentUserId))
            .ToList();
    }

    public async Task<string?> EmailOfAsync(string id) => (await users.FindByIdAsync(id))?.Email;

    /// <param name="source">Where a <see cref="SystemActor"/> account came from ("start-up", "command line"), for the audit entry.</param>
    public async Task<StaffAccountResult> CreateAsync(string actor, string email, string password, string role, string? source = null)
    {
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var details = source is null ? $"{email} as {role}" : $"{email} as {role} ({source})";
        var result = await audit.SaveAccountChangeAsync(actor, "staff.created", $"User {user.Id}", details,
            () => users.CreateAsync(user, password),
            () => users.AddToRoleAsync(user, role));
        return StaffAccountResult.From(result, email);
    }

    /// <summary>
    /// Locks the account for good and ends its open sessions at the next security-stamp check (within a minute).
    /// Each change here is <see cref="StaffAccountProblem.AlreadyDone"/> when the account is already in that state (a
    /// second click, a page opened before a colleague's change): nothing is changed or audited again. Two changes at
    /// once cannot both pass, as Identity's concurrency stamp refuses the second save.
    /// </summary>
    public Task<StaffAccountResult> LockAsync(string actor, string id, string? currentUserId) =>
        ChangeAsync(actor, id, "staff.locked",
            user => user.Id == currentUserId ? StaffAccountProblem.CannotLockSelf : user.LockoutEnd == DateTimeOffset.MaxValue ? StaffAccountProblem.AlreadyDone : null,
            user => users.SetLockoutEnabledAsync(user, true),
            user => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            users.UpdateSecurityStampAsync);

    public Task<StaffAccountResult> UnlockAsync(string actor, string id) =>
        ChangeAsync(actor, id, "staff.unlocked", user => user.LockoutEnd > clock.GetUtcNow() ? null : StaffAccountProblem.AlreadyDone,
            user => users.SetLockoutEndDateAsync(user, null),
            users.ResetAccessFailedCountAsync);

    /// <summary>Another staff member's password; one's own is changed on the account page, with the current password.</summary>
    public Task<StaffAccountResult> ResetPasswordAsync(string actor, string id, string newPassword, string? currentUserId) =>
        ChangeAsync(actor, id, "staff.password-reset", user => user.Id == currentUserId ? StaffAccountProblem.OwnAccount : null,
            async user => await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword));

    /// <summary>For someone who lost the phone with their authenticator and their recovery codes (never one's own: see <see cref="StaffAccountProblem.OwnAccount"/>).</summary>
    public Task<StaffAccountResult> ResetTwoFactorAsync(string actor, string id, string? currentUserId) =>
        ChangeAsync(actor, id, "staff.two-factor-reset",
            user => user.Id == currentUserId ? StaffAccountProblem.OwnAccount : user.TwoFactorEnabled ? null : StaffAccountProblem.AlreadyDone,
            user => users.SetTwoFactorEnabledAsync(user, false),
            users.ResetAuthenticatorKeyAsync);

    /// <summary>The signed-in staff member changes their own password.</summary>
    public async Task<StaffAccountResult> ChangePasswordAsync(ClaimsPrincipal staff, string currentPassword, string newPassword)
    {
        var user = await users.GetUserAsync(staff);
        if (user is null)
        {
            return StaffAccountResult.Refused(StaffAccountProblem.NotFound);
        }

        var result = await audit.SaveAccountChangeAsync(ActorOf(staff), "account.password-changed", $"User {user.Id}", null,
            () => users.ChangePasswordAsync(user, currentPassword, newPassword));
        return StaffAccountResult.From(result, user.Email ?? "");
    }

    /// <summary>The staff member's user name (their e-mail), as audit entries name them.</summary>
    public static string ActorOf(ClaimsPrincipal staff) => staff.Identity?.Name ?? "unknown";

    private async Task<StaffAccountResult> ChangeAsync(
        string actor, string id, string action, Func<IdentityUser, StaffAccountProblem?>? refusal, params Func<IdentityUser, Task<IdentityResult>>[] steps)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return StaffAccountResult.Refused(StaffAccountProblem.NotFound);
        }

        if (refusal?.Invoke(user) is StaffAccountProblem problem)
        {
            return StaffAccountResult.Refused(problem, user.Email ?? "");
        }

        var result = await audit.SaveAccountChangeAsync(actor, action, $"User {user.Id}", user.Email,
            steps.Select(step => (Func<Task<IdentityResult>>)(() => step(user))).ToArray());
        return StaffAccountResult.From(result, user.Email ?? "");
    }
}
