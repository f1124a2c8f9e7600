using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Data;

/// <summary>Brings the database up to date before the server takes its first request: migrations,
/// the shipped referentials on first start, and the demo data in the demo environment.
/// Then prints where the app listens and, in the demo, the accounts to log in with.</summary>
internal sealed class StartupInitializer(IServiceProvider services, IServer server, IHostEnvironment environment, ILogger<StartupInitializer> logger)
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
        if (DemoData.IsEnabled(environment, scope.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().WarnWhenNoneAsync();
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            logger.LogInformation("Quali-Pilote est démarré : ouvrez {Address}", address);
        }
        if (DemoData.IsEnabled(environment, services.GetRequiredService<IConfiguration>()))
        {
            logger.LogInformation("Comptes de démonstration (mot de passe « {Password} ») :{Accounts}",
                DemoData.Password,
                string.Concat(DemoData.Accounts.Select(a => $"{Environment.NewLine}  {a.Email,-36} {a.Description}")));
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
