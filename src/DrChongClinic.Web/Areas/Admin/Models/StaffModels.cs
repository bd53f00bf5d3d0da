using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed class NewStaffAccountInput
{
    public string Email { get; set; } = "";

    public string Role { get; set; } = StaffRoles.Staff;

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class NewStaffAccountInputValidator : AbstractValidator<NewStaffAccountInput>
{
    public NewStaffAccountInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(t["Admin_Validation_EmailRequired"])
            .Must(e => string.IsNullOrWhiteSpace(e) || SendableEmail.Accepts(e.Trim())).WithMessage(t["Admin_Validation_EmailInvalid"]);
        RuleFor(x => x.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage(t["Admin_Validation_RoleInvalid"]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(t["Admin_Validation_NewPasswordRequired"]).MaximumLength(256).WithMessage(t["Admin_Validation_TooLong"]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(t["Admin_Validation_PasswordsDiffer"]);
    }
}

public sealed class ResetPasswordInput
{
    public string Email { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage(t["Admin_Validation_NewPasswordRequired"]).MaximumLength(256).WithMessage(t["Admin_Validation_TooLong"]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(t["Admin_Validation_PasswordsDiffer"]);
    }
}
