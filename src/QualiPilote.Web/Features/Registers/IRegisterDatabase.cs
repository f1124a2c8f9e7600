using Microsoft.EntityFrameworkCore.Storage;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>What writing the registers asks of the database that each one does its own way: the transaction holding a
/// structure's write lock (for <see cref="RegisterLock"/>) and the bulk writer of an import's correspondence rows (for
/// <see cref="CorrespondenceImporter"/>). One implementation per provider, chosen once by <see cref="For"/>, so that
/// the importers and the lock never ask which database they write to.</summary>
public interface IRegisterDatabase
{
    /// <summary>The implementation for the provider of <paramref name="db"/> (registered per request in IndicatorsSetup).</summary>
    static IRegisterDatabase For(AppDbContext db) => db.IsSqlite() ? new SqliteRegisterDatabase(db) : new PostgresRegisterDatabase(db);

    /// <summary>Opens the transaction and takes the structure's write lock in it, waiting at most <paramref name="timeout"/>;
    /// null when another writer held the lock all that time (nothing is then left open).</summary>
    Task<IDbContextTransaction?> TryBeginLockedAsync(int structureId, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>A writer of correspondence rows for batch <paramref name="batchId"/>, in the transaction already open.</summary>
    Task<ICorrespondenceWriter> BeginCorrespondenceAsync(int structureId, int batchId, CancellationToken cancellationToken);
}
