using System.Globalization;
using System.IO.Compression;
using System.Text;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The auditor's pack: one ZIP with a summary workbook (every requirement of the chosen scope with its status,
/// comment and evidence) and every evidence file, in one folder per engagement ("Engagement 15 - Nous vous répondons…"),
/// beside a references.txt for the evidence that is not a file (links, indicators, managed documents).</summary>
public sealed class AuditorPack(IFileStore files, TimeProvider clock)
{
    public const string SummaryName = "synthese.xlsx";
    public const string ContentType = "application/zip";

    /// <summary>What the pack covers: one engagement, one module, or (both null) the whole perimeter.</summary>
    public sealed record Scope(int? Module, int? Engagement)
    {
        public static readonly Scope Perimeter = new(null, null);

        public string Label => Engagement is { } e ? $"engagement {e}" : Module is { } m ? $"module {m}" : "périmètre complet";

        public string Slug => Engagement is { } e ? $"engagement-{e}" : Module is { } m ? $"module-{m}" : "perimetre";
    }

    public static string FileName(Structure structure, int year, Scope scope) => $"dossier-auditeur-{structure.Code}-{year}-{scope.Slug}.zip";

    /// <summary>The engagements of the grid the scope selects, or null when the scope names a module or engagement
    /// that is not in the campaign.</summary>
    public static IReadOnlyList<GridEngagement>? Select(CampaignGrid grid, Scope scope)
    {
        if (scope.Engagement is { } number)
        {
            return grid.Engagement(number) is { } engagement ? [engagement] : null;
        }
        if (scope.Module is { } module)
        {
            return grid.Module(module)?.Engagements;
        }
        return grid.Engagements.ToList();
    }

