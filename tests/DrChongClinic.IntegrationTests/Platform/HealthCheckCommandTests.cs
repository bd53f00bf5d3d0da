using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DrChongClinic.IntegrationTests.Infrastructure;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// The container's health check is the site's own command, <c>dotnet DrChongClinic.Web.dll --health-check</c>
/// (the runtime image has no curl). Run here as the container runs it: a separate process.
/// </summary>
public sealed class HealthCheckCommandTests
{
    [Fact]
    public async Task Health_check_command_exits_0_when_the_running_site_is_ready()
    {
        using var site = new ClinicFactory().With("Security:SecureCookies", "false");
        var address = site.StartOnKestrel();

        var (exitCode, output) = await HealthCheckAsync($"{address}/healthz");

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Health_check_command_exits_1_when_nothing_answers()
    {
        var (exitCode, output) = await HealthCheckAsync($"http://127.0.0.1:{FreePort()}/healthz");

        Assert.True(exitCode == 1, output);
    }

    [Fact]
    public async Task Health_check_command_exits_1_when_the_site_answers_503()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var answer = AnswerOnceAsync(listener, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 9\r\nConnection: close\r\n\r\nUnhealthy");

        var (exitCode, output) = await HealthCheckAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/healthz");
        await answer;

        Assert.True(exitCode == 1, output);
    }

    private static async Task<(int ExitCode, string Output)> HealthCheckAsync(string url)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DrChongClinic.Web.dll"));
        start.ArgumentList.Add("--health-check");
        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task AnswerOnceAsync(TcpListener listener, string response)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
    }
}
