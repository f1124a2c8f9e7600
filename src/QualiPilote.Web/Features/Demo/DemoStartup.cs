namespace QualiPilote.Web.Features.Demo;

/// <summary>Loads the demo department once the database is migrated (it starts after Data/StartupInitializer), then prints
/// the demo accounts under the address the app listens on.</summary>
internal sealed class DemoStartup(IServiceProvider services, ILogger<DemoStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Comptes de démonstration (mot de passe « {Password} ») :{Accounts}",
            DemoData.Password,
            string.Concat(DemoData.Accounts.Select(a => $"{Environment.NewLine}  {a.Email,-36} {a.Description}")));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
