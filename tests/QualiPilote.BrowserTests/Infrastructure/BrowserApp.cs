using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.BrowserTests.Infrastructure;

/// <summary>The app on a real loopback port with the demo data, and Debian's Chromium driven by Playwright.
/// Without /usr/bin/chromium the tests are skipped, unless QUALIPILOTE_REQUIRE_BROWSER=1 (CI) makes that a failure.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private Dictionary<string, string?> _settings = [];
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public bool Available { get; private set; }

    public static string RepoRoot { get; } = FindRepoRoot();
    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            if (Environment.GetEnvironmentVariable("QUALIPILOTE_REQUIRE_BROWSER") == "1")
            {
                throw new InvalidOperationException($"{Chromium} est absent : apt-get install chromium");
            }
            return;
        }
        _settings = await TestDatabase.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            foreach (var (key, value) in _settings)
            {
                b.UseSetting(key, value);
            }
            b.UseSetting("RateLimits:SignInPerMinute", "100000"); // tests sign in far more often than people do
            b.ConfigureServices(services => services.AddSingleton(TestClock.Running()));
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        Available = true;
    }

    /// <summary>A fresh browser context (its own cookies); the page CSP is bypassed so that axe-core can be injected.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        if (!Available)
        {
            Assert.Skip($"{Chromium} absent : apt-get install chromium pour lancer les tests navigateur.");
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            // The app's content security policy applies, as in a user's browser: a blocked script fails the test (PageChecks).
            BypassCSP = false,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        PageChecks.WatchPolicyViolations(page);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_settings);
        }
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QualiPilote.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Racine du dépôt introuvable.");
    }
}
