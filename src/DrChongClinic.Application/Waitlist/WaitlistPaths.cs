using DrChongClinic.Domain;

namespace DrChongClinic.Application.Waitlist;

/// <summary>The waitlist's public addresses, in English and Malay ("senarai menunggu" is waitlist, "keluar" leave, "tawaran" offer).</summary>
public static class WaitlistPaths
{
    public const string JoinEn = "/waitlist";
    public const string JoinMs = "/ms/senarai-menunggu";
    public const string JoinedEn = JoinEn + "/joined";
    public const string JoinedMs = JoinMs + "/diterima";
    public const string LeaveEn = JoinEn + "/leave/{token}";
    public const string LeaveMs = JoinMs + "/keluar/{token}";
    public const string OfferEn = JoinEn + "/offer/{token}";
    public const string OfferMs = JoinMs + "/tawaran/{token}";

    /// <summary>The join form, with the booking page's choices: /waitlist?treatment=pico-laser&amp;practitioner=any.</summary>
    public static string Join(string language, string? treatmentCode = null, string? practitioner = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(treatmentCode))
        {
            query.Add("treatment=" + Uri.EscapeDataString(treatmentCode));
        }

        if (!string.IsNullOrEmpty(practitioner))
        {
            query.Add("practitioner=" + Uri.EscapeDataString(practitioner));
        }

        return Pick(language, JoinEn, JoinMs) + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public static string Joined(string language) => Pick(language, JoinedEn, JoinedMs);

    public static string Leave(string language, string token) => Pick(language, LeaveEn, LeaveMs).Replace("{token}", token, StringComparison.Ordinal);

    public static string Offer(string language, string token) => Pick(language, OfferEn, OfferMs).Replace("{token}", token, StringComparison.Ordinal);

    private static string Pick(string language, string english, string malay) => ClinicLanguage.Of(language).Pick(english, malay);
}
