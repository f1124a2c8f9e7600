using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Shared.Hosting;

/// <summary>Cookies follow the request's scheme (plain HTTP on a workstation keeps working), or are always Secure with
/// Cookies:Secure=Always; a production start without Storage:Root says where the files would go.</summary>
public class SecureCookieTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<List<string>> LoginCookiesAsync(AppFactory app)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.GetAsync(new Uri("/connexion", UriKind.Relative));
        return response.Headers.GetValues("Set-Cookie").ToList();
    }

    [Fact]
    public async Task Over_plain_http_cookies_are_not_secure_unless_the_sign_in_cookie_is_configured_always()
    {
        Assert.All(await LoginCookiesAsync(factory), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("; secure", await SignInCookieAsync(factory), StringComparison.OrdinalIgnoreCase);

        await using var always = factory.SecondInstance(b => b.UseSetting("Cookies:Secure", "Always"));
        await always.InitializeAsync();
        Assert.Contains("; secure", await SignInCookieAsync(always), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SignInCookieAsync(AppFactory app)
    {
        var jar = new System.Net.CookieContainer();
        using var browser = new Browser(app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar)), jar);
        var form = await browser.GetPageAsync("/connexion");
        using var signedIn = await browser.SubmitAsync(form, "main form", new() { ["Input.Email"] = QualiPilote.Web.Features.Demo.DemoData.SavoieAgent.Email, ["Input.Password"] = QualiPilote.Web.Features.Demo.DemoData.Password });
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("QualiPilote.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_production_start_without_storage_root_warns_and_one_with_it_does_not()
    {
        var without = new LogCapture();
        await using (var production = factory.SecondInstance(b => b.UseEnvironment("Production").ConfigureLogging(l => l.AddProvider(without))))
        {
            await production.InitializeAsync();
            production.CreateClient().Dispose();
        }
        Assert.Contains(without.Warnings, w => w.StartsWith("Storage__Root n'est pas défini", StringComparison.Ordinal));

        var with = new LogCapture();
        await using (var production = factory.SecondInstance(b => b.UseEnvironment("Production").UseSetting("Storage:Root", Path.GetTempPath())
            .ConfigureLogging(l => l.AddProvider(with))))
        {
            await production.InitializeAsync();
            production.CreateClient().Dispose();
        }
        Assert.DoesNotContain(with.Warnings, w => w.Contains("Storage__Root", StringComparison.Ordinal));
    }

    private sealed class LogCapture : ILoggerProvider
    {
        private readonly List<string> _warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get
            {
                lock (_warnings)
                {
                    return [.. _warnings];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    lock (capture._warnings)
                    {
                        capture._warnings.Add(formatter(state, exception));
                    }
                }
            }
        }
    }
}
