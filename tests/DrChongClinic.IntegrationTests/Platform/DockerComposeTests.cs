using System.Diagnostics;
using System.Net;
using DrChongClinic.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace DrChongClinic.IntegrationTests.Platform;

/// <summary>
/// No Docker engine runs here, but the production compose file must still be valid (with and without the trial
/// profile) and safe by default: read from what <c>docker-compose config</c> makes of it with the example .env.
/// </summary>
public sealed class DockerComposeTests
{
    public const string Proxy = "caddy";

    [Theory]
    [InlineData("")]
    [InlineData("--profile trial ")]
    public async Task Compose_file_validates_with_the_example_environment(string profile)
    {
        var (exitCode, output) = await RunAsync("docker-compose", $"--env-file .env.example {profile}config -q");

        Assert.True(exitCode == 0, $"docker-compose {profile}config failed ({exitCode}): {output}");
    }

    [Fact]
    public async Task Only_the_proxy_publishes_ports_and_mailpit_only_on_loopback_in_the_trial_profile()
    {
        var services = await ServicesAsync();

        var publishing = services.Where(service => Node(service.Value, "ports") is YamlSequenceNode { Children.Count: > 0 }).Select(service => service.Key).ToList();
        Assert.Equal([Proxy, "mailpit"], publishing.Order(StringComparer.Ordinal));
        Assert.Equal(["80", "443", "443"], ((YamlSequenceNode)Node(services[Proxy], "ports")!).Select(port => Scalar(port, "published")));

        var mailpit = services["mailpit"];
        Assert.Equal(["trial"], ((YamlSequenceNode)Node(mailpit, "profiles")!).Select(profile => ((YamlScalarNode)profile).Value));
        Assert.All((YamlSequenceNode)Node(mailpit, "ports")!, port => Assert.StartsWith("127.0.0.1:", ((YamlScalarNode)port).Value, StringComparison.Ordinal));
        Assert.Equal("/run/secrets/mailpit_ui_auth", Scalar(mailpit, "environment", "MP_UI_AUTH_FILE"));
        Assert.All(services.Where(service => service.Key != "mailpit"), service => Assert.Null(Node(service.Value, "profiles")));
    }

    [Fact]
    public async Task The_app_trusts_forwarded_headers_only_from_the_proxy_address_on_an_internal_network()
    {
        var config = await ConfigAsync();
        var services = Services(config);
        var app = services["app"];

        Assert.Equal("true", Scalar(app, "environment", "Security__TrustForwardedHeaders"));
        var trusted = Scalar(app, "environment", "Security__TrustedProxies__0");
        Assert.Equal(Scalar(services[Proxy], "networks", "edge", "ipv4_address"), trusted);
        var subnet = System.Net.IPNetwork.Parse(Scalar(config, "networks", "edge", "ipam", "config", "0", "subnet")!);
        Assert.True(subnet.Contains(IPAddress.Parse(trusted!)), $"{trusted} is outside the edge subnet {subnet}");
        Assert.Equal("true", Scalar(config, "networks", "edge", "internal"));
        Assert.Equal("true", Scalar(config, "networks", "backend", "internal"));

        // Caddy and the app share only the edge network, so Caddy always reaches the app from its trusted address.
        var shared = NetworkNames(services[Proxy]).Intersect(NetworkNames(app)).ToList();
        Assert.Equal(["edge"], shared);
        Assert.Equal(["backend"], NetworkNames(services["sqlserver"]));
    }

