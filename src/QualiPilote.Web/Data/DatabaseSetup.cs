using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Data;

public static class DatabaseSetup
{
    /// <summary>SQLite file under data/ by default; PostgreSQL with Database:Provider=Postgres
    /// and ConnectionStrings:Postgres (see docs/adr/0002-database-providers.md).</summary>
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider=Postgres demande ConnectionStrings:Postgres.");
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((services, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(services.GetRequiredService<SessionRevocation>()));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Sqlite") ?? DefaultSqlite(builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((services, o) => o.UseSqlite(connectionString)
                .AddInterceptors(new SqliteWal.ConnectionSettings(), services.GetRequiredService<SessionRevocation>()));
            builder.Services.AddHostedService<SqliteCheckpointer>();
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider « {provider} » inconnu : Sqlite ou Postgres.");
        }
    }

    private static string DefaultSqlite(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "quali-pilote.db")}";
    }

    public static bool IsSqlite(this AppDbContext db) => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
}
