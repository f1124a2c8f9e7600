using System.Net;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Shared.Hosting;

/// <summary>What an operator sees starting the app: it runs from any folder (its shipped files are found beside it), and a
/// wrong setting ends it with one French line naming the setting, exit code 1, no stack trace.</summary>
public class OperatorStartTests
{
    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "quali-pilote-tests", "operateur-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public async Task Started_from_another_folder_the_app_finds_its_files_and_serves_pages()
    {
        var folder = Folder();
        await using var app = AppProcess.Start(folder, new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "qp.db")}",
        }, "--urls", "http://127.0.0.1:0");

        var address = await app.AddressAsync();
        using var client = new HttpClient { BaseAddress = address };

        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz/ready", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/connexion", UriKind.Relative))).StatusCode);
        Assert.Contains("Référentiel chargé depuis quali-ate-2024.yaml", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")), "rien n'est écrit dans le dossier courant");
    }

    /// <summary>The first start on PostgreSQL, whether the app creates the database or the operator created it empty beforehand
    /// (README, Production): no error in the log, where EF Core used to log one while the database was being created.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_first_start_on_a_new_postgres_database_logs_no_error(bool createdBeforehand)
    {
        Assert.SkipWhen(TestDatabase.PostgresConnectionString is null, "PostgreSQL absent (QUALIPILOTE_TEST_POSTGRES)");
        var server = TestDatabase.PostgresConnectionString!;
        var database = "qp_test_premier_" + Guid.NewGuid().ToString("N")[..10];
        if (createdBeforehand)
        {
            await using var connection = new Npgsql.NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            await using var app = AppProcess.Start(Folder(), new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
            }, "--urls", "http://127.0.0.1:0");

            using var client = new HttpClient { BaseAddress = await app.AddressAsync() };
            Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz/ready", UriKind.Relative)));
            Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
            Assert.Equal(!createdBeforehand, app.Output.Contains("Base de données absente", StringComparison.Ordinal));
        }
        finally
        {
            await PostgresDatabases.DropAsync(server, database);
        }
    }

    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "Database__Provider", "MySql", "Database__Provider" },
        { "Database__Provider", "Postgres", "ConnectionStrings__Postgres" },
        { "ReverseProxy__KnownProxies", "10.0.0.5,pas-une-adresse", "ReverseProxy__KnownProxies" },
        { "ReverseProxy__KnownNetworks", "10.0.0.0/99", "ReverseProxy__KnownNetworks" },
        { "Cookies__Secure", "Parfois", "Cookies__Secure" },
        { "Bootstrap__AdminEmail", "admin@prefecture.gouv.fr", "Bootstrap__AdminPassword" },
        { "DataProtection__Certificate", "/nulle-part/cles.pfx", "DataProtection__Certificate" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_wrong_setting_ends_the_start_with_one_line_naming_it(string setting, string value, string named)
    {
        var folder = Folder();
        await using var app = AppProcess.Start(folder, new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "qp.db")}",
            [setting] = value,
        }, "--urls", "http://127.0.0.1:0");

        AssertOneLineNaming(named, await app.ExitCodeAsync(), app.Errors);
    }

    [Fact]
    public async Task An_unreachable_database_or_a_weak_first_password_ends_the_start_with_one_line()
    {
        var folder = Folder();
        await using (var unreachable = AppProcess.Start(folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Username=app;Password=app;Database=qp;Timeout=3",
        }, "--urls", "http://127.0.0.1:0"))
        {
            AssertOneLineNaming("ConnectionStrings__Postgres", await unreachable.ExitCodeAsync(), unreachable.Errors);
            Assert.Contains("injoignable", unreachable.Errors, StringComparison.Ordinal);
        }
        await using var weak = AppProcess.Start(folder, new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "qp.db")}",
            ["Bootstrap__AdminEmail"] = "admin@prefecture.gouv.fr",
            ["Bootstrap__AdminPassword"] = "court",
        }, "--urls", "http://127.0.0.1:0");
        AssertOneLineNaming("Bootstrap__AdminPassword", await weak.ExitCodeAsync(), weak.Errors);
    }

    private static void AssertOneLineNaming(string setting, int exitCode, string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode == 1 && lines.Length == 1 && lines[0].Contains(setting, StringComparison.Ordinal),
            $"code {exitCode}, attendu 1 et une ligne nommant {setting} :{Environment.NewLine}{errors}");
        Assert.StartsWith("Configuration : ", lines[0], StringComparison.Ordinal);
    }
}
