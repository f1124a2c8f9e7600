using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared.Hosting;

namespace QualiPilote.Web.Data;

public static class DatabaseSetup
{
    /// <summary>SQLite file under data/ by default; PostgreSQL with Database:Provider=Postgres
    /// and ConnectionStrings:Postgres (see docs/adr/0002-database-providers.md). The audit interceptor comes before the
    /// other save interceptors, so that their work runs inside its transaction.</summary>
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICurrentUser, HttpCurrentUser>();
        builder.Services.AddSingleton<AuditInterceptor>();
        var provider = configuration["Database:Provider"] is { Length: > 0 } configured ? configured : "Sqlite";
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres ? postgres
                : throw new SettingException("ConnectionStrings:Postgres", "manquant : avec Database__Provider=Postgres, indiquez la chaîne de connexion Npgsql (Host=…;Database=…;Username=…;Password=…).");
            Check("ConnectionStrings:Postgres", () => _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString));
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((services, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<SessionRevocation>()));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Sqlite") ?? DefaultSqlite(builder.Environment.ContentRootPath);
            Check("ConnectionStrings:Sqlite", () => _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString));
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((services, o) => o.UseSqlite(connectionString)
                .AddInterceptors(new SqliteWal.ConnectionSettings(), services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<SessionRevocation>()));
            builder.Services.AddHostedService<SqliteCheckpointer>();
        }
        else
        {
            throw new SettingException("Database:Provider", $"« {provider} » n'est pas reconnu : Sqlite (par défaut) ou Postgres.");
        }
    }

    private static void Check(string setting, Action parse)
    {
        try
        {
            parse();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new SettingException(setting, $"chaîne de connexion illisible ({OneLine(e.Message)}).", e);
        }
    }

    private static string DefaultSqlite(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "quali-pilote.db")}";
    }

    /// <summary>Reaches the database before anything else, and creates it when it does not exist yet. EF Core's migrator would
    /// create it too, but it first tries to open it and logs that expected failure as an error (« An error occurred using the
    /// connection to database ») on every first start. An unreachable server, a refused password, a database that cannot be
    /// created become one readable <see cref="SettingException"/>.</summary>
    public static async Task EnsureReachableAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        var setting = db.IsSqlite() ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres";
        var creator = db.GetService<IRelationalDatabaseCreator>();
        bool exists;
        try
        {
            exists = await creator.ExistsAsync(cancellationToken);
        }
        catch (Exception e) when (Cause(e) is { } cause)
        {
            throw new SettingException(setting, $"base de données injoignable ({OneLine(cause.Message)}) : vérifiez le serveur, le port, l'utilisateur et le mot de passe.", e);
        }
        if (!exists)
        {
            var connection = db.Database.GetDbConnection();
            logger.LogInformation("Base de données absente : Quali-Pilote la crée ({Database}).", db.IsSqlite() ? connection.DataSource : connection.Database);
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Exception e) when (Cause(e) is { } cause)
            {
                throw new SettingException(setting, $"la base de données n'existe pas et n'a pas pu être créée ({OneLine(cause.Message)}) : créez-la, ou donnez à l'utilisateur le droit de la créer.", e);
            }
        }
        // In an empty database (new, or created beforehand by the operator) the migrator reads its history table before
        // creating it, and logs that failed read as an error: the table is created first, as the migrator would.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>The failure to report, inside the « transient failure » wrapper of Npgsql's execution strategy; null for a bug.</summary>
    internal static Exception? Cause(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or ArgumentException or System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
            {
                return e;
            }
        }
        return null;
    }

    internal static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static bool IsSqlite(this AppDbContext db) => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
}
