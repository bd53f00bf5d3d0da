using System.Text;
using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Infrastructure.Data;
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
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    ClinicDbContext db,
    AuditLog audit,
    IWebHostEnvironment environment,
    IOptions<ClinicDetails> clinic,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    internal const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return View(new TwoFactorStatus(user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), MustUseTwoFactor));
    }

    [HttpGet("enable")]
    public async Task<IActionResult> Enable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        return View(await SetUpPageAsync(user));
    }

    [HttpPost("enable")]
    public async Task<IActionResult> Enable(EnableTwoFactorPage input, [FromServices] IValidator<EnableTwoFactorPage> validator)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (await validator.ValidateIntoAsync(input, ModelState))
        {
            var code = new string(input.Code.Where(char.IsAsciiDigit).ToArray());
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                audit.Record(Actor, "account.two-factor-enabled", $"User {user.Id}");
                await db.SaveChangesAsync();
                await signIn.RefreshSignInAsync(user);
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
                return View("RecoveryCodes", codes!.ToList());
            }

            ModelState.AddModelError(nameof(input.Code), t["Admin_TwoFactor_WrongCode"]);
        }

        return View(await SetUpPageAsync(user));
    }

    /// <summary>
    /// Turns two-factor off and forgets the key. An Admin outside Development is then asked to set it up again
    /// (e.g. on a new phone).
    /// </summary>
    [HttpPost("disable")]
    public async Task<IActionResult> Disable([FromForm] string? password)
    {
        var (user, refusal) = await ConfirmedWithPasswordAsync(password);
        if (refusal is not null)
        {
            return refusal;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record(Actor, "account.two-factor-disabled", $"User {user.Id}");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Flash(t["Admin_TwoFactor_Disabled"]);
        return MustUseTwoFactor ? RedirectToAction(nameof(Enable)) : RedirectToAction(nameof(Index));
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes([FromForm] string? password)
    {
        var (user, refusal) = await ConfirmedWithPasswordAsync(password);
        if (refusal is not null)
        {
            return refusal;
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        audit.Record(Actor, "account.recovery-codes-regenerated", $"User {user.Id}");
        await db.SaveChangesAsync();
        return View("RecoveryCodes", codes!.ToList());
    }

    /// <summary>
    /// The signed-in user with two-factor on, once their password confirms it: turning two-factor off or getting new
    /// recovery codes asks for it again, so someone at an unlocked screen cannot do either. Otherwise what to answer.
    /// </summary>
    private async Task<(IdentityUser User, IActionResult? Refusal)> ConfirmedWithPasswordAsync(string? password)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return (null!, Challenge());
        }

        if (!user.TwoFactorEnabled)
        {
            return (user, RedirectToAction(nameof(Index)));
        }

        if (string.IsNullOrEmpty(password) || password.Length > 200 || !await users.CheckPasswordAsync(user, password))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var page = new TwoFactorStatus(true, await users.CountRecoveryCodesAsync(user), MustUseTwoFactor, t["Admin_TwoFactor_PasswordWrong"]);
            return (user, View(nameof(Index), page));
        }

        return (user, null);
    }

    private bool MustUseTwoFactor => !environment.IsDevelopment() && User.IsInRole(StaffRoles.Admin);

    private async Task<EnableTwoFactorPage> SetUpPageAsync(IdentityUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

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
