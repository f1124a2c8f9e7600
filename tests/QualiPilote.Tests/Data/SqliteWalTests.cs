using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Tests.Data;

/// <summary>A database created by the migrations runs in WAL mode; its connections make no automatic checkpoint; the
/// background checkpointer copies the log back.</summary>
public class SqliteWalTests
{
    [Fact]
    public async Task Connections_leave_checkpoints_to_the_checkpointer_which_copies_the_whole_log_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wal-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False").AddInterceptors(new SqliteWal.ConnectionSettings()).Options;
        try
        {
            await using var db = new SqliteAppDbContext(options);
            await db.Database.MigrateAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
            Assert.Equal(0L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint"));
            Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous"));

            var migrated = new FileInfo(path).Length;
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE t (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT randomblob(500) FROM n");
            Assert.True(new FileInfo(path + "-wal").Length > 2_500_000, "les écritures vont dans le journal");
            Assert.Equal(migrated, new FileInfo(path).Length); // no automatic checkpoint

            await SqliteCheckpointer.CheckpointAsync(db, default);
            Assert.True(new FileInfo(path).Length > migrated + 2_500_000, "le checkpoint a recopié le journal dans la base");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<object?> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
