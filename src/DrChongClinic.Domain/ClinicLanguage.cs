using System.Globalization;

namespace DrChongClinic.Domain;

/// <summary>
/// The clinic speaks English and Bahasa Malaysia: on its pages, in its emails and in its articles. Each
/// language has a code ("en", "ms": stored with bookings and articles, sent by forms), a URL prefix (Malay
/// pages live under /ms), a culture (en-MY, ms-MY: resources, dates, numbers) and its own name.
/// Code that needs to tell the languages apart asks this type; nothing else writes "ms".
/// </summary>
public sealed class ClinicLanguage
{
    public const string EnglishCode = "en";
    public const string MalayCode = "ms";

    private ClinicLanguage(string code, string urlPrefix, CultureInfo culture, string name)
    {
        Code = code;
        UrlPrefix = urlPrefix;
        Culture = culture;
        Name = name;
    }

    public static ClinicLanguage English { get; } = new(EnglishCode, "", ClinicCultures.English, "English");

    public static ClinicLanguage Malay { get; } = new(MalayCode, "/" + MalayCode, ClinicCultures.Malay, "Bahasa Malaysia");

    public static IReadOnlyList<ClinicLanguage> All { get; } = [English, Malay];

    /// <summary>The language of the current request (from its culture, set by the URL); English outside requests.</summary>
    public static ClinicLanguage Current => FromCulture(CultureInfo.CurrentUICulture);

    /// <summary>"en" or "ms".</summary>
    public string Code { get; }

    /// <summary>"" for English, "/ms" for Malay: what comes before a page's path.</summary>
    public string UrlPrefix { get; }

    /// <summary>en-MY or ms-MY (<see cref="ClinicCultures"/>): the resources, dates and numbers of this language.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The language's name in itself: "English", "Bahasa Malaysia".</summary>
    public string Name { get; }

    /// <summary>Open Graph's locale: "en_MY", "ms_MY".</summary>
    public string OpenGraphLocale => Culture.Name.Replace('-', '_');

    public bool IsMalay => ReferenceEquals(this, Malay);

    /// <summary>The other language, for the language switch and an article's translation.</summary>
    public ClinicLanguage Other => IsMalay ? English : Malay;

    /// <summary>The language of a code; anything but "ms" is English, the site's default.</summary>
    public static ClinicLanguage Of(string? code) => code == MalayCode ? Malay : English;

    /// <summary>True for "en" and "ms", the codes a form or setting may carry.</summary>
    public static bool IsKnown(string? code) => code is EnglishCode or MalayCode;

    /// <summary>
    /// Malay for ms-MY (or ms), English for anything else. Read from the culture's name: without ICU every culture's
    /// TwoLetterISOLanguageName is "iv", the invariant culture's.
    /// </summary>
    public static ClinicLanguage FromCulture(CultureInfo culture) =>
        culture.Name == MalayCode || culture.Name.StartsWith(MalayCode + "-", StringComparison.OrdinalIgnoreCase) ? Malay : English;

    /// <summary>The English or the Malay of a pair, for this language.</summary>
    public T Pick<T>(T english, T malay) => IsMalay ? malay : english;

    public override string ToString() => Code;
}
