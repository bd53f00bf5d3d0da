using System.Globalization;
using DrChongClinic.Application.Staff;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts (Admins only): create, lock and unlock, reset a password or a lost authenticator. Every change is audited.</summary>
[Route("admin/staff")]
[Authorize(Policy = AdminPolicies.AdminOnly)]
public sealed class StaffController(
    StaffAccountService accounts,
    UserManager<IdentityUser> users,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await accounts.ListAsync(users.GetUserId(User), cancellationToken));

    [HttpGet("new")]
    public IActionResult Create() => View(new NewStaffAccountInput());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewStaffAccountInput input, [FromServices] IValidator<NewStaffAccountInput> validator)
    {
        if (await validator.ValidateIntoAsync(input, ModelState))
        {
            var result = await accounts.CreateAsync(Actor, input.Email.Trim(), input.Password, input.Role);
            if (result.Succeeded)
            {
                Flash(string.Format(CultureInfo.CurrentCulture, t["Admin_Staff_Created"], result.Email));
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, nameof(input.Password));
        }

        input.Password = input.ConfirmPassword = "";
        return View(input);
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id) =>
        await DoneAsync(await accounts.LockAsync(Actor, id, users.GetUserId(User)), "Admin_Staff_Locked", "Admin_Staff_AlreadyLocked");

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id) => await DoneAsync(await accounts.UnlockAsync(Actor, id), "Admin_Staff_Unlocked", "Admin_Staff_AlreadyUnlocked");

    [HttpGet("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id) =>
        id == users.GetUserId(User) ? Redirect("/admin/account/password") // one's own: with the current password
        : await accounts.EmailOfAsync(id) is string email ? View(new ResetPasswordInput { Email = email }) : NotFound();

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordInput input, [FromServices] IValidator<ResetPasswordInput> validator)
    {
        if (!await validator.ValidateIntoAsync(input, ModelState))
        {
            return await accounts.EmailOfAsync(id) is string email ? View(new ResetPasswordInput { Email = email }) : NotFound();
        }

        var result = await accounts.ResetPasswordAsync(Actor, id, input.NewPassword, users.GetUserId(User));
        if (result.Problem is StaffAccountProblem.Refused)
        {
            AddErrors(result, nameof(input.NewPassword));
            return View(new ResetPasswordInput { Email = result.Email });
        }

        return await DoneAsync(result, "Admin_Staff_PasswordReset", "Admin_Staff_PasswordReset");
    }

    /// <summary>For someone who lost the phone with their authenticator and their recovery codes.</summary>
    [HttpPost("{id}/two-factor/reset")]
    public async Task<IActionResult> ResetTwoFactor(string id) => await DoneAsync(await accounts.ResetTwoFactorAsync(Actor, id, users.GetUserId(User)), "Admin_Staff_TwoFactorReset", "Admin_Staff_TwoFactorAlreadyOff");

    /// <summary>
    /// Back to the list with what happened (or that it had already happened: a second click); 404 for an account that
    /// does not exist; the list with a warning and 409 when refused, for instance a colleague's change at the same moment.
    /// </summary>
    private async Task<IActionResult> DoneAsync(StaffAccountResult result, string doneMessage, string alreadyMessage)
    {
        if (result.Problem is StaffAccountProblem.NotFound)
        {
            return NotFound();
        }

        if (result.Problem is StaffAccountProblem.CannotLockSelf or StaffAccountProblem.OwnAccount or StaffAccountProblem.Refused)
        {
            // Refused: the list again with the reason as a warning (not the green "done" message), 409: nothing changed.
            ViewData["Refused"] = result.Problem switch
            {
                StaffAccountProblem.CannotLockSelf => t["Admin_Staff_CannotLockSelf"].Value,
                StaffAccountProblem.OwnAccount => t["Admin_Staff_OwnAccount"].Value,
                _ => string.Join(" ", result.Errors.Select(e => e.Description)),
            };
            var list = View(nameof(Index), await accounts.ListAsync(users.GetUserId(User), HttpContext.RequestAborted));
            list.StatusCode = StatusCodes.Status409Conflict;
            return list;
        }

        Flash(string.Format(CultureInfo.CurrentCulture, t[result.Problem is StaffAccountProblem.AlreadyDone ? alreadyMessage : doneMessage], result.Email));
        return RedirectToAction(nameof(Index));
    }

    private void AddErrors(StaffAccountResult result, string field)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? field : "", error.Description);
        }
    }
}
