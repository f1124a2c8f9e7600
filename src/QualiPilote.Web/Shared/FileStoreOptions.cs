namespace QualiPilote.Web.Shared;

public sealed class FileStoreOptions
{
    /// <summary>Folder of the stored files, outside the web root; relative paths start at the content root.</summary>
    public string Root { get; set; } = "data/files";

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    public IReadOnlyList<string> AllowedExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".csv", ".ppt", ".pptx", ".odp", ".txt", ".png", ".jpg", ".jpeg", ".msg", ".eml"];
}
