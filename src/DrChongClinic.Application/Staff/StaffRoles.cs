namespace DrChongClinic.Application.Staff;

/// <summary>The two kinds of staff account.</summary>
public static class StaffRoles
{
    /// <summary>Everything, including staff accounts.</summary>
    public const string Admin = "Admin";

    /// <summary>Bookings and the schedule.</summary>
    public const string Staff = "Staff";

    public static readonly string[] All = [Admin, Staff];
}
