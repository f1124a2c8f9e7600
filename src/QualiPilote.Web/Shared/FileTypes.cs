using System.Globalization;
using System.Text;

namespace QualiPilote.Web.Shared;

/// <summary>What an uploaded file is served as, and under which name. The type comes from the extension, among the accepted
/// ones, never from what the uploading browser claimed (a "text/html" evidence file would otherwise open as a page of the
/// app); files are always served as attachments. Names lose control characters (NUL included), direction overrides and
/// paths, and are cut to <see cref="MaxNameLength"/> characters with their extension kept.</summary>
public static class FileTypes
{
    public const int MaxNameLength = 120;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".csv"] = "text/csv; charset=utf-8",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
        [".txt"] = "text/plain; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".msg"] = "application/vnd.ms-outlook",
        [".eml"] = "message/rfc822",
        [".zip"] = "application/zip",
    };

    /// <summary>The content type of a file by its extension; unknown extensions are plain bytes.</summary>
    public static string Of(string? fileName) =>
        Types.TryGetValue(Path.GetExtension(fileName ?? ""), out var type) ? type : "application/octet-stream";

    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            clean.Append(c is '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }
        var result = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (result.Length == 0)
        {
            return "fichier";
        }
        if (result.Length <= MaxNameLength)
        {
            return result;
        }
        var extension = Path.GetExtension(result);
        extension = extension.Length is > 0 and <= 10 ? extension : "";
        return result[..(MaxNameLength - extension.Length)].TrimEnd(' ', '.') + extension;
    }
}
