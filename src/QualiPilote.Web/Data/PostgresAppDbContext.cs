using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Registers;

namespace QualiPilote.Web.Data;

/// <summary>The model on PostgreSQL (production); its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // A register reference is an identifier: compared byte by byte, as on SQLite, not through the database's
        // linguistic collation. Its unique key is checked for every imported row: byte order makes a large import
        // quicker (bench/README.md, « COLLATE "C" »), and references sort the same way on both databases.
        builder.Entity<CorrespondenceItem>().Property(i => i.Reference).UseCollation("C");
    }
}
