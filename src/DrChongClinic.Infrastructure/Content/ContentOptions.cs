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

    /// <summary>
    /// Whether the running site reloads the articles when the files change: "Events" (file system notifications;
    /// the default in Development), "Polling" (looks at the files' sizes and times every two seconds: for a content
    /// folder shared by several app instances on a network or container volume, where notifications do not arrive),
    /// or "Off" (the default elsewhere: the files come with the release, read once at start-up).
    /// </summary>
    public ContentWatch? Watch { get; set; }

    public string FullPath(string contentRootPath) => System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRootPath, Path));
}

/// <summary>How the article store notices changed files (<see cref="ContentOptions.Watch"/>).</summary>
public enum ContentWatch
{
    Off,
    Events,
    Polling,
}
