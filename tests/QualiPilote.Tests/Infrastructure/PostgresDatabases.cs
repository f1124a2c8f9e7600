using Npgsql;

namespace QualiPilote.Tests.Infrastructure;

/// <summary>Drops the throw-away PostgreSQL databases of the tests and of the benchmark (bench/ compiles this file too).</summary>
public static class PostgresDatabases
{
    /// <summary>Our pooled connections to the database are closed first. DROP DATABASE … WITH (FORCE) ends the sessions of
    /// our own role, but not an autovacuum worker busy in the database after a large import (42501, "must be a member of
    /// the role whose process is being terminated"); such a worker finishes within seconds, so the drop is retried.</summary>
    public static async Task DropAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
