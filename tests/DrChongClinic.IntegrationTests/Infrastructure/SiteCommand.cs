using System.Diagnostics;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>
/// The built site run as its own process with a command-line option (<c>--create-admin</c>, <c>--migrate</c>), in
/// Production with the tests' clinic settings, on the given SQLite file and a key folder beside it.
/// </summary>
public static class SiteCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string folder, string database, string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(Program).Assembly.Location}\" {arguments}")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in ClinicFactory.TestClinicSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(folder, "keys");
        start.Environment["DataProtection__AllowUnencryptedKeys"] = "true";
        start.Environment.Remove("Admin__Email");
        start.Environment.Remove("Admin__Password");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
