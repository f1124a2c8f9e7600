using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>PostgreSQL: a transaction-level advisory lock per structure, so that several instances on one database take turns
/// and other structures write in parallel; rows go through <see cref="PostgresCorrespondenceWriter"/>.</summary>
internal sealed class PostgresRegisterDatabase(AppDbContext db) : IRegisterDatabase
{
    // The first key of PostgreSQL's two-key advisory locks, so that these never collide with another use of advisory locks.
    private const int LockSpace = 0x5150_5201;

    public async Task<IDbContextTransaction?> TryBeginLockedAsync(int structureId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var milliseconds = Math.Max(1, (long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('lock_timeout', {0}, true)", [milliseconds], cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [LockSpace, structureId], cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = DEFAULT", cancellationToken);
            return transaction;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.DisposeAsync();
            return null;
        }
    }

    public Task<ICorrespondenceWriter> BeginCorrespondenceAsync(int structureId, int batchId, CancellationToken cancellationToken) =>
        PostgresCorrespondenceWriter.BeginAsync(db, structureId, batchId, cancellationToken);
}
