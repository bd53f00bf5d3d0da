namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed record PatientBookingRow(string Reference, string When, string Status);

/// <summary>One waitlist request as the PDPA page lists it (texts already in the admin language).</summary>
public sealed record PatientWaitlistRow(string Joined, string Treatment, string Days, string Times, string Status);

/// <summary>The PDPA request page: the e-mail searched for and that patient's bookings and waitlist requests.</summary>
public sealed class PatientDataPage
{
    public string Email { get; set; } = "";

    public bool Searched { get; set; }

    /// <summary>Why nothing was looked up (no address, or longer than any address can be).</summary>
    public string? Problem { get; set; }

    public IReadOnlyList<PatientBookingRow> Bookings { get; set; } = [];

    public IReadOnlyList<PatientWaitlistRow> Waitlist { get; set; } = [];

    public bool Found => Bookings.Count > 0 || Waitlist.Count > 0;
}
