namespace QualiPilote.Web.Shared.Hosting;

/// <summary>In production, says at start which data would live inside the application folder, where the next deployment
/// replaces or deletes it: the uploaded files without <c>Storage:Root</c>, the SQLite file without its connection string.</summary>
internal sealed class ProductionWarnings(IHostEnvironment environment, IConfiguration configuration, FileStoreOptions files, ILogger<ProductionWarnings> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsProduction())
        {
            return Task.CompletedTask;
        }
        if (string.IsNullOrWhiteSpace(configuration["Storage:Root"]))
        {
            logger.LogWarning("Storage__Root n'est pas défini : les fichiers déposés vont dans {Folder}, à l'intérieur du dossier de l'application, "
                + "perdu au prochain déploiement. Indiquez un dossier durable (par exemple /var/lib/quali-pilote/fichiers) et sauvegardez-le avec la base de données.",
                Path.GetFullPath(Path.Combine(environment.ContentRootPath, files.Root)));
        }
        var provider = configuration["Database:Provider"];
        if ((string.IsNullOrEmpty(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Sqlite")))
        {
            logger.LogWarning("La base SQLite par défaut est dans {Folder}, à l'intérieur du dossier de l'application : en production, "
                + "utilisez PostgreSQL (Database__Provider=Postgres) ou indiquez ConnectionStrings__Sqlite hors de ce dossier.",
                Path.Combine(environment.ContentRootPath, "data"));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
