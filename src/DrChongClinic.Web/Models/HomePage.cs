namespace DrChongClinic.Web.Models;

public sealed record HomePage(IReadOnlyList<TreatmentCard> Treatments)
{
    public IReadOnlyList<ArticleCard> LatestArticles { get; init; } = [];
}

public sealed record TreatmentCard(string Code, string Name, int DurationMinutes);
