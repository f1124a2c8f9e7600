using Microsoft.EntityFrameworkCore.Storage;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>One writer at a time for a structure's registers and tallies (docs/adr/0036). Every write — an import, an item
/// edit, a deadline change, an undo, a tally repair — runs in the transaction <see cref="BeginAsync"/> opens, which first
/// takes the structure's lock and only then reads what it will compute from; the lock goes with the transaction. Without
/// it, two imports read the same tallies, both add their rows, and the second save overwrites or conflicts with the first.
/// PostgreSQL: a transaction-level advisory lock per structure, so several instances on one database take turns, and other
/// structures write in parallel. SQLite: the transaction is BEGIN IMMEDIATE, the database's single writer lock. Each
/// database's way is in its <see cref="IRegisterDatabase"/>.
/// A writer that waits longer than <see cref="Timeout"/> gets <see cref="BusyException"/> (503, French).</summary>
public sealed class RegisterLock(AppDbContext db, IRegisterDatabase database, IConfiguration configuration)
{
    private readonly HashSet<int> _held = [];

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; } = TimeSpan.FromSeconds(configuration.GetValue("Registers:LockTimeoutSeconds", 30.0));

    /// <summary>True when this request's current transaction holds the structure's lock: the tally writes check it.</summary>
    public bool Holds(int structureId) => db.Database.CurrentTransaction is not null && _held.Contains(structureId);

    public async Task<IDbContextTransaction> BeginAsync(int structureId, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("RegisterLock.BeginAsync ouvre la transaction : elle ne doit pas être déjà ouverte.");
        }
        _held.Clear();
        var transaction = await database.TryBeginLockedAsync(structureId, Timeout, cancellationToken)
            ?? throw new BusyException(
                "Les registres de cette structure sont en cours d'écriture par une autre opération (un import, une correction ou un changement de délai). "
                + "Rien n'a été enregistré : réessayez dans quelques instants.", RetryAfter);
        _held.Add(structureId);
        return transaction;
    }
}
