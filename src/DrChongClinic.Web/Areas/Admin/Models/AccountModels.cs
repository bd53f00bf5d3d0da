using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed class SignInInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class SignInInputValidator : AbstractValidator<SignInInput>
{
    public SignInInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(t["Admin_Validation_EmailRequired"]).MaximumLength(256).WithMessage(t["Admin_Validation_TooLong"]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(t["Admin_Validation_PasswordRequired"]).MaximumLength(256).WithMessage(t["Admin_Validation_TooLong"]);
    }
}

/// <summary>The second sign-in step: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class SignInCodeInput
{
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }

    /// <summary>People type codes with spaces ("123 456"); recovery codes keep their dash ("ABCDE-FGHIJ").</summary>
    public string CleanCode => new(Code.Where(c => !char.IsWhiteSpace(c)).ToArray());
}

public sealed class SignInCodeInputValidator : AbstractValidator<SignInCodeInput>
{
    public SignInCodeInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(t["Admin_Validation_CodeRequired"]).MaximumLength(50).WithMessage(t["Admin_Validation_TooLong"]);
    }
}

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(t["Admin_Validation_PasswordRequired"]);
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage(t["Admin_Validation_NewPasswordRequired"]).MaximumLength(256).WithMessage(t["Admin_Validation_TooLong"]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(t["Admin_Validation_PasswordsDiffer"]);
    }
}

/// <summary>What the two-factor page shows about the signed-in account.</summary>
public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool MustUseTwoFactor, string? PasswordError = null);

/// <summary>The set-up page: the shared key to type or scan, and the first code to prove it works.</summary>
public sealed class EnableTwoFactorPage
{
    public string SharedKey { get; set; } = "";

    public string AuthenticatorUri { get; set; } = "";

    /// <summary>The URI as an SVG QR code, for the phone's camera.</summary>
    public string QrCodeSvg { get; set; } = "";

    public bool MustUseTwoFactor { get; set; }

    public string Code { get; set; } = "";
}

public sealed class EnableTwoFactorPageValidator : AbstractValidator<EnableTwoFactorPage>
{
    public EnableTwoFactorPageValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(t["Admin_Validation_CodeRequired"]).MaximumLength(20).WithMessage(t["Admin_Validation_TooLong"]);
    }
}
