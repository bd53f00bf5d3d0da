using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DrChongClinic.EndToEndTests.Infrastructure;

/// <summary>
/// The real site on Kestrel (a free loopback port, its own SQLite file) and Debian's headless Chromium
/// driven by Playwright. Never downloads a browser: it launches /usr/bin/chromium.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPage, List<string>> _consoleErrors = new();
    private IPlaywright? _playwright;

    public ClinicFactory Site { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Kestrel here is plain http on loopback, so no Secure/__Host- cookies (production is https).
        Site.With("Security:SecureCookies", "false");
        Site.With("BackgroundJobs:Enabled", "true"); // as on the live site: the outbox sends on its own (integration tests run the passes themselves)
        // The optional clinic details (test values), so the checks and screenshots cover the WhatsApp links, the map
        // links and the travel notes.
        Site.With("Clinic:WhatsApp", "+60 12-345 6789");
        Site.With("Clinic:Latitude", "3.1");
        Site.With("Clinic:Longitude", "101.6");
        Site.With("Clinic:Parking", "Basement car park (test settings)");
        Site.With("Clinic:ParkingMs", "Tempat letak kereta bawah tanah (tetapan ujian)");
        Site.With("Clinic:Transit", "Five minutes' walk from the LRT station (test settings)");
        Site.With("Clinic:TransitMs", "Lima minit berjalan kaki dari stesen LRT (tetapan ujian)");
        Configure(Site);
        Site.UseKestrel(0);
        Site.StartServer();
        var addresses = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        Assert.True(File.Exists(ChromiumPath), $"Chromium not found at {ChromiumPath}: run `bash .ci/run` once, or `apt-get install chromium`.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Hook for fixtures that need settings (SMTP port and the like) before the site starts.</summary>
    protected virtual void Configure(ClinicFactory site)
    {
    }

    /// <summary>A fresh browser context (own cookies) at phone or desktop size.</summary>
    public async Task<IPage> NewPageAsync(Viewport viewport = Viewport.Desktop, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = viewport == Viewport.Phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = viewport == Viewport.Phone,
            HasTouch = viewport == Viewport.Phone,
            JavaScriptEnabled = javaScript,
            Locale = "en-MY",
            TimezoneId = "Asia/Kuala_Lumpur",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        _consoleErrors[page] = errors;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return page;
    }

    /// <summary>Fails if the browser reported errors on this page: script errors, CSP violations, failed loads.</summary>
    public void AssertNoConsoleErrors(IPage page, params string[] allowed)
    {
        var errors = _consoleErrors[page];
        lock (errors)
        {
            var unexpected = errors.Where(e => !allowed.Any(a => e.Contains(a, StringComparison.Ordinal))).ToList();
            Assert.True(unexpected.Count == 0, $"Browser errors on {page.Url}:\n" + string.Join("\n", unexpected));
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

public enum Viewport
{
    Phone,
    Desktop,
}
