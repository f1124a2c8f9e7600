using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Backups;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Tests.Shared.Backups;

/// <summary><c>backup</c> then the README's restore: a new app on the restored database and files finds every row and
/// every file as they were at the backup, and nothing written after it.</summary>
public class BackupCommandTests(BackupCommandTests.StorageFactory factory) : IClassFixture<BackupCommandTests.StorageFactory>
{
    public sealed class StorageFactory : AppFactory
    {
        public string Storage { get; } = Temp("files");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Root", Storage);
        }
    }

    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), "quali-pilote-tests", $"{name}-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_backup_restored_as_the_readme_says_has_the_same_rows_and_files()
    {
        StoredFile stored;
        await using (var scope = factory.Scope())
        {
            await using var content = new MemoryStream("Rapport d'audit – sauvegarde"u8.ToArray());
            stored = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(content, "rapport.pdf");
        }
        var before = await factory.WithDbAsync(CountRowsAsync);
        var folder = Temp("backup");

        var (code, output) = await RunAsync(folder);

        Assert.True(code == AppCommands.Success, output);
        // Written after the backup: not in it.
        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "apres@interieur.example", Email = "apres@interieur.example", FullName = "Après" })).Succeeded);
        }

        var restored = await RestoreAsync(folder);
        try
        {
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Testing");
                foreach (var (key, value) in restored)
                {
                    b.UseSetting(key, value);
                }
                b.UseSetting("Storage:Root", Path.Combine(folder, BackupCommand.FilesFolder));
            });
            app.CreateClient().Dispose();
            await using var scope = app.Services.CreateAsyncScope();
            var after = await CountRowsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            Assert.Equal(before, after);
            Assert.True(before["AspNetUsers"] > 0 && before["CorrespondenceItems"] > 0 && before["AuditEntries"] > 0);
            await using var file = scope.ServiceProvider.GetRequiredService<IFileStore>().OpenRead(stored.Key);
            Assert.Equal("Rapport d'audit – sauvegarde", await new StreamReader(file).ReadToEndAsync());
            Assert.Equal(
                Directory.EnumerateFiles(factory.Storage, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(factory.Storage, f)).Order(),
                Directory.EnumerateFiles(Path.Combine(folder, BackupCommand.FilesFolder), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(folder, BackupCommand.FilesFolder), f)).Order());
        }
        finally
        {
            await TestDatabase.DropAsync(restored);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused()
    {
        var folder = Temp("backup");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "autre.txt"), "déjà là");
        try
        {
            var (code, output) = await RunAsync(folder);
            Assert.Equal(AppCommands.BadUsage, code);
            Assert.Contains("n'est pas vide", output, StringComparison.Ordinal);
            Assert.Equal(["autre.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(int Code, string Output)> RunAsync(string folder)
    {
        await using var scope = factory.Scope();
        var command = scope.ServiceProvider.GetServices<IAppCommand>().Single(c => c.Name == "backup");
        var output = new StringWriter();
        return (await command.RunAsync(scope.ServiceProvider, [folder], output, CancellationToken.None), output.ToString());
    }

    /// <summary>The README's restore, as an operator types it: the SQLite copy put in place, or pg_restore into an empty database.</summary>
    private static async Task<Dictionary<string, string?>> RestoreAsync(string folder)
    {
        if (TestDatabase.PostgresConnectionString is { } server)
        {
            var name = "qp_restored_" + Guid.NewGuid().ToString("N")[..12];
            var settings = new NpgsqlConnectionStringBuilder(server) { Database = name };
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
            var restore = new ProcessStartInfo("pg_restore") { RedirectStandardError = true, Environment = { ["PGPASSWORD"] = settings.Password } };
            foreach (var argument in new[] { "--no-owner", $"--host={settings.Host}", $"--port={settings.Port}", $"--username={settings.Username}", $"--dbname={name}", Path.Combine(folder, BackupCommand.PostgresFile) })
            {
                restore.ArgumentList.Add(argument);
            }
            using var process = Process.Start(restore)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, errors);
            return new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = settings.ConnectionString };
        }
        var path = Temp("restored") + ".db";
        File.Copy(Path.Combine(folder, BackupCommand.SqliteFile), path);
        await using (var copy = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await copy.OpenAsync();
            await using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync());
        }
        return new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = $"Data Source={path};Pooling=False" };
    }

    /// <summary>Rows of every table of the model.</summary>
    private static async Task<Dictionary<string, int>> CountRowsAsync(AppDbContext db)
    {
        var counts = new Dictionary<string, int>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            // The table names come from the model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
        }
        return counts;
    }
}
