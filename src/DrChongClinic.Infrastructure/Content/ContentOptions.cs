namespace DrChongClinic.Infrastructure.Content;

/// <summary>Configuration section "Content": where the articles and their pictures live.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The content folder (with en/, ms/ and images/). A relative path is taken from the web project's
    /// content root, so the default finds the repository's content/ folder when run with dotnet run.
    /// </summary>
    public string Path { get; set; } = "../../content";

    public string FullPath(string contentRootPath) => System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRootPath, Path));
}
