using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Tests.Data;

/// <summary>One model, one migrations set per provider: both sets must describe the current model,
/// or `dotnet ef migrations add` was forgotten for one of them.</summary>
public class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Modèle modifié sans migration SQLite : dotnet ef migrations add <Nom> --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Modèle modifié sans migration PostgreSQL : dotnet ef migrations add <Nom> --context PostgresAppDbContext --output-dir Data/Migrations/Postgres");
    }
}
