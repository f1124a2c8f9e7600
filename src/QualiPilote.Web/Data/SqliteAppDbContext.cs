using Microsoft.EntityFrameworkCore;

namespace QualiPilote.Web.Data;

/// <summary>The model on SQLite (the embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
