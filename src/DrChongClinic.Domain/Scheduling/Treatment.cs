namespace DrChongClinic.Domain.Scheduling;

/// <summary>A procedure the clinic offers online, with how long it takes and the time kept free after it.</summary>
public sealed class Treatment
{
    public int Id { get; set; }

    /// <summary>Stable code used in URLs and article front matter, e.g. "pico-laser".</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }

    public required string NameMs { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Minutes kept free after the treatment (cleaning the room, numbing cream).</summary>
    public int BufferMinutes { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public string Name(string language) => ClinicLanguage.Of(language).Pick(NameEn, NameMs);
}
