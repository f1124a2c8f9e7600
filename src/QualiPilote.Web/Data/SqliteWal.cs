using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QualiPilote.Web.Data;

/// <summary>SQLite runs in write-ahead-log mode, set by EF Core when it creates the file and kept by the file
/// (docs/adr/0002-database-providers.md): pages keep reading while an import writes, and a commit appends to the log
/// instead of rewriting the file. Checkpoints – copying the log back into the database – are left to
/// <see cref="SqliteCheckpointer"/>, so that no request waits for one (after a million-row import, the automatic
/// checkpoint made the commit half a second longer).</summary>
public static class SqliteWal
{
    /// <summary>Per connection: NORMAL synchronisation is durable across an application crash in WAL mode (a power cut can lose
    /// the last commits, never corrupt the file); no automatic checkpoint; the log file is trimmed back after a checkpoint.</summary>
    public sealed class ConnectionSettings : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=33554432;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
