namespace DrChongClinic.IntegrationTests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding DrChongClinic.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "DrChongClinic.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("DrChongClinic.sln not found above " + AppContext.BaseDirectory);
    }
}
