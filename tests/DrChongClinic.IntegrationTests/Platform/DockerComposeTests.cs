using System.Diagnostics;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>No Docker engine runs here, but the production compose file must still be valid.</summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Compose_file_validates_with_the_example_environment()
    {
        var (exitCode, output) = await RunAsync("docker-compose", "--env-file .env.example config -q");

        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}): {output}");
    }

    [Fact]
    public async Task Compose_runs_the_app_on_sql_server_with_mailpit_and_persistent_keys()
    {
        var (exitCode, output) = await RunAsync("docker-compose", "--env-file .env.example config");

        Assert.Equal(0, exitCode);
        Assert.Contains("mcr.microsoft.com/mssql/server:2022", output, StringComparison.Ordinal);
        Assert.Contains("axllent/mailpit", output, StringComparison.Ordinal);
        Assert.Contains("Database__Provider: SqlServer", output, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", output, StringComparison.Ordinal);
        Assert.Contains("/app/data/keys", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_file_is_ignored_by_git_and_an_example_is_committed()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, ".env.example")));
        var gitignore = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".gitignore"));
        Assert.Contains(".env", gitignore);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
