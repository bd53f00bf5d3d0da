namespace DrChongClinic.Domain.Scheduling;

/// <summary>A doctor who sees patients and has weekly working hours, with what the public doctor page shows about them.</summary>
public sealed class Practitioner
{
    public const int SlugMaxLength = 80;
    public const int MmcNumberMaxLength = 20;
    public const int BioMaxLength = 1000;

    public int Id { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public List<WorkingHours> WorkingHours { get; set; } = [];

    /// <summary>The public page's address part, e.g. "dr-sample-doctor-a" (/doctors/dr-sample-doctor-a). Unique.</summary>
    public string Slug { get; set; } = "";

    /// <summary>As staff entered it; null when not stated (then the "female doctor" choice does not include them).</summary>
    public PractitionerGender? Gender { get; set; }

    /// <summary>Malaysian Medical Council registration number, as staff typed it from the certificate; null when not entered.</summary>
    public string? MmcNumber { get; set; }

    /// <summary>Holds a Letter of Credentialing and Privileging (LCP) for aesthetic medical practice (Ministry of Health).</summary>
    public bool HoldsLcp { get; set; }

    /// <summary>Languages spoken, as codes of <see cref="SpokenLanguages"/> separated by commas ("en,ms,zh"); empty when not entered.</summary>
    public string Languages { get; set; } = "";

    public string? BioEn { get; set; }

    public string? BioMs { get; set; }

    /// <summary>Changes with each new photo (part of the photo's address, so it can be cached for a year); null without a photo.</summary>
    public string? PhotoVersion { get; set; }

    /// <summary>
    /// SHA-256 of the token in the doctor's private diary subscription address (an iCalendar feed of their bookings;
    /// the token has the form of a <see cref="Booking.ManageToken"/>). Null when no address is issued or it was revoked.
    /// </summary>
    public string? DiaryFeedTokenHash { get; set; }

    /// <summary>When the current diary address was issued (shown to staff); null without one.</summary>
    public DateTime? DiaryFeedIssuedAtUtc { get; set; }

    public string? Bio(string language) => ClinicLanguage.Of(language).Pick(BioEn, BioMs);

    public IReadOnlyList<string> LanguageCodes => SpokenLanguages.Parse(Languages);
}

/// <summary>An address a doctor's page had before they were renamed; it answers with a permanent redirect to the current one.</summary>
public sealed class PractitionerFormerSlug
{
    public required string Slug { get; set; }

    public int PractitionerId { get; set; }
}

public enum PractitionerGender
{
    Female = 1,
    Male = 2,
}

/// <summary>A doctor's photo as the site serves it: already resized, stripped of metadata and re-encoded.</summary>
public sealed class PractitionerPhoto
{
    public int PractitionerId { get; set; }

    public required byte[] Content { get; set; }

    public required string ContentType { get; set; }
}

/// <summary>The languages a doctor can be listed as speaking (ISO 639 codes), in the order pages show them.</summary>
public static class SpokenLanguages
{
    public static readonly IReadOnlyList<string> Codes = ["en", "ms", "zh", "yue", "nan", "ta"];

    /// <summary>The known codes in the text, in the standard order, without duplicates; unknown ones are dropped.</summary>
    public static IReadOnlyList<string> Parse(string? codes) =>
        string.IsNullOrEmpty(codes) ? [] : Codes.Where(code => codes.Split(',').Contains(code)).ToList();

    public static string Join(IEnumerable<string> codes)
    {
        var set = codes.ToHashSet(StringComparer.Ordinal);
        return string.Join(",", Codes.Where(set.Contains));
    }
}

/// <summary>Turns a doctor's name into the address part of their page: "Dr Sample Doctor B" → "dr-sample-doctor-b".</summary>
public static class PractitionerSlug
{
    public static string From(string name)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in name.Select(Accents.Remove))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '.' or '\'' or '/') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > Practitioner.SlugMaxLength - 4)
        {
            slug = slug[..(Practitioner.SlugMaxLength - 4)].Trim('-');
        }

        return slug.Length == 0 ? "doctor" : slug;
    }

    /// <summary>The slug, or the slug with "-2", "-3"… when another doctor has it already.</summary>
    public static string Unique(string slug, Func<string, bool> isTaken)
    {
        var candidate = slug;
        for (var n = 2; isTaken(candidate); n++)
        {
            candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{slug}-{n}");
        }

        return candidate;
    }

    /// <summary>True for a slug this type could have made (lower-case letters, digits and single hyphens).</summary>
    public static bool IsWellFormed(string? slug) =>
        slug is { Length: > 0 and <= Practitioner.SlugMaxLength } &&
        slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') &&
        !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal);
}
