using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin;

/// <summary>
/// ASP.NET Core Identity's refusals (an e-mail already used, a password too weak) in the clinic's words and the staff
/// area's language; Identity's own are English only ("Username 'x' is already taken.", staff-area sweep). The codes
/// stay Identity's, so pages still tell password problems from the rest.
/// </summary>
public sealed class ClinicIdentityErrors(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Admin_Identity_DefaultError"]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["Admin_Identity_ConcurrencyFailure"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Admin_Identity_PasswordMismatch"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["Admin_Identity_DefaultError"]);

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), t["Admin_Identity_DefaultError"]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Admin_Validation_EmailInvalid"]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Admin_Validation_EmailInvalid"]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Format("Admin_Identity_DuplicateEmail", userName));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), Format("Admin_Identity_DuplicateEmail", email));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Format("Admin_Identity_PasswordTooShort", length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), Format("Admin_Identity_PasswordRequiresUniqueChars", uniqueChars));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["Admin_Identity_PasswordRequiresSymbol"]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["Admin_Identity_PasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["Admin_Identity_PasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["Admin_Identity_PasswordRequiresUpper"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    private string Format(string key, object value) => string.Format(CultureInfo.CurrentCulture, t[key], value);
}
