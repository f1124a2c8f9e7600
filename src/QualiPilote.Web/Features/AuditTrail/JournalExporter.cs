using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>Writes the filtered journal to Excel with the page's French columns, one row per changed column (an entry
/// that changed three columns gives three rows, so that a spreadsheet filter on "Champ" works), and a second sheet that
/// says which journal and which filters made the file.</summary>
public sealed class JournalExporter(AuditTrailQuery query, JournalPresenter presenter)
{
    private const int BatchSize = 500;

    private static readonly SheetColumn[] Columns =
    [
        new("N°", 8), SheetColumn.DateTime("Date (heure de Paris)"), new("Auteur", 24), new("Action", 14), new("Type de donnée", 30),
        new("Donnée", 60), new("Champ", 30), new("Avant", 50), new("Après", 50),
    ];

    public static string FileName(string scope, DateOnly today) => $"journal-{scope}-{today:yyyy-MM-dd}.xlsx";

    /// <param name="criteria">The journal and the filters in words ("Structure", "Préfecture de la Savoie"…), for the second sheet.</param>
    public async Task WriteAsync(Stream output, int? structureId, JournalFilter filter, IEnumerable<(string Criterion, string Value)> criteria,
        CancellationToken cancellationToken = default)
    {
        var rows = new List<object?[]>();
        await foreach (var batch in query.BatchesAsync(structureId, filter, BatchSize, cancellationToken))
        {
            foreach (var line in await presenter.PresentAsync(batch, cancellationToken))
            {
                var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(line.At, DateTimeKind.Utc), ParisTime.Zone);
                object?[] Row(JournalPresenter.Change? change) =>
                    [line.Id, at, line.Author, line.ActionLabel, line.EntityName, line.Label, change?.Label, change?.Before, change?.After];
                if (line.Changes.Count == 0)
                {
                    rows.Add(Row(null));
                }
                rows.AddRange(line.Changes.Select(Row));
            }
        }
        var about = Sheet.Criteria("Filtres", criteria.Append(("Lignes", rows.Count.ToString(Fr.Culture))));
        await SpreadsheetWriter.WriteXlsxAsync(output, [new Sheet("Journal", Columns, rows), about], cancellationToken);
    }
}
