namespace DrChongClinic.Web.Areas.Admin.Models;

public sealed record PatientBookingRow(string Reference, string When, string Status);

/// <summary>The PDPA request page: the e-mail searched for and that patient's bookings.</summary>
public sealed class PatientDataPage
{
    public string Email { get; set; } = "";

    public bool Searched { get; set; }

    public IReadOnlyList<PatientBookingRow> Bookings { get; set; } = [];
}
