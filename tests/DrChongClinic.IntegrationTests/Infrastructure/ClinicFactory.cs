using DrChongClinic.Application.Booking;
using DrChongClinic.Infrastructure.Caching;
using DrChongClinic.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>
/// The real site over real HTTP, on its own SQLite file in a temp folder that is deleted afterwards.
/// Runs as Production unless a test says otherwise, so tests see what patients see.
/// </summary>
public class ClinicFactory : WebApplicationFactory<Program>
{
    /// <summary>The site's public address in tests (Clinic:PublicBaseUrl): absolute links in pages, feeds and emails start with it.</summary>
    public const string PublicBaseUrl = "https://www.drchong-tests.my";

    /// <summary>The clinic's public email address in tests (Clinic:Email).</summary>
    public const string ClinicEmail = "clinic@drchong-tests.my";

    /// <summary>
    /// Clinic details that are plainly test values yet not placeholders: outside Development the site refuses
    /// to start with appsettings.json's placeholders ("Address to be confirmed", "+60 3-0000 0000").
    /// </summary>
    public static IReadOnlyDictionary<string, string> TestClinicSettings { get; } = new Dictionary<string, string>
    {
        ["Clinic:StreetAddress"] = "1 Test Street (test settings)",
        ["Clinic:Phone"] = "+60 3-1234 5678",
        ["Clinic:Email"] = ClinicEmail,
        ["Clinic:PublicBaseUrl"] = PublicBaseUrl,
        ["Clinic:Reviewers:medical-director:Name"] = "Test Reviewer",
        ["Clinic:Reviewers:medical-director:Credential"] = "MBBS (test settings)",

        // Production seeds no doctor (staff add the real ones); the tests book with two made-up ones.
        ["Database:SeedDoctors:0"] = "Dr Sample Doctor A",
        ["Database:SeedDoctors:1"] = "Dr Sample Doctor B",
    };

    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];

    public ClinicFactory()
    {
        Folder = Directory.CreateTempSubdirectory("drchong-tests-").FullName;
        DatabasePath = Path.Combine(Folder, "clinic.db");
        _settings["Database:ConnectionString"] = $"Data Source={DatabasePath}";
        _settings["DataProtection:KeysPath"] = Path.Combine(Folder, "keys");
        _settings["Email:PickupFolder"] = Path.Combine(Folder, "mail");
        _settings["Email:PollInterval"] = "00:00:00.100";
        foreach (var (key, value) in TestClinicSettings)
        {
            _settings[key] = value;
        }

        // Tests run the outbox and retention passes themselves (BackgroundPasses), so nothing happens behind their back.
        _settings["BackgroundJobs:Enabled"] = "false";

        // Static assets as a published site serves them: no "reload at runtime" mode of a build (no-cache headers,
        // and a catch-all file route that turns a 405 for a wrong method into a 404).
        _settings["ReloadStaticAssetsAtRuntime"] = "false";

        // Many tests share one client address; rate-limit tests set real limits with With(...).
        foreach (var rule in new[] { "Booking", "Slots", "ManageLink", "DiaryFeed", "SignIn", "SignInFailures" })
        {
            _settings[$"RateLimits:{rule}:PermitLimit"] = "100000";
        }

        // Likewise the caps against a mail cannon (security review finding 2): many tests book with one email address and
        // phone number and move bookings often; the cap tests (Hardening/MailCannonTests) set real caps with With(...).
        _settings["Booking:MaxActiveBookingsPerEmail"] = "100000";
        _settings["Booking:MaxActiveBookingsPerPhone"] = "100000";
        _settings["Booking:MaxPatientReschedules"] = "100000";
        _settings["Email:MaxPerRecipientPerDay"] = "100000";

        // Key encryption at rest has its own tests (DataProtectionKeyTests); elsewhere plain keys are allowed.
        _settings["DataProtection:AllowUnencryptedKeys"] = "true";

        // https, as in production: the cookies are Secure with the __Host- prefix outside Development.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public string Environment { get; set; } = "Production";

    /// <summary>Override a configuration value before the first request.</summary>
    public ClinicFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// Starts the site on real Kestrel on a free loopback port, as a container runs it, and returns its address
    /// (<c>http://127.0.0.1:PORT</c>), for what TestServer skips: Kestrel's own limits, or a separate process calling in.
    /// </summary>
    public string StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Replace services (after the site registered its own), e.g. a fake TimeProvider.</summary>
    public ClinicFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public ClinicDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<ClinicDbContext>();

    /// <summary>Runs an action against the database in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<ClinicDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
    }

    /// <summary>
    /// Changes treatments, doctors, hours or closures with ExecuteUpdate or ExecuteDelete, which skip SaveChanges and so
    /// its purge: then forgets the site's copies of the schedule, as code making such a change must (<see cref="ScheduleCache"/>).
    /// </summary>
    public async Task ChangeScheduleDirectlyAsync(Func<ClinicDbContext, Task<int>> change)
    {
        await WithDbAsync(change);
        Services.GetRequiredService<ScheduleCache>().Forget();
        await Services.GetRequiredService<IPublicPageCache>().PurgeScheduleAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, TestClientAddress>();
            services.AddTransient<IStartupFilter, ThrowingEndpointStartupFilter>();
        });
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
        }
    }
}
