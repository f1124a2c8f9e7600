using System.Security.Cryptography;

namespace QualiPilote.Web.Shared;

/// <summary>Stores files on local disk under random names (the user's file name is kept in the database only),
/// so that nothing uploaded is ever served directly or can climb out of its folder.</summary>
public sealed class LocalFileStore(FileStoreOptions options, IHostEnvironment environment) : IFileStore
{
    private string Root => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Root));

    public string? Check(string fileName, long length)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (length == 0)
        {
            return "le fichier est vide.";
        }
        if (length > options.MaxBytes)
        {
            return $"le fichier dépasse {options.MaxBytes / (1024 * 1024)} Mo.";
        }
        if (!options.AllowedExtensions.Contains(extension))
        {
            return $"type de fichier « {extension} » non accepté (acceptés : {string.Join(", ", options.AllowedExtensions)}).";
        }
        return null;
    }

    public async Task<StoredFile> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var key = $"{DateTime.UtcNow:yyyy/MM}/{Guid.NewGuid():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long length;
        string hash;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            length = 0;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        return new StoredFile(key, FileTypes.CleanName(fileName), FileTypes.Of(fileName), length, hash);
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read);

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Clé de fichier invalide.", nameof(key));
        }
        return path;
    }
}
