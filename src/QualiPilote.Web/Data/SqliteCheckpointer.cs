using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QualiPilote.Web.Data;

/// <summary>Copies the write-ahead log back into the SQLite database every few seconds, in the background. PASSIVE: it never
/// waits for nor blocks readers and writers; what it cannot copy yet is copied on a later run.</summary>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await CheckpointAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                logger.LogWarning(e, "Checkpoint SQLite impossible, nouvel essai dans {Interval}.", Interval);
            }
        }
    }

    public static async Task CheckpointAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken);
}
