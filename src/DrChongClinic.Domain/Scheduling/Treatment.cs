namespace DrChongClinic.Domain.Scheduling;

/// <summary>A procedure the clinic offers online, with how long it takes and the time kept free after it.</summary>
public sealed class Treatment
{
    /// <summary>The highest price staff may enter, in ringgit: well above any treatment, low enough to catch a slip of the keyboard.</summary>
    public const decimal MaxPrice = 100_000m;

    /// <summary>Longest "what is included" note, per language.</summary>
    public const int IncludedMaxLength = 300;

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

    /// <summary>
    /// The price in ringgit with sen (e.g. 150.00), as staff set it; null when the clinic has not published one
    /// (pages then say to ask the clinic). Never invented: seed data leaves it empty.
    /// </summary>
    public decimal? Price { get; set; }

    /// <summary>The price is a starting price ("from RM 300.00"): the final price depends on the assessment.</summary>
    public bool PriceIsFrom { get; set; }

    /// <summary>What the price includes, in English, e.g. "Doctor's assessment and one session"; empty when not set.</summary>
    public string? IncludedEn { get; set; }

    public string? IncludedMs { get; set; }

    /// <summary>Sessions in a course of this treatment (2..12); null when it is not given as a course. See <see cref="Courses.CoursePlan"/>.</summary>
    public int? CourseSessions { get; set; }

    /// <summary>Fewest weeks from one course session to the next.</summary>
    public int? CourseMinWeeks { get; set; }

    /// <summary>Most weeks from one course session to the next.</summary>
    public int? CourseMaxWeeks { get; set; }

    /// <summary>The course staff set for this treatment, or null.</summary>
    public Courses.CoursePlan? Course => Courses.CoursePlan.Of(CourseSessions, CourseMinWeeks, CourseMaxWeeks);

    public string Name(string language) => ClinicLanguage.Of(language).Pick(NameEn, NameMs);

    /// <summary>What the price includes in <paramref name="language"/>, or null when staff have not written it.</summary>
    public string? Included(string language) => ClinicLanguage.Of(language).Pick(IncludedEn, IncludedMs) is { Length: > 0 } text ? text : null;
}
