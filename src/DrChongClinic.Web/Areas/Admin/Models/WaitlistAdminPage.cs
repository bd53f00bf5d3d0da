using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;

namespace DrChongClinic.Web.Areas.Admin.Models;

/// <summary>The staff waitlist page for one day; <see cref="Problem"/> is a refused offer or an unreadable date.</summary>
public sealed record WaitlistAdminPage(WaitlistDay Day, string Date, string DateLabel, string? Problem)
{
    /// <summary>"Dr X", "Any doctor" or "Any female doctor", as a resx key or a name.</summary>
    public static string DoctorKey(WaitlistEntry entry) =>
        entry.Gender == PractitionerGender.Female ? "Booking_AnyFemaleDoctor" : "Booking_AnyDoctor";

    public static IEnumerable<string> TimeKeys(DayParts parts) =>
        DayPart.Each.Where(p => (parts & p) != 0).Select(p => $"Waitlist_Times_{p}");
}
