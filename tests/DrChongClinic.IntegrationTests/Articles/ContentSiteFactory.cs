using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrChongClinic.IntegrationTests.Articles;

/// <summary>
/// The site on its own copy of the repository's content/ folder (set through Content:Path), so a test can add
/// or break files without touching the real articles, and with every log line captured.
/// </summary>
public class ContentSiteFactory : ClinicFactory
{
    public ContentSiteFactory()
    {
        ContentPath = System.IO.Path.Combine(Folder, "content");
        CopyFolder(System.IO.Path.Combine(RepositoryRoot.Path, "content"), ContentPath);
        With("Content:Path", ContentPath);
    }

    public string ContentPath { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Writes a file under the content copy, e.g. WriteContent("en/x.md", text).</summary>
    public void WriteContent(string relativePath, string text) =>
        File.WriteAllText(System.IO.Path.Combine(ContentPath, relativePath), text);

    /// <summary>A complete article file; tests replace the parts they are about.</summary>
    public static string ArticleText(string id, string slug, string language, string title = "Test article", string body = "Some words.", string lastReviewed = "2026-11-20", string tags = "[basics]", int order = 50, string reviewer = "medical-director") => $"""
        ---
        id: {id}
        title: "{title}"
        description: "A test article."
        slug: {slug}
        language: {language}
        published: 2026-11-20
        lastReviewed: {lastReviewed}
        nextReview: 2099-01-01
        reviewer: {reviewer}
        order: {order}
        tags: {tags}
        treatment: consultation
        ---

        {body}
        """;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, System.IO.Path.Combine(to, System.IO.Path.GetFileName(folder)));
        }
    }
}
