using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared.Spreadsheets;
using YamlDotNet.Serialization;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>Writes a referential version in the formats the importer reads back (YAML, JSON, Excel):
/// exporting then importing the same version changes nothing.</summary>
public sealed class ReferentialExporter(AppDbContext db)
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["yaml"] = "application/yaml; charset=utf-8",
        ["json"] = "application/json; charset=utf-8",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<Referential?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        db.Referentials.AsNoTracking()
            .Include(r => r.Modules.OrderBy(m => m.Number)).ThenInclude(m => m.Engagements.OrderBy(e => e.Number)).ThenInclude(e => e.Requirements.OrderBy(q => q.Number))
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public static string FileName(Referential referential, string format) => $"{referential.Code}-{referential.Version}.{format}";

    public static async Task WriteAsync(Referential referential, string format, Stream output, CancellationToken cancellationToken = default)
    {
        switch (format)
        {
            case "yaml":
                await using (var writer = new StreamWriter(output, leaveOpen: true))
                {
                    await writer.WriteAsync(new SerializerBuilder().Build().Serialize(ToTree(referential)));
                }
                break;
            case "json":
                await JsonSerializer.SerializeAsync(output, ToTree(referential), Json, cancellationToken);
                break;
            case "xlsx":
                await SpreadsheetWriter.WriteXlsxAsync(output, [ToSheet(referential)], cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "yaml, json ou xlsx");
        }
    }

    private static Dictionary<string, object?> ToTree(Referential referential)
    {
        var tree = new Dictionary<string, object?>
        {
            ["referentiel"] = referential.Code,
            ["nom"] = referential.Name,
            ["version"] = referential.Version,
            ["date_effet"] = referential.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["modules_metier_requis"] = referential.RequiredBusinessModules,
        };
        if (referential.Notice is not null)
        {
            tree["avertissement"] = referential.Notice;
        }
        tree["modules"] = referential.Modules.Select(m => WithFlag(new Dictionary<string, object?>
        {
            ["numero"] = m.Number,
            ["titre"] = m.Title,
            ["socle"] = m.IsMandatory,
        }, m.OfficialTextMissing, new()
        {
            ["engagements"] = m.Engagements.Select(e => WithFlag(new Dictionary<string, object?>
            {
                ["numero"] = e.Number,
                ["texte"] = e.Text,
            }, e.OfficialTextMissing, new()
            {
                ["sous_engagements"] = e.Requirements.Select(r => WithFlag(new Dictionary<string, object?> { ["texte"] = r.Text }, r.OfficialTextMissing, [])).ToList(),
            })).ToList(),
        })).ToList();
        return tree;
    }

    private static Dictionary<string, object?> WithFlag(Dictionary<string, object?> node, bool officialTextMissing, Dictionary<string, object?> rest)
    {
        if (officialTextMissing)
        {
            node["a_importer"] = true;
        }
        foreach (var (key, value) in rest)
        {
            node[key] = value;
        }
        return node;
    }

    private static Sheet ToSheet(Referential referential) =>
        new("Sous-engagements",
            [new("module", 8), new("titre_module", 40), new("socle", 6), new("engagement", 10), new("texte_engagement", 60), new("sous_engagement", 60), new("a_importer", 10)],
            from m in referential.Modules
            from e in m.Engagements
            from r in e.Requirements
            select new object?[] { m.Number, m.Title, m.IsMandatory, e.Number, e.Text, r.Text, r.OfficialTextMissing });
}
