using Microsoft.AspNetCore.Identity;

namespace DrChongClinic.Application.Staff;

/// <summary>A staff row on the accounts page.</summary>
public sealed record StaffAccountRow(string Id, string Email, string Role, bool TwoFactorEnabled, bool IsLocked, bool IsMe);

/// <summary>Why a staff-account or two-factor change was refused. Each has a localized message in the web layer.</summary>
public enum StaffAccountProblem
{
    NotFound,
    CannotLockSelf,

    /// <summary>
    /// An admin resetting their own password or two-factor from the staff list: that page does not ask for the
    /// password, so a session left open could take the account over; the account page does ask.
    /// </summary>
    OwnAccount,

    /// <summary>Identity refused it (weak password, e-mail taken, wrong current password): see <see cref="StaffAccountResult.Errors"/>.</summary>
    Refused,
    WrongPassword,
    WrongCode,

    /// <summary>The account is already in the state asked for (two-factor on when enabling, off when disabling or
    /// resetting; already locked or unlocked): nothing changed.</summary>
    AlreadyDone,
}

/// <summary>What happened to a staff-account change.</summary>
public sealed record StaffAccountResult
{
    public StaffAccountProblem? Problem { get; private init; }

    /// <summary>The account's e-mail, for the confirmation message.</summary>
    public string Email { get; private init; } = "";

    public IReadOnlyList<IdentityError> Errors { get; private init; } = [];

    /// <summary>After enabling two-factor or asking for new codes: the one-time recovery codes to show once.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private init; } = [];

    public bool Succeeded => Problem is null;

    public static StaffAccountResult Done(string email, IReadOnlyList<string>? recoveryCodes = null) =>
        new() { Email = email, RecoveryCodes = recoveryCodes ?? [] };

    public static StaffAccountResult Refused(StaffAccountProblem problem, string email = "") => new() { Problem = problem, Email = email };

    public static StaffAccountResult From(IdentityResult result, string email) =>
        result.Succeeded ? Done(email) : new() { Problem = StaffAccountProblem.Refused, Errors = result.Errors.ToList(), Email = email };
}