    [Fact]
    public async Task The_app_uses_its_own_login_the_smtp_relay_and_no_admin_password()
    {
        var services = await ServicesAsync();
        var app = services["app"];
        var environment = (YamlMappingNode)Node(app, "environment")!;
        var connection = Scalar(app, "environment", "Database__ConnectionString")!;
        var saPassword = ExampleSetting("MSSQL_SA_PASSWORD");

        Assert.Contains("User Id=clinic_app;", connection, StringComparison.Ordinal);
        Assert.DoesNotContain("User Id=sa;", connection, StringComparison.OrdinalIgnoreCase);
        Assert.All(environment.Children, setting => Assert.DoesNotContain(saPassword, ((YamlScalarNode)setting.Value).Value ?? "", StringComparison.Ordinal));
        Assert.Equal(
            ["sqlserver", "sqlserver-init"],
            services.Where(service => Node(service.Value, "environment", "MSSQL_SA_PASSWORD") is not null).Select(service => service.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(environment.Children, setting => ((YamlScalarNode)setting.Key).Value!.StartsWith("Admin__", StringComparison.Ordinal));

        Assert.Equal(ExampleSetting("SMTP_HOST"), Scalar(app, "environment", "Email__Host"));
        Assert.NotEqual("mailpit", Scalar(app, "environment", "Email__Host"));
        Assert.Equal("StartTls", Scalar(app, "environment", "Email__Security"));
        Assert.Equal("service_completed_successfully", Scalar(app, "depends_on", "sqlserver-init", "condition"));
        Assert.Equal("SqlServer", Scalar(app, "environment", "Database__Provider"));
        Assert.Equal("/app/data/keys", Scalar(app, "environment", "DataProtection__KeysPath"));
    }

    [Fact]
    public async Task Migrations_run_once_in_their_own_step_before_any_app_replica_starts()
    {
        var services = await ServicesAsync();
        var app = services["app"];
        var migrate = services["migrate"];

        Assert.Equal("service_completed_successfully", Scalar(app, "depends_on", "migrate", "condition"));
        Assert.Equal("false", Scalar(app, "environment", "Database__MigrateOnStartup"));
        Assert.Equal(["--migrate"], ((YamlSequenceNode)Node(migrate, "command")!).Select(part => ((YamlScalarNode)part).Value));
        Assert.Equal("no", Scalar(migrate, "restart"));
        Assert.Null(Node(migrate, "deploy"));
        Assert.Equal(Scalar(app, "build", "dockerfile"), Scalar(migrate, "build", "dockerfile"));
        Assert.Equal(Scalar(app, "environment", "Database__ConnectionString"), Scalar(migrate, "environment", "Database__ConnectionString"));
        Assert.Equal("service_completed_successfully", Scalar(migrate, "depends_on", "sqlserver-init", "condition"));
        Assert.Equal(["backend"], NetworkNames(migrate));
    }

    [Fact]
    public async Task Images_are_pinned_and_the_app_checks_its_own_health_without_curl()
    {
        var services = await ServicesAsync();

        foreach (var (name, service) in services.Where(service => Node(service.Value, "image") is not null))
        {
            var image = Scalar(service, "image")!;
            var tag = image[(image.LastIndexOf('/') + 1)..].Split(':');
            Assert.True(tag.Length == 2 && tag[1] != "latest" && tag[1].Any(char.IsDigit), $"{name}: image {image} is not pinned to a version");
        }

        var healthCheck = ((YamlSequenceNode)Node(services["app"], "healthcheck", "test")!).Select(part => ((YamlScalarNode)part).Value).ToList();
        Assert.Equal(["CMD", "dotnet", "DrChongClinic.Web.dll", "--health-check"], healthCheck);
        var dockerfile = (await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot.Path, "src", "DrChongClinic.Web", "Dockerfile")))
            .Where(line => !line.TrimStart().StartsWith('#')).ToList();
        Assert.DoesNotContain(dockerfile, line => line.Contains("curl", StringComparison.OrdinalIgnoreCase) || line.Contains("wget", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dockerfile, line => line.Contains("apt-get", StringComparison.Ordinal));
        Assert.Contains(dockerfile, line => line.Contains("--health-check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backups_run_nightly_with_retention_and_include_the_data_protection_keys()
    {
        var services = await ServicesAsync();
        var backup = services["sqlserver-backup"];

        Assert.Equal(ExampleSetting("BACKUP_RETENTION_DAYS"), Scalar(backup, "environment", "BACKUP_RETENTION_DAYS"));
        Assert.Null(Node(backup, "environment", "MSSQL_SA_PASSWORD"));
        var volumes = ((YamlSequenceNode)Node(backup, "volumes")!).Select(volume => ((YamlScalarNode)volume).Value!).ToList();
        Assert.Contains(volumes, volume => volume.StartsWith("sqlserver-backups:/var/opt/mssql/backup", StringComparison.Ordinal));
        Assert.Contains(volumes, volume => volume.StartsWith("app-data:/app-data:ro", StringComparison.Ordinal));
        Assert.Contains(
            ((YamlSequenceNode)Node(services["sqlserver"], "volumes")!).Select(volume => ((YamlScalarNode)volume).Value!),
            volume => volume.StartsWith("sqlserver-backups:/var/opt/mssql/backup", StringComparison.Ordinal));

        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "src", "Deployment", "backup", "backup.sh"));
        Assert.Contains("BACKUP DATABASE", script, StringComparison.Ordinal);
        Assert.Contains("CHECKSUM", script, StringComparison.Ordinal);
        Assert.Contains("-mtime +\"$retention\"", script, StringComparison.Ordinal);
        Assert.Contains("-U clinic_backup", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_app_replicas_share_one_key_ring_and_caddy_balances_over_every_replica()
    {
        var services = await ServicesAsync();
        var app = services["app"];

        Assert.Equal(ExampleSetting("APP_REPLICAS"), Scalar(app, "deploy", "replicas"));
        Assert.Equal("2", ExampleSetting("APP_REPLICAS"));
        Assert.Null(Node(app, "container_name")); // a fixed name would allow one replica only

        // The keys live on a named volume every replica mounts, so a cookie or form from one replica is read by the other.
        var keys = Scalar(app, "environment", "DataProtection__KeysPath")!;
        var volumes = ((YamlSequenceNode)Node(app, "volumes")!).Select(volume => ((YamlScalarNode)volume).Value!).ToList();
        Assert.Contains(volumes, volume => volume.StartsWith("app-data:", StringComparison.Ordinal) && keys.StartsWith(volume.Split(':')[1] + "/", StringComparison.Ordinal));

        var caddyfile = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "src", "Deployment", "Caddyfile"));
        Assert.Contains("dynamic a", caddyfile, StringComparison.Ordinal);
        Assert.Contains("name app", caddyfile, StringComparison.Ordinal);
        Assert.Contains("lb_try_duration", caddyfile, StringComparison.Ordinal);

        // Answers Kestrel writes before the app runs (400, 414, 431) get the security headers from the proxy; "?" keeps
        // the app's own on every other answer.
        foreach (var header in new[] { "?Strict-Transport-Security", "?X-Content-Type-Options \"nosniff\"", "?X-Frame-Options \"DENY\"", "?Referrer-Policy \"same-origin\"", "?Content-Security-Policy \"default-src 'none'" })
        {
            Assert.Contains(header, caddyfile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secrets_file_is_ignored_by_git_and_an_example_is_committed()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, ".env.example")));
        var gitignore = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".gitignore"));
        Assert.Contains(".env", gitignore);
        Assert.Contains("src/Deployment/mailpit/*.htpasswd", gitignore);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".env.example")), line => line.StartsWith("ADMIN_PASSWORD", StringComparison.Ordinal));
    }

    private static string ExampleSetting(string name) =>
        File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".env.example"))
            .Single(line => line.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    private static async Task<Dictionary<string, YamlNode>> ServicesAsync() => Services(await ConfigAsync());

    private static Dictionary<string, YamlNode> Services(YamlNode config) =>
        ((YamlMappingNode)Node(config, "services")!).Children.ToDictionary(service => ((YamlScalarNode)service.Key).Value!, service => service.Value);

    private static List<string> NetworkNames(YamlNode service) => Node(service, "networks") switch
    {
        YamlMappingNode map => map.Children.Keys.Select(key => ((YamlScalarNode)key).Value!).Order(StringComparer.Ordinal).ToList(),
        YamlSequenceNode list => list.Select(item => ((YamlScalarNode)item).Value!).Order(StringComparer.Ordinal).ToList(),
        _ => [],
    };

    private static async Task<YamlNode> ConfigAsync()
    {
        var (exitCode, output) = await RunAsync("docker-compose", "--env-file .env.example config");
        Assert.True(exitCode == 0, output);
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        return stream.Documents[0].RootNode;
    }

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node switch
            {
                YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode(step), out var child) => child,
                YamlSequenceNode list when int.TryParse(step, out var index) && index < list.Children.Count => list.Children[index],
                _ => null!,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static string? Scalar(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

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
