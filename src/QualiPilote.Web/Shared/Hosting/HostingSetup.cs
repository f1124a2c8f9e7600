namespace QualiPilote.Web.Shared.Hosting;

/// <summary>What running Quali-Pilote on a server needs (README.md, « Production »): the reverse proxy, the shared key ring, health
/// probes, and the warnings about data left inside the application folder.</summary>
public static class HostingSetup
{
    public static void AddHosting(this WebApplicationBuilder builder)
    {
        builder.AddReverseProxy();
        builder.AddKeyRing();
        builder.Services.AddHealthEndpoints();
        builder.Services.AddHostedService<ProductionWarnings>();
    }
}
