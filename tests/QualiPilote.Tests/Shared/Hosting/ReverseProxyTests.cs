using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Shared.Hosting;

/// <summary>The app in production behind nginx: the scheme the proxy saw is believed only from a known proxy
/// (loopback by default, plus ReverseProxy:KnownProxies), and then the app neither redirects to http:// nor sends a cookie
/// without Secure; a request from anyone else claiming « https » is redirected to HTTPS as plain HTTP is.</summary>
public class ReverseProxyTests(ReverseProxyTests.ProductionFactory factory) : IClassFixture<ReverseProxyTests.ProductionFactory>
{
    private const string KnownProxy = "10.20.30.40";
    private const string Unknown = "203.0.113.9";

    /// <summary>The app in the Production environment, with one proxy declared; a test header stands for the address the
    /// connection comes from, which the in-memory test server does not have.</summary>
    public sealed class ProductionFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("ReverseProxy:KnownProxies", KnownProxy);
            builder.UseSetting("PublicUrl", "https://qualite.example.fr");
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress()));
        }
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private HttpClient Client(string peer, string? forwardedProto)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://qualite.example.fr") });
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        }
        return client;
    }

    [Fact]
    public async Task Behind_a_known_proxy_that_says_https_pages_are_served_with_secure_cookies_and_https_redirections()
    {
        using var client = Client(KnownProxy, "https");

        using var login = await client.GetAsync(new Uri("/connexion", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("QualiPilote.Antiforgery=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));

        // The sign-in redirection is written with the scheme the visitor used, not the proxy's http.
        using var challenge = await client.GetAsync(new Uri("/structures", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("https://qualite.example.fr/connexion", challenge.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KnownProxy, null)]
    [InlineData(Unknown, "https")]
    public async Task Plain_http_and_a_forwarded_scheme_from_an_unknown_address_are_redirected_to_https(string peer, string? forwardedProto)
    {
        using var client = Client(peer, forwardedProto);

        using var response = await client.GetAsync(new Uri("/connexion", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://qualite.example.fr/connexion", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Health_probes_answer_over_plain_http_without_a_redirection()
    {
        using var client = Client("127.0.0.1", null);

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }
}
