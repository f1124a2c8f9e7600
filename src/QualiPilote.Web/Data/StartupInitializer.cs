using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Data;

/// <summary>Brings the database up to date before the server takes its first request: migrations,
/// the shipped referentials on first start and the first administrator. Then prints where the app listens.
/// The demo adds its own start task (Features/Demo/DemoStartup.cs).</summary>
internal sealed class StartupInitializer(IServiceProvider services, IServer server, ILogger<StartupInitializer> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.EnsureReachableAsync(db, logger, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ReferentialSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync();
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        // After every start task, the demo's included (Features/Demo/DemoStartup.cs): it creates an administrator.
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().WarnWhenNoneAsync();
        }
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            logger.LogInformation("Quali-Pilote est démarré : ouvrez {Address}", address);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
