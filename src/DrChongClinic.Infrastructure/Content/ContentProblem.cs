namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// Something wrong with an article file, e.g. ("en/pico-laser.md", "'title' is missing", Skipped: true).
/// A skipped file is not on the site until it is fixed; otherwise the article is shown and the problem is a warning.
/// </summary>
public sealed record ContentProblem(string File, string Message, bool Skipped)
{
    public override string ToString() => $"{File}: {Message}{(Skipped ? " (skipped)" : "")}";
}
