using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>SQLite: the transaction is BEGIN IMMEDIATE, the database's single writer lock (so one structure's lock is every
/// structure's); rows go through <see cref="SqliteCorrespondenceWriter"/>.</summary>
internal sealed class SqliteRegisterDatabase(AppDbContext db) : IRegisterDatabase
{
    private const int Busy = 5; // SQLITE_BUSY

    public async Task<IDbContextTransaction?> TryBeginLockedAsync(int structureId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var usual = connection.DefaultTimeout;
            connection.DefaultTimeout = Math.Max(1, (int)timeout.TotalSeconds);
            try
            {
                return await db.Database.BeginTransactionAsync(cancellationToken);
            }
            finally
            {
                connection.DefaultTimeout = usual;
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Busy)
        {
            return null;
        }
    }

    public Task<ICorrespondenceWriter> BeginCorrespondenceAsync(int structureId, int batchId, CancellationToken cancellationToken) =>
        Task.FromResult<ICorrespondenceWriter>(new SqliteCorrespondenceWriter((SqliteConnection)db.Database.GetDbConnection(), structureId, batchId));
}
