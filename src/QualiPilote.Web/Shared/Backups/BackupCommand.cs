using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Web.Shared.Backups;

/// <summary><c>backup &lt;dossier&gt;</c>: the database and the stored files, while the app keeps running (README, « Sauvegardes »).
/// The database is copied first, then the files: every file the copied database names was already stored when it was copied
/// (a file is written before the row that names it), and a file stored in between is only one more, unnamed, file.</summary>
public sealed class BackupCommand : IAppCommand
{
    public const string SqliteFile = "quali-pilote.db";
    public const string PostgresFile = "quali-pilote.dump";
    public const string FilesFolder = "fichiers";

    public string Name => "backup";

    public string Usage => "backup <dossier>   sauvegarde la base (SQLite : VACUUM INTO ; PostgreSQL : pg_dump -Fc) et les fichiers stockés dans un dossier neuf";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            await output.WriteLineAsync("Usage : " + Usage);
            return AppCommands.BadUsage;
        }
        var target = Path.GetFullPath(arguments[0]);
        var storage = Path.GetFullPath(Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, services.GetRequiredService<FileStoreOptions>().Root));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            await output.WriteLineAsync($"Le dossier {target} n'est pas vide : donnez un dossier neuf, par exemple {Path.Combine(target, DateTime.Now.ToString("yyyy-MM-dd-HHmm", System.Globalization.CultureInfo.InvariantCulture))}.");
            return AppCommands.BadUsage;
        }
        if (IsInside(target, storage))
        {
            await output.WriteLineAsync($"Le dossier {target} est dans le dossier des fichiers stockés ({storage}) : choisissez-en un autre.");
            return AppCommands.BadUsage;
        }
        var db = services.GetRequiredService<AppDbContext>();
        if (!await AppCommands.SchemaIsCurrentAsync(db, output, cancellationToken))
        {
            return AppCommands.Failure;
        }
        // Password hashes and personal data: readable by the app's user only.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(target);
        }
        else
        {
            Directory.CreateDirectory(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var databaseSaved = db.IsSqlite()
            ? await SqliteAsync(db, Path.Combine(target, SqliteFile), output, cancellationToken)
            : await PostgresAsync(db, services.GetRequiredService<IConfiguration>()["Backup:PgDump"] ?? "pg_dump", Path.Combine(target, PostgresFile), output, cancellationToken);
        var (files, bytes) = CopyFiles(storage, Path.Combine(target, FilesFolder), cancellationToken);
        await output.WriteLineAsync($"Fichiers stockés : {Fr.Count(files, "fichier")} ({Fr.Number(bytes / 1048576.0, 1)} Mo) copiés de {storage} dans {Path.Combine(target, FilesFolder)}.");
        if (!databaseSaved)
        {
            await output.WriteLineAsync("Sauvegarde INCOMPLÈTE : la base n'est pas sauvegardée (voir ci-dessus).");
            return AppCommands.Failure;
        }
        await output.WriteLineAsync($"Sauvegarde terminée dans {target}. Restauration : README, « Sauvegardes ».");
        return AppCommands.Success;
    }

    /// <summary>VACUUM INTO writes a consistent, compacted copy of the database (write-ahead log included) from a read
    /// transaction: the app keeps reading and writing meanwhile.</summary>
    private static async Task<bool> SqliteAsync(AppDbContext db, string path, TextWriter output, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [path], cancellationToken);
        // The copy comes out in rollback-journal mode; put back the write-ahead log the app relies on (docs/adr/0002),
        // which EF Core sets only when it creates a database.
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            await copy.OpenAsync(cancellationToken);
            await using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await output.WriteLineAsync($"Base SQLite {source} copiée (VACUUM INTO) dans {path} ({Fr.Number(new FileInfo(path).Length / 1048576.0, 1)} Mo).");
        return true;
    }

    /// <summary>pg_dump's custom format (-Fc), read by pg_restore; a snapshot too, taken in one repeatable-read transaction.
    /// Without pg_dump on this machine, the command to run elsewhere is printed.</summary>
    private static async Task<bool> PostgresAsync(AppDbContext db, string pgDump, string path, TextWriter output, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        string[] arguments = ["--format=custom", $"--host={connection.Host}", $"--port={connection.Port}", $"--username={connection.Username}", $"--dbname={connection.Database}", $"--file={path}"];
        var printed = $"PGPASSWORD=… {pgDump} {string.Join(' ', arguments)}";
        var start = new ProcessStartInfo(pgDump) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (connection.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }
        if (process is null)
        {
            await output.WriteLineAsync($"{pgDump} introuvable (paquet Debian postgresql-client, de la version du serveur ou plus récent ; ou réglage Backup__PgDump). Lancez-le d'une machine qui l'a :{Environment.NewLine}  {printed}");
            return false;
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                await output.WriteLineAsync($"pg_dump a échoué (code {process.ExitCode}) : {(await errors).Trim()}{Environment.NewLine}  commande : {printed}");
                return false;
            }
        }
        await output.WriteLineAsync($"Base PostgreSQL {connection.Database} sauvegardée ({printed}) dans {path} ({Fr.Number(new FileInfo(path).Length / 1048576.0, 1)} Mo).");
        return true;
    }

    private static (int Files, long Bytes) CopyFiles(string storage, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target);
        if (!Directory.Exists(storage))
        {
            return (0, 0);
        }
        var (files, bytes) = (0, 0L);
        foreach (var file in Directory.EnumerateFiles(storage, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copy = Path.Combine(target, Path.GetRelativePath(storage, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            try
            {
                File.Copy(file, copy);
            }
            catch (FileNotFoundException)
            {
                // Deleted by the app since the listing; if that was after the database copy, the copy names a file the backup lacks
                // (an evidence or report deleted during the backup, nothing else).
                continue;
            }
            files++;
            bytes += new FileInfo(copy).Length;
        }
        return (files, bytes);
    }

    private static bool IsInside(string path, string folder) =>
        (path + Path.DirectorySeparatorChar).StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
