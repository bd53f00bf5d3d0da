namespace DrChongClinic.Domain.Scheduling;

/// <summary>A doctor who sees patients and has weekly working hours.</summary>
public sealed class Practitioner
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public List<WorkingHours> WorkingHours { get; set; } = [];
}
