using System.Globalization;

namespace DrChongClinic.Web;

/// <summary>
/// <c>dotnet DrChongClinic.Web.dll --health-check [URL]</c>: asks the running site's readiness endpoint and exits
/// 0 when it answers 2xx, 1 otherwise (refused, timed out, 503). The container's health check uses it, so the
/// runtime image needs no curl. The default URL is <c>http://127.0.0.1:{first ASPNETCORE_HTTP_PORTS port}/healthz</c>.
/// It runs before the site is built: no configuration, database or migrations are touched.
/// </summary>
public static class HealthCheckCommand
{
    public const string Option = "--health-check";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Option;

    public static async Task<int> RunAsync(string[] args)
    {
        var target = args.Length > 1 ? args[1] : DefaultUrl();
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"Usage: {Option} [http://127.0.0.1:8080/healthz]");
            return 2;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{url}: {status}"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            await Console.Out.WriteLineAsync($"{url}: no answer ({error.GetType().Name})");
            return 1;
        }
    }

    private static string DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "";
        var port = ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        return $"http://127.0.0.1:{port}/healthz";
    }
}
