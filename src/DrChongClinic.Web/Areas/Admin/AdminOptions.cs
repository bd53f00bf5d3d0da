namespace DrChongClinic.Web.Areas.Admin;

/// <summary>Configuration section "Admin": staff sign-in settings and the first admin account.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Minutes without a request after which a staff member must sign in again (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Hours after sign-in when a session ends however busy it is (on top of the idle timeout).</summary>
    public double AbsoluteSessionHours { get; set; } = 10;

    /// <summary>Outside Development every staff account must use two-factor sign-in; false: Admins only.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>E-mail of the first admin account, created at start-up when no account has it yet.</summary>
    public string? Email { get; set; }

    /// <summary>Its initial password (from the environment or user secrets, never a committed file).</summary>
    public string? Password { get; set; }
}

/// <summary>Authorization policies of the admin area.</summary>
public static class AdminPolicies
{
    /// <summary>Any signed-in staff member (Staff or Admin): the whole /admin area.</summary>
    public const string StaffArea = "StaffArea";

    /// <summary>Admins only: staff accounts.</summary>
    public const string AdminOnly = "AdminOnly";
}
