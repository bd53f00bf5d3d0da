using System.Text;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Staff;
using DrChongClinic.Web.Areas.Admin.Models;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace DrChongClinic.Web.Areas.Admin.Controllers;

/// <summary>Two-factor sign-in with an authenticator app (TOTP) and one-time recovery codes.</summary>
[Route("admin/account/two-factor")]
[AllowWithoutTwoFactor]
public sealed class TwoFactorController(
    TwoFactorService twoFactor,
    SignInManager<IdentityUser> signIn,
    IWebHostEnvironment environment,
    IOptions<ClinicDetails> clinic,
    IOptions<AdminOptions> adminOptions,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await twoFactor.UserAsync(User) is { } user ? View(await StatusAsync(user)) : Challenge();

    [HttpGet("enable")]
    public async Task<IActionResult> Enable()
    {
        var user = await twoFactor.UserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(await SetUpPageAsync(user));
    }

    [HttpPost("enable")]
    public async Task<IActionResult> Enable(EnableTwoFactorPage input, [FromServices] IValidator<EnableTwoFactorPage> validator)
    {
        if (await validator.ValidateIntoAsync(input, ModelState))
        {
            var result = await twoFactor.EnableAsync(User, input.Code);
            if (result.Succeeded)
            {
                await RefreshSignInAsync();
                return View("RecoveryCodes", result.RecoveryCodes.ToList());
            }

            if (result.Problem is StaffAccountProblem.AlreadyDone)
            {
                // A second post of the same form: the first turned it on and showed the recovery codes, which this answer cannot.
                Flash(t["Admin_TwoFactor_AlreadyOn"]);
            }

            if (result.Problem is not StaffAccountProblem.WrongCode)
            {
                return Answer(result);
            }

            ModelState.AddModelError(nameof(input.Code), t["Admin_TwoFactor_WrongCode"]);
        }

        var user = await twoFactor.UserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(await SetUpPageAsync(user));
    }

    /// <summary>
    /// Turns two-factor off and forgets the key. Outside Development the staff member is then asked to set it up again
    /// (e.g. on a new phone).
    /// </summary>
    [HttpPost("disable")]
    public async Task<IActionResult> Disable([FromForm] string? password)
    {
        var result = await twoFactor.DisableAsync(User, password);
        if (!result.Succeeded)
        {
            return await AnswerAsync(result);
        }

        await RefreshSignInAsync();
        Flash(t["Admin_TwoFactor_Disabled"]);
        return MustUseTwoFactor ? RedirectToAction(nameof(Enable)) : RedirectToAction(nameof(Index));
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes([FromForm] string? password)
    {
        var result = await twoFactor.NewRecoveryCodesAsync(User, password);
        return result.Succeeded ? View("RecoveryCodes", result.RecoveryCodes.ToList()) : await AnswerAsync(result);
    }

    /// <summary>A wrong password shows the two-factor page again with a 400; anything else is <see cref="Answer"/>.</summary>
    private async Task<IActionResult> AnswerAsync(StaffAccountResult result)
    {
        if (result.Problem is not StaffAccountProblem.WrongPassword || await twoFactor.UserAsync(User) is not { } user)
        {
            return Answer(result);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await StatusAsync(user, t["Admin_TwoFactor_PasswordWrong"]));
    }

    /// <summary>No account: sign in again. Two-factor already in that state: back to its page.</summary>
    private IActionResult Answer(StaffAccountResult result) =>
        result.Problem is StaffAccountProblem.NotFound ? Challenge() : RedirectToAction(nameof(Index));

    private async Task RefreshSignInAsync()
    {
        if (await twoFactor.UserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private async Task<TwoFactorStatus> StatusAsync(IdentityUser user, string? passwordError = null) =>
        new(user.TwoFactorEnabled, await twoFactor.RecoveryCodesLeftAsync(user), MustUseTwoFactor, passwordError);

    private bool MustUseTwoFactor => RequireTwoFactorFilter.Applies(User, environment, adminOptions.Value);

    private async Task<EnableTwoFactorPage> SetUpPageAsync(IdentityUser user)
    {
        var key = await twoFactor.AuthenticatorKeyAsync(user);

        // Making the key renews the account's security stamp, which is checked on every request: keep this session.
        await signIn.RefreshSignInAsync(user);
        var issuer = Uri.EscapeDataString(clinic.Value.Name);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "staff");
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new EnableTwoFactorPage
        {
            SharedKey = Grouped(key),
            AuthenticatorUri = uri,
            QrCodeSvg = new SvgQRCode(data).GetGraphic(5),
            MustUseTwoFactor = MustUseTwoFactor,
        };
    }

    /// <summary>"ABCD EFGH ..." is easier to type into a phone than one long run of letters.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
