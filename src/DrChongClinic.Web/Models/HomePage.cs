namespace DrChongClinic.Web.Models;

public sealed record HomePage(IReadOnlyList<TreatmentCard> Treatments);

public sealed record TreatmentCard(string Code, string Name, int DurationMinutes);
