using DrChongClinic.Application.Staff;
using DrChongClinic.Web.Areas.Admin.Models;
using DrChongClinic.Web.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Staff sign-in (password, then an authenticator or recovery code when two-factor is on), sign-out, change password.</summary>
[Route("admin/account")]
public sealed class AccountController(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    StaffAccountService accounts,
    SignInThrottle throttle,
    IStringLocalizer<SharedResource> t,
    ILogger<AccountController> logger) : AdminControllerBase
{
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignInInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [AlreadySignedIn]
    [EnableRateLimiting(ClinicRateLimits.SignIn)]
    public async Task<IActionResult> SignIn(
        SignInInput input, [FromServices] IValidator<SignInInput> validator, [FromServices] StaffPasswordSignIn passwords)
    {
        if (Throttled() is { } tooMany)
        {
            return tooMany;
        }

        if (!await validator.ValidateIntoAsync(input, ModelState))
        {
            return View(input);
        }

        var (result, userId) = await passwords.SignInAsync(input.Email, input.Password); // logged by id, never by e-mail
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            throttle.RecordFailure(HttpContext); // counted against the address, never towards locking the account
            logger.LogInformation("Sign-in refused at the password step for staff account {UserId}", userId ?? "(no such account)");
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Staff account {UserId} signed in with a password", userId);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("Staff account {UserId} passed the password step; a code is asked for", userId);
            return RedirectToAction(nameof(SignInCode), new { returnUrl = SafeReturnUrl(input.ReturnUrl) });
        }

        ModelState.AddModelError("", result.IsLockedOut ? t["Admin_SignIn_LockedOut"] : t["Admin_SignIn_Failed"]);
        input.Password = "";
        return View(input);
    }

    [AllowAnonymous]
    [HttpGet("sign-in/code")]
    public async Task<IActionResult> SignInCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new SignInCodeInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in/code")]
    [AlreadySignedIn]
    [EnableRateLimiting(ClinicRateLimits.SignIn)]
    public Task<IActionResult> SignInCode(SignInCodeInput input, [FromServices] IValidator<SignInCodeInput> validator) =>
        SecondStepAsync(input, validator, nameof(SignInCode),
            code => signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false));

    [AllowAnonymous]
    [HttpGet("sign-in/recovery-code")]
    public async Task<IActionResult> SignInRecoveryCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new SignInCodeInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in/recovery-code")]
    [AlreadySignedIn]
    [EnableRateLimiting(ClinicRateLimits.SignIn)]
    public Task<IActionResult> SignInRecoveryCode(SignInCodeInput input, [FromServices] IValidator<SignInCodeInput> validator) =>
        SecondStepAsync(input, validator, nameof(SignInRecoveryCode), signIn.TwoFactorRecoveryCodeSignInAsync);

    [AllowWithoutTwoFactor]
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutNow()
    {
        // A new security stamp ends this session everywhere: a copy of the cookie taken before is refused too
        // (the stamp is checked on every request). Other open sessions of the same account end with it.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        Flash(t["Admin_SignOut_Done"]);
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, [FromServices] IValidator<ChangePasswordInput> validator)
    {
        if (await validator.ValidateIntoAsync(input, ModelState))
        {
            var result = await accounts.ChangePasswordAsync(User, input.CurrentPassword, input.NewPassword);
            if (result.Problem is StaffAccountProblem.NotFound)
            {
                return Challenge();
            }

            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync((await users.GetUserAsync(User))!);
                Flash(t["Admin_Password_Changed"]);
                return RedirectToAction(nameof(DashboardController.Index), "Dashboard");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(input.CurrentPassword) : nameof(input.NewPassword), error.Description);
            }
        }

        return View(new ChangePasswordInput());
    }

    private async Task<IActionResult> SecondStepAsync(
        SignInCodeInput input, IValidator<SignInCodeInput> validator, string viewName, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> signInWithCode)
    {
        if (Throttled() is { } tooMany)
        {
            return tooMany;
        }

        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The first step expired (five minutes) or never happened.
            return RedirectToAction(nameof(SignIn));
        }

        if (!await validator.ValidateIntoAsync(input, ModelState))
        {
            return View(viewName, input);
        }

        var result = await signInWithCode(input.CleanCode);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff account {UserId} signed in with two-factor ({Step})", user.Id, viewName);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        throttle.RecordFailure(HttpContext);
        logger.LogInformation("Sign-in refused at the code step for staff account {UserId} ({Step})", user.Id, viewName);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Staff account {UserId} locked out after wrong sign-in codes", user.Id);
        }

        ModelState.AddModelError("", result.IsLockedOut ? t["Admin_SignIn_LockedOut"] : t["Admin_SignIn_WrongCode"]);
        return View(viewName, new SignInCodeInput { ReturnUrl = input.ReturnUrl });
    }

    /// <summary>A friendly 429 (the status code page) with Retry-After while this address has failed too often.</summary>
    private StatusCodeResult? Throttled()
    {
        if (throttle.RetryAfter(HttpContext) is not { } wait)
        {
            return null;
        }

        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Only back into the admin area, in a form a Location header can carry (<see cref="ReturnUrls"/>).</summary>
    private string SafeReturnUrl(string? returnUrl) => ReturnUrls.StaffPage(Url, returnUrl);
}
