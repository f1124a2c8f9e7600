using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using YamlDotNet.RepresentationModel;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>Loads the referentials shipped in referentials/ the first time the app meets an empty database,
/// through the same importer an administrator uses (so the shipped files obey the same rules),
/// then the Services Publics + engagements and their mapping.</summary>
public sealed class ReferentialSeeder(AppDbContext db, ReferentialImporter importer, IHostEnvironment environment, ILogger<ReferentialSeeder> logger)
{
    public const string SpPlusFile = "services-publics-plus.yaml";

    private string Folder => Path.Combine(environment.ContentRootPath, "referentials");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Referentials.AnyAsync(cancellationToken))
        {
            foreach (var path in Directory.GetFiles(Folder, "*.yaml").Where(p => Path.GetFileName(p) != SpPlusFile).Order())
            {
                await using var file = File.OpenRead(path);
                var result = await importer.ImportAsync(file, path, null, cancellationToken);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Référentiel livré invalide ({Path.GetFileName(path)}) : {string.Join(" ; ", result.Errors)}");
                }
                logger.LogInformation("Référentiel chargé depuis {File}", Path.GetFileName(path));
            }
        }
        if (!await db.SpPlusCommitments.AnyAsync(cancellationToken))
        {
            await SeedSpPlusAsync(cancellationToken);
        }
    }

    private async Task SeedSpPlusAsync(CancellationToken cancellationToken)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(Folder, SpPlusFile)))
        {
            stream.Load(reader);
        }
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var node in ((YamlSequenceNode)root["services_publics_plus"]).Children.Cast<YamlMappingNode>())
        {
            var commitment = new SpPlusCommitment { Number = int.Parse(Scalar(node, "numero"), Fr.Culture), Text = Scalar(node, "texte") };
            if (node.Children.TryGetValue(new YamlScalarNode("correspondances"), out var mappingNode) && mappingNode is YamlMappingNode mapping)
            {
                var code = Scalar(mapping, "referentiel");
                var version = Scalar(mapping, "version");
                var numbers = ((YamlSequenceNode)mapping["engagements"]).Children.Select(n => int.Parse(((YamlScalarNode)n).Value!, Fr.Culture)).ToList();
                var engagements = await db.Engagements
                    .Where(e => e.Referential.Code == code && e.Referential.Version == version && numbers.Contains(e.Number))
                    .ToListAsync(cancellationToken);
                commitment.Mappings.AddRange(engagements.Select(e => new SpPlusMapping { Engagement = e }));
            }
            db.SpPlusCommitments.Add(commitment);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";
}
