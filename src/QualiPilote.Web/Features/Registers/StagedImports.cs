using System.Security.Cryptography;
using System.Text.Json;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Register files waiting for the user's confirmation (an import that looked out of line), kept server side on disk
/// for <see cref="Lifetime"/> under a random id bound to the user, the structure and the register: confirming imports the kept
/// file without a second upload, cancelling deletes it. One file waits per user, structure and register; expired files are
/// swept whenever a file is staged or looked up, so the folder stays bounded without a background job.</summary>
public sealed class StagedImports(TimeProvider clock, string root)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public sealed record Staged(string Id, string UserId, int StructureId, RegisterKind Register, string FileName, DateTime At)
    {
        public DateTime Until => At + Lifetime;
    }

    /// <summary><c>Registers:StagingFolder</c>, else beside the stored files: several instances share that folder, so a
    /// confirmation answered by another instance than the upload still finds its file (a machine's temp folder would not).</summary>
    public static string FolderFrom(IConfiguration configuration, IWebHostEnvironment environment, QualiPilote.Web.Shared.FileStoreOptions files) =>
        Path.GetFullPath(configuration["Registers:StagingFolder"] ?? Path.Combine(environment.ContentRootPath, files.Root, "imports-en-attente"));

    private string Root => root;

    public async Task<Staged> StageAsync(Stream content, string fileName, string userId, int structureId, RegisterKind register, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        Sweep(s => s.UserId == userId && s.StructureId == structureId && s.Register == register);
        var staged = new Staged(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), userId, structureId, register, Path.GetFileName(fileName),
            clock.GetUtcNow().UtcDateTime);
        await using (var file = new FileStream(DataPath(staged.Id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        await File.WriteAllTextAsync(MetaPath(staged.Id), JsonSerializer.Serialize(staged), cancellationToken);
        return staged;
    }

    /// <summary>The staged file of this id if it belongs to this user, structure and register and has not expired.</summary>
    public Staged? Find(string? id, string? userId, int structureId, RegisterKind register)
    {
        Sweep(_ => false);
        if (id is not { Length: 32 } || !id.All(Uri.IsHexDigit) || userId is null)
        {
            return null;
        }
        var staged = Read(MetaPath(id.ToLowerInvariant()));
        return staged is not null && staged.UserId == userId && staged.StructureId == structureId && staged.Register == register && !Expired(staged)
            ? staged : null;
    }

    /// <summary>Takes the file away from the folder and opens it (deleted when closed): of two confirmations of the same file,
    /// only the first gets it, so a double click imports once.</summary>
    public Stream? Take(Staged staged)
    {
        var claimed = DataPath(staged.Id) + ".import";
        try
        {
            File.Move(DataPath(staged.Id), claimed);
        }
        catch (IOException)
        {
            return null;
        }
        File.Delete(MetaPath(staged.Id));
        return new FileStream(claimed, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    public void Discard(Staged staged)
    {
        File.Delete(MetaPath(staged.Id));
        File.Delete(DataPath(staged.Id));
    }

    private bool Expired(Staged staged) => clock.GetUtcNow().UtcDateTime >= staged.Until;

    private void Sweep(Func<Staged, bool> replaced)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        foreach (var meta in Directory.EnumerateFiles(Root, "*.json"))
        {
            if (Read(meta) is not { } staged || Expired(staged) || replaced(staged))
            {
                TryDelete(meta);
                TryDelete(Path.ChangeExtension(meta, ".fichier"));
            }
        }
        // Files left by an import that crashed, or whose description is gone.
        foreach (var file in Directory.EnumerateFiles(Root, "*.fichier*"))
        {
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - Lifetime && !File.Exists(Path.Combine(Root, Path.GetFileName(file).Split('.')[0] + ".json")))
            {
                TryDelete(file);
            }
        }
    }

    private static Staged? Read(string meta)
    {
        try
        {
            return File.Exists(meta) ? JsonSerializer.Deserialize<Staged>(File.ReadAllText(meta)) : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Being read by a confirmation right now: the next sweep takes it.
        }
    }

    private string MetaPath(string id) => Path.Combine(Root, id + ".json");

    private string DataPath(string id) => Path.Combine(Root, id + ".fichier");
}
