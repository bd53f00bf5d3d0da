using DrChongClinic.Application.Auditing;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts (Admins only): create, lock and unlock, reset a password or a lost authenticator. Every change is audited.</summary>
[Route("admin/staff")]
[Authorize(Policy = AdminPolicies.AdminOnly)]
public sealed class StaffController(
    UserManager<IdentityUser> users,
    ClinicDbContext db,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var admins = (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Select(u => u.Id).ToHashSet();
        var me = users.GetUserId(User);
        var now = clock.GetUtcNow();
        return View(accounts
            .Select(u => new StaffAccountRow(
                u.Id,
                u.Email ?? u.UserName ?? "",
                admins.Contains(u.Id) ? StaffRoles.Admin : StaffRoles.Staff,
                u.TwoFactorEnabled,
                u.LockoutEnd > now,
                u.Id == me))
            .ToList());
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new NewStaffAccountInput());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewStaffAccountInput input, [FromServices] IValidator<NewStaffAccountInput> validator)
    {
        if (await validator.ValidateIntoAsync(input, ModelState))
        {
            var email = input.Email.Trim();
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var result = await users.CreateAsync(user, input.Password);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, input.Role);
                audit.Record(Actor, "staff.created", $"User {user.Id}", $"{email} as {input.Role}");
                await db.SaveChangesAsync();
                Flash(string.Format(t["Admin_Staff_Created"], email));
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, nameof(input.Password));
        }

        input.Password = input.ConfirmPassword = "";
        return View(input);
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            Flash(t["Admin_Staff_CannotLockSelf"]);
            return RedirectToAction(nameof(Index));
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // Ends the person's open sessions at the next security-stamp check (within a minute).
        await users.UpdateSecurityStampAsync(user);
        audit.Record(Actor, "staff.locked", $"User {user.Id}", user.Email);
        await db.SaveChangesAsync();
        Flash(string.Format(t["Admin_Staff_Locked"], user.Email));
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(Actor, "staff.unlocked", $"User {user.Id}", user.Email);
        await db.SaveChangesAsync();
        Flash(string.Format(t["Admin_Staff_Unlocked"], user.Email));
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null ? NotFound() : View(new ResetPasswordInput { Email = user.Email ?? "" });
    }

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordInput input, [FromServices] IValidator<ResetPasswordInput> validator)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await validator.ValidateIntoAsync(input, ModelState))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, input.NewPassword);
            if (result.Succeeded)
            {
                audit.Record(Actor, "staff.password-reset", $"User {user.Id}", user.Email);
                await db.SaveChangesAsync();
                Flash(string.Format(t["Admin_Staff_PasswordReset"], user.Email));
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, nameof(input.NewPassword));
        }

        return View(new ResetPasswordInput { Email = user.Email ?? "" });
    }

    /// <summary>For someone who lost the phone with their authenticator and their recovery codes.</summary>
    [HttpPost("{id}/two-factor/reset")]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record(Actor, "staff.two-factor-reset", $"User {user.Id}", user.Email);
        await db.SaveChangesAsync();
        Flash(string.Format(t["Admin_Staff_TwoFactorReset"], user.Email));
        return RedirectToAction(nameof(Index));
    }

    private void AddErrors(IdentityResult result, string field)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? field : "", error.Description);
        }
    }
}
