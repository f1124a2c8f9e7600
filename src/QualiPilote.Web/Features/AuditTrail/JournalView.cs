using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>What both journal pages (a structure's, the national one) show and export: the filters read from the query
/// string (a GET form, so a view can be bookmarked and exported as it is), the page of entries in French, the choices of
/// the filters. A date that cannot be read is reported in French and nothing is listed, rather than a misleading list.</summary>
public sealed class JournalView
{
    /// <summary>The filters as typed, read from the query string by their French names (type, auteur, du, au).</summary>
    public sealed record Input(string? Type, string? Author, string? From, string? To)
    {
        public static Input Read(IQueryCollection query) => new(query["type"], query["auteur"], query["du"], query["au"]);
    }

    public required string BasePath { get; init; }
    public required Input Typed { get; init; }
    public required JournalFilter Filter { get; init; }
    public required IReadOnlyList<JournalFilter.Error> Errors { get; init; }
    public AuditTrailQuery.Page? Result { get; private init; }
    public IReadOnlyList<JournalPresenter.Line> Lines { get; private init; } = [];
    public IReadOnlyList<(string Type, string Name)> Types { get; private init; } = [];
    public IReadOnlyList<(string UserName, string Name)> Authors { get; private init; } = [];

    public bool IsValid => Errors.Count == 0;

    public string? ErrorFor(JournalFilter.Bound bound) => Errors.FirstOrDefault(e => e.Bound == bound)?.Message;

    public string PageLink(int page) => BasePath + Filter.ToQuery(page);

    public string ExportLink => BasePath + Filter.ToQuery(handler: "Export");

    public static JournalFilter Parse(Input input, out IReadOnlyList<JournalFilter.Error> errors) =>
        JournalFilter.Parse(input.Type, input.Author, input.From, input.To, out errors);

    public static async Task<JournalView> LoadAsync(AuditTrailQuery query, JournalPresenter presenter, int? structureId, string basePath,
        IQueryCollection queryString, CancellationToken cancellationToken)
    {
        var input = Input.Read(queryString);
        string? page = queryString["page"];
        var filter = Parse(input, out var errors);
        var pageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        var result = await query.ReadAsync(structureId, filter, pageNumber, cancellationToken);
        return new JournalView
        {
            BasePath = basePath,
            Typed = input,
            Filter = filter,
            Errors = errors,
            Result = result,
            Lines = errors.Count == 0 ? await presenter.PresentAsync(result.Entries, cancellationToken) : [],
            Types = JournalPresenter.TypeNames(result.EntityTypes),
            Authors = await presenter.AuthorNamesAsync(result.Authors, cancellationToken),
        };
    }

    /// <summary>The Excel file of the filtered journal, named after <paramref name="scope"/> ("pref-73", "national").</summary>
    public async Task<FileContentResult> ExportAsync(JournalExporter exporter, int? structureId, string scope, string journalName, DateOnly today,
        CancellationToken cancellationToken)
    {
        var criteria = new List<(string, string)>
        {
            ("Journal", journalName),
            ("Exporté le", Fr.Date(today)),
            ("Type de donnée", Filter.EntityType is { } type ? JournalVocabulary.TypeName(type) : "Tous"),
            ("Auteur", Filter.User is { } user ? Authors.FirstOrDefault(a => a.UserName == user).Name ?? user : "Tous"),
            ("Du", Filter.From is { } from ? Fr.Date(from) : "–"),
            ("Au", Filter.To is { } to ? Fr.Date(to) : "–"),
        };
        using var buffer = new MemoryStream();
        await exporter.WriteAsync(buffer, structureId, Filter, criteria, cancellationToken);
        return new FileContentResult(buffer.ToArray(), SpreadsheetWriter.XlsxContentType) { FileDownloadName = JournalExporter.FileName(scope, today) };
    }
}
