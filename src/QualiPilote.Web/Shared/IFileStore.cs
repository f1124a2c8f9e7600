namespace QualiPilote.Web.Shared;

/// <summary>A file kept by the app (evidence, audit report): its storage key and what the user uploaded.</summary>
public sealed record StoredFile(string Key, string FileName, string ContentType, long Length, string Sha256);

/// <summary>Where uploaded files live (a seam: local disk today, an object store tomorrow).</summary>
public interface IFileStore
{
    /// <summary>The French reason a file is refused (type, size, empty), or null when it is acceptable.</summary>
    string? Check(string fileName, long length);

    /// <summary>Stores the content; its name is cleaned and its type follows the extension (<see cref="FileTypes"/>).</summary>
    Task<StoredFile> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken = default);

    Stream OpenRead(string key);

    void Delete(string key);
}
