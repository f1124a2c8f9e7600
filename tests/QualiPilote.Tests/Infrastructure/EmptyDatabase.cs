using Npgsql;

namespace QualiPilote.Tests.Infrastructure;

/// <summary>A database that no app has started on yet (no schema, no referential, no account), on the tests' provider:
/// for what a first start does. Dropped with <see cref="TestDatabase.DropAsync"/>.</summary>
public static class EmptyDatabase
{
    public static async Task<Dictionary<string, string?>> CreateAsync()
    {
        if (TestDatabase.PostgresConnectionString is { } server)
        {
            var name = "qp_empty_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }
            return new()
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
            };
        }
        var folder = Path.Combine(Path.GetTempPath(), "quali-pilote-tests");
        Directory.CreateDirectory(folder);
        return new()
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, $"empty-{Guid.NewGuid():N}.db")};Pooling=False",
        };
    }
}
