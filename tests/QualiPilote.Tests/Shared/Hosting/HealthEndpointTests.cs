using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Shared.Hosting;

/// <summary>Probes a supervisor calls without an account: liveness answers while the process runs, readiness only while
/// the database answers too.</summary>
public class HealthEndpointTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    public async Task An_anonymous_probe_hears_ok(string url)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_503_while_the_database_cannot_be_reached_liveness_still_ok()
    {
        await using var own = new AppFactory();
        await own.InitializeAsync();
        using var client = own.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);

        await using (await DatabaseOutageAsync(own.Settings))
        {
            using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("indisponible", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
    }

    /// <summary>The database out of reach until disposed: the SQLite file moved away, or new PostgreSQL connections refused.</summary>
    private static async Task<IAsyncDisposable> DatabaseOutageAsync(IReadOnlyDictionary<string, string?> settings)
    {
        if (settings["Database:Provider"] == "Postgres")
        {
            var database = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:Postgres"]).Database!;
            await ExecuteAsync($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
            NpgsqlConnection.ClearAllPools();
            return new Restore(() => ExecuteAsync($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true"));
        }
        var path = new SqliteConnectionStringBuilder(settings["ConnectionStrings:Sqlite"]).DataSource;
        SqliteConnection.ClearAllPools();
        File.Move(path, path + ".absent");
        return new Restore(() =>
        {
            File.Move(path + ".absent", path);
            return Task.CompletedTask;
        });
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}
