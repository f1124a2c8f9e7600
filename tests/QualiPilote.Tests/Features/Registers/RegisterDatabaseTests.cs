using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Registers;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>The register writes that each database does its own way sit behind <see cref="IRegisterDatabase"/>: chosen once
/// from the provider, and the only place under Features/ that names one.</summary>
public partial class RegisterDatabaseTests
{
    [Fact]
    public async Task Each_provider_gets_its_own_register_database()
    {
        await using var sqlite = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        await using var postgres = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        Assert.IsType<SqliteRegisterDatabase>(IRegisterDatabase.For(sqlite));
        Assert.IsType<PostgresRegisterDatabase>(IRegisterDatabase.For(postgres));
    }

    [Fact]
    public void Only_the_register_database_files_name_a_database_provider()
    {
        var offenders = SourceTree.AppFiles()
            .Where(f => f.Path.StartsWith("Features/", StringComparison.Ordinal) && !ProviderFile().IsMatch(f.Path))
            .Where(f => ProviderApi().IsMatch(f.Text))
            .Select(f => f.Path).ToList();
        Assert.True(offenders.Count == 0,
            "Le code propre à SQLite ou à PostgreSQL va dans IRegisterDatabase et ses implémentations (Features/Registers/Sqlite*, Postgres*) : "
            + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"^Features/Registers/(IRegisterDatabase|Sqlite\w+|Postgres\w+)\.cs$")]
    private static partial Regex ProviderFile();

    [GeneratedRegex(@"\bNpgsql\b|Microsoft\.Data\.Sqlite|SQLitePCL|\bIsSqlite\(|\.ProviderName\b|\bSqliteConnection\b|\bNpgsqlConnection\b")]
    private static partial Regex ProviderApi();
}
