using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace QualiPilote.Web.Shared.Hosting;

/// <summary>The app behind nginx or another reverse proxy (README.md, « Production »): the client's address and scheme are taken from
/// X-Forwarded-For / X-Forwarded-Proto only when the request comes from a known proxy (loopback, plus
/// <c>ReverseProxy:KnownProxies</c> and <c>ReverseProxy:KnownNetworks</c>); anyone else could claim any address or « https ».
/// In production, HTTP is redirected to HTTPS and HSTS is sent; cookies are Secure whenever the request is HTTPS, and the
/// sign-in cookie is Secure even over what looks like HTTP with <c>Cookies:Secure=Always</c> (a proxy that sends no X-Forwarded-Proto).</summary>
public static class ReverseProxy
{
    public static void AddReverseProxy(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var proxies = List(configuration, "ReverseProxy:KnownProxies").Select(Address).ToList();
        var networks = List(configuration, "ReverseProxy:KnownNetworks").Select(Network).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (127.0.0.0/8 and ::1) stay: nginx on the same machine is the usual set-up.
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });

        var secure = configuration["Cookies:Secure"] switch
        {
            null or "" or "SameAsRequest" => CookieSecurePolicy.SameAsRequest,
            "Always" => CookieSecurePolicy.Always,
            var other => throw new SettingException("Cookies:Secure", $"« {other} » n'est pas reconnu : SameAsRequest (par défaut) ou Always."),
        };
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        builder.Services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);
        // Antiforgery refuses to serve a form over plain HTTP when told Always: it follows the request, whatever the setting.
        builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        if (HttpsPortOf(configuration["PublicUrl"]) is { } port)
        {
            builder.Services.AddHttpsRedirection(o => o.HttpsPort = port);
        }
    }

    /// <summary>First in the pipeline, so that everything after it (redirections, cookies, rate limits, logs) sees the client.</summary>
    public static void UseReverseProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            // Probes call the health endpoints over plain HTTP on the machine itself; a redirection would read as a failure.
            app.UseWhen(context => !HealthEndpoints.IsHealth(context), https => https.UseHttpsRedirection());
        }
    }

    private static int? HttpsPortOf(string? publicUrl) =>
        Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Port : null;

    /// <summary>A list setting, written as an array (<c>ReverseProxy__KnownProxies__0=10.0.0.5</c>) or as one value with commas.</summary>
    private static IEnumerable<(string Setting, string Value)> List(ConfigurationManager configuration, string key)
    {
        var section = configuration.GetSection(key);
        var children = section.GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToList();
        return children.Count > 0
            ? children.Select(c => (c.Path, c.Value!.Trim()))
            : (section.Value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(v => (key, v));
    }

    private static IPAddress Address((string Setting, string Value) item) =>
        IPAddress.TryParse(item.Value, out var address)
            ? address
            : throw new SettingException(item.Setting, $"« {item.Value} » n'est pas une adresse IP (par exemple 10.0.0.5 ; plusieurs séparées par des virgules).");

    private static System.Net.IPNetwork Network((string Setting, string Value) item) =>
        System.Net.IPNetwork.TryParse(item.Value, out var network)
            ? network
            : throw new SettingException(item.Setting, $"« {item.Value} » n'est pas un réseau (par exemple 10.0.0.0/24 ; plusieurs séparés par des virgules).");
}
