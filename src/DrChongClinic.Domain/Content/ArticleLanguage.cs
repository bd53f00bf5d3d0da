namespace DrChongClinic.Domain.Content;

/// <summary>The languages every article is written in.</summary>
public static class ArticleLanguage
{
    public const string English = "en";
    public const string Malay = "ms";

    public static IReadOnlyList<string> All { get; } = [English, Malay];

    public static string Other(string language) => language == Malay ? English : Malay;
}