    public async Task WriteAsync(CampaignGrid grid, Structure structure, Scope scope, IReadOnlyList<GridEngagement> engagements, Stream output,
        CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var pathsByEvidence = new Dictionary<(int Engagement, int Evidence), string>();
        var missing = new HashSet<int>();
        foreach (var engagement in engagements)
        {
            var folder = FolderName(engagement);
            var evidence = engagement.Rows.SelectMany(r => r.Evidence).DistinctBy(e => e.Id).ToList();
            foreach (var file in evidence.Where(e => e.Kind == EvidenceKind.File))
            {
                var path = $"{folder}/{file.Id}-{Safe(file.FileName ?? "fichier", 80)}";
                try
                {
                    await using var content = files.OpenRead(file.FileKey!);
                    await using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                    await content.CopyToAsync(entry, cancellationToken);
                    pathsByEvidence[(engagement.Engagement.Number, file.Id)] = path;
                }
                catch (FileNotFoundException)
                {
                    missing.Add(file.Id);
                }
            }
            var references = evidence.Where(e => e.Kind != EvidenceKind.File).ToList();
            if (references.Count > 0)
            {
                var text = new StringBuilder();
                foreach (var reference in references)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"{reference.Kind.Label()} : {reference.Title}");
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {reference.Detail}");
                    text.AppendLine();
                }
                await using var entry = zip.CreateEntry($"{folder}/references.txt", CompressionLevel.Fastest).Open();
                await entry.WriteAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), cancellationToken);
            }
        }

        var summary = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(summary,
            [SummarySheet(grid, engagements, pathsByEvidence, missing), RateSheet(engagements), Sheet.Criteria("Campagne", CampaignRows(grid, structure, scope, engagements))],
            cancellationToken);
        summary.Position = 0;
        await using (var entry = zip.CreateEntry(SummaryName, CompressionLevel.Fastest).Open())
        {
            await summary.CopyToAsync(entry, cancellationToken);
        }
    }

    private static Sheet SummarySheet(CampaignGrid grid, IReadOnlyList<GridEngagement> engagements,
        Dictionary<(int Engagement, int Evidence), string> paths, HashSet<int> missing)
    {
        var moduleNumbers = grid.Modules.ToDictionary(m => m.Module.Id, m => m.Module.Number);
        return new Sheet("Synthèse",
            [new("Module", 8), new("Engagement", 11), new("Sous-engagement", 14), new("Intitulé", 60), new("Statut", 16), new("Commentaire", 40),
             new("Preuves", 60), new("Fichiers dans le dossier", 60), new("Évalué par", 24), new("Évalué le", 17), new("Action d'amélioration", 40)],
            engagements.SelectMany(e => e.Rows.Select(r => new object?[]
            {
                moduleNumbers[e.Engagement.ModuleId],
                e.Engagement.Number,
                r.Code,
                r.Requirement.Text,
                r.Status.Label(),
                r.Assessment.Comment ?? "",
                string.Join(" ; ", r.Evidence.Select(x => $"{x.Title} ({x.Kind.Label().ToLowerInvariant()} : {x.Detail})")),
                string.Join(" ; ", r.Evidence.Where(x => x.Kind == EvidenceKind.File)
                    .Select(x => missing.Contains(x.Id) ? $"{x.FileName} (fichier introuvable sur le serveur)" : paths.GetValueOrDefault((e.Engagement.Number, x.Id), ""))),
                r.Assessment.AssessedByName ?? (r.Assessment.CarriedOver ? "reprise de la campagne précédente" : ""),
                r.Assessment.AssessedAt is { } at ? Fr.DateTime(at) : "",
                r.Action?.Title ?? "",
            })).ToList());
    }

    private static Sheet RateSheet(IReadOnlyList<GridEngagement> engagements) =>
        new("Taux",
            [new("Engagement", 14), new("Intitulé", 60), new("Réalisés", 10), new("Applicables", 11), new("Non applicables", 14), new("Taux de réalisation", 16)],
            engagements.Select(e => new object?[]
            {
                $"Engagement {e.Engagement.Number}", e.Engagement.Text, e.Rate.Done, e.Rate.Applicable, e.Rate.NotApplicable, Fr.Percent(e.Rate.Percent),
            }).ToList());

    private (string, string)[] CampaignRows(CampaignGrid grid, Structure structure, Scope scope, IReadOnlyList<GridEngagement> engagements)
    {
        var campaign = grid.Campaign;
        var rate = RealisationRate.Of(engagements.SelectMany(e => e.Rows).Select(r => r.Status));
        return new (string, string)[]
        {
            ("Structure", structure.Name),
            ("Référentiel", campaign.Referential.Label),
            ("Campagne", campaign.Year.ToString(CultureInfo.InvariantCulture)),
            ("État", campaign.ClosedAt is { } closed ? $"clôturée le {Fr.DateTime(closed)} par {campaign.ClosedByName}" : "en cours"),
            ("Contenu du dossier", scope.Label),
            ("Sous-engagements", rate.Total.ToString(CultureInfo.InvariantCulture)),
            ("Taux de réalisation (réalisés / applicables)", $"{Fr.Percent(rate.Percent)} ({rate.Done} / {rate.Applicable})"),
            ("Dossier produit le", Fr.DateTime(clock.GetUtcNow().UtcDateTime)),
        };
    }

    public static string FolderName(GridEngagement engagement) => Safe($"Engagement {engagement.Engagement.Number} - {engagement.Engagement.Text}", 70);

    /// <summary>A file or folder name every unzip tool accepts: accents kept (the archive stores names in UTF-8), characters
    /// that Windows or a shell reserve replaced by spaces, and a long name cut between two words, its extension kept.</summary>
    public static string Safe(string name, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            builder.Append(c is < ' ' or '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? ' ' : c);
        }
        var safe = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (safe.Length <= maxLength)
        {
            return safe.TrimEnd('.');
        }
        var extension = Path.GetExtension(safe);
        extension = extension.Length is > 0 and < 10 ? extension : "";
        var stem = safe[..^extension.Length];
        var room = maxLength - extension.Length - 1;
        var cut = stem.LastIndexOf(' ', Math.Min(room, stem.Length - 1));
        stem = cut > room / 2 ? stem[..cut] : stem[..room];
        return stem.TrimEnd(' ', '.', ',', '-') + "…" + extension;
    }
}
