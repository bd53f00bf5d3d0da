namespace DrChongClinic.Web.Models;

public sealed record HomePage(IReadOnlyList<TreatmentCard> Treatments)
{
    public IReadOnlyList<ArticleCard> LatestArticles { get; init; } = [];

    /// <summary>The article that explains the three scar types in the page's language; null when it is not published.</summary>
    public string? ScarTypesArticleUrl { get; init; }
}

public sealed record TreatmentCard(string Code, string Name, int DurationMinutes);

/// <summary>One of the three pockmark types shown on the home page, drawn by an original SVG in content/images.</summary>
public sealed record ScarTypeCard(string Key, string ImageFile)
{
    public static IReadOnlyList<ScarTypeCard> All { get; } =
    [
        new("IcePick", "ice-pick-scar.svg"),
        new("Boxcar", "boxcar-scar.svg"),
        new("Rolling", "rolling-scar.svg"),
    ];
}
