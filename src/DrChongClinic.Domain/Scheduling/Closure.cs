namespace DrChongClinic.Domain.Scheduling;

/// <summary>
/// Days on which nobody (or one practitioner) takes appointments: public holidays, leave.
/// Dates are clinic-local and inclusive.
/// </summary>
public sealed class Closure
{
    public int Id { get; set; }

    /// <summary>Null closes the whole clinic; otherwise only this practitioner is away.</summary>
    public int? PractitionerId { get; set; }

    public DateOnly FirstDay { get; set; }

    public DateOnly LastDay { get; set; }

    public required string Reason { get; set; }

    public bool Covers(DateOnly day, int practitionerId) =>
        day >= FirstDay && day <= LastDay && (PractitionerId is null || PractitionerId == practitionerId);
}
