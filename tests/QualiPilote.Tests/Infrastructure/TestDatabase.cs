using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace QualiPilote.Tests.Infrastructure;

/// <summary>Gives each test host its own database, copied from a template that was migrated and seeded
/// (referentials and demo data) once per test run. SQLite always; PostgreSQL when
/// QUALIPILOTE_TEST_POSTGRES holds a connection string (CI sets it, see .ci/run).</summary>
public static class TestDatabase
{
    public const string PostgresVariable = "QUALIPILOTE_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string Provider => PostgresConnectionString is null ? "Sqlite" : "Postgres";

    /// <summary>Returns the configuration values that point a host at a fresh copy of the template.</summary>
    public static async Task<Dictionary<string, string?>> CreateAsync()
    {
        var template = await TemplateAsync();
        if (PostgresConnectionString is { } server)
        {
            var name = "qp_test_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
            return Settings("Postgres", new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString);
        }
        var path = Path.Combine(Path.GetTempPath(), "quali-pilote-tests", $"{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return Settings("Sqlite", $"Data Source={path};Pooling=False");
    }

    public static async Task DropAsync(IReadOnlyDictionary<string, string?> settings)
    {
        if (settings["Database:Provider"] == "Postgres")
        {
            var database = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:Postgres"]).Database;
            await PostgresDatabases.DropAsync(PostgresConnectionString!, database!);
        }
        else
        {
            var path = new SqliteConnectionStringBuilder(settings["ConnectionStrings:Sqlite"]).DataSource;
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static Dictionary<string, string?> Settings(string provider, string connectionString) => new()
    {
        ["Database:Provider"] = provider,
        [$"ConnectionStrings:{provider}"] = connectionString,
        ["Demo:Enabled"] = "true",
    };

    /// <summary>The template is built by starting the app once on an empty database: the same migrations
    /// and seeding as production, on the tests' clock.</summary>
    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            Dictionary<string, string?> settings;
            string template;
            if (PostgresConnectionString is { } server)
            {
                template = $"qp_template_{Environment.ProcessId}";
                await PostgresDatabases.DropAsync(server, template);
                await ExecuteAsync(server, $"CREATE DATABASE {template}");
                settings = Settings("Postgres", new NpgsqlConnectionStringBuilder(server) { Database = template }.ConnectionString);
            }
            else
            {
                Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "quali-pilote-tests"));
                template = Path.Combine(Path.GetTempPath(), "quali-pilote-tests", $"template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
                settings = Settings("Sqlite", $"Data Source={template};Pooling=False");
            }
            await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Testing");
                foreach (var (key, value) in settings)
                {
                    b.UseSetting(key, value);
                }
                b.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestClock.Start)));
            }))
            {
                factory.CreateClient().Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            SqliteConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(settings);
            _template = template;
            return template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>Every run used to leave its template behind (a PostgreSQL database, or a file under the temporary folder).
    /// A failure here cannot fail a test any more; it is reported and the run goes on exiting.</summary>
    private static void DropTemplate(Dictionary<string, string?> settings)
    {
        try
        {
            DropAsync(settings).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            Console.Error.WriteLine($"Base modèle des tests non supprimée : {e.Message}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
