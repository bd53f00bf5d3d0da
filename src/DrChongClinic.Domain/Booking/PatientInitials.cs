namespace DrChongClinic.Domain.Booking;

/// <summary>
/// A patient's initials for a doctor's diary on their phone: enough to tell bookings apart, not enough to name anyone
/// ("Siti Nur binti Ahmad" → "S.N.A."). Malay and Indian name particles (bin, binti, a/l, a/p…) are skipped, at most
/// three initials are kept, and an anonymised booking has none.
/// </summary>
public static class PatientInitials
{
    private const int MaxInitials = 3;

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "binti", "bte", "bt", "b.", "bt.", "a/l", "a/p", "s/o", "d/o", "al", "ap", "van", "von", "de", "da",
    };

    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name == Appointment.AnonymizedName)
        {
            return "";
        }

        var initials = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !Particles.Contains(word))
            .Select(word => word.FirstOrDefault(char.IsLetter))
            .Where(c => c != default)
            .Take(MaxInitials)
            .Select(c => char.ToUpperInvariant(c) + ".");
        return string.Concat(initials);
    }
}
