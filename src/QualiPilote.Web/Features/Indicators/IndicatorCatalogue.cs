using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The shipped indicators (their codes are part of the API) with their national targets and the Quali-ATE 2024
/// engagements they serve. Added at start when missing; a national administrator edits targets afterwards.</summary>
public sealed class IndicatorCatalogue(AppDbContext db)
{
    public sealed record Definition(string Code, string Label, string Description, IndicatorUnit Unit, IndicatorPeriodicity Periodicity,
        IndicatorSource Source, double? NationalTarget, int[] Engagements, IndicatorDirection Direction = IndicatorDirection.HigherIsBetter);

    /// <summary>The year from which shipped national targets apply (the seed's tables start in 2020 with the same targets).</summary>
    public const int TargetsFrom = 2013;

    public static readonly IReadOnlyList<Definition> Shipped =
    [
        new("delai-courriers", "Délai de réponse aux courriers", "Part des courriers du périmètre répondus dans le délai annoncé (10 jours ouvrés par défaut).",
            IndicatorUnit.Percent, IndicatorPeriodicity.Quarterly, IndicatorSource.CorrespondenceMail, 80, [15]),
        new("delai-courriels", "Délai de réponse aux courriels", "Part des courriels du périmètre répondus dans le délai annoncé (5 jours ouvrés par défaut).",
            IndicatorUnit.Percent, IndicatorPeriodicity.Quarterly, IndicatorSource.CorrespondenceEmail, 80, [15]),
        new("delai-reclamations", "Délai de réponse aux réclamations", "Part des réclamations avec coordonnées répondues dans le délai annoncé (10 jours ouvrés par défaut).",
            IndicatorUnit.Percent, IndicatorPeriodicity.Quarterly, IndicatorSource.CorrespondenceComplaint, 80, [15, 16]),
        new("appels-decroches", "Taux d'appels décrochés", "Appels décrochés rapportés aux appels présentés à l'autocommutateur.",
            IndicatorUnit.Percent, IndicatorPeriodicity.Quarterly, IndicatorSource.Calls, 90, [8]),
        new("frequentation-accueil", "Fréquentation de l'accueil général", "Nombre d'usagers reçus à l'accueil général, par type de demande.",
            IndicatorUnit.Count, IndicatorPeriodicity.Monthly, IndicatorSource.AttendanceReception, null, [2, 6]),
        new("frequentation-pan", "Fréquentation des points d'accès numériques (PAN)", "Nombre d'usagers accompagnés aux points d'accès numériques, par type de démarche.",
            IndicatorUnit.Count, IndicatorPeriodicity.Monthly, IndicatorSource.AttendancePan, null, [3]),
        new("engagement-reseaux-sociaux", "Taux d'engagement sur les réseaux sociaux", "Interactions rapportées à la portée des publications des comptes de la structure (contrôle de gestion).",
            IndicatorUnit.Percent, IndicatorPeriodicity.Quarterly, IndicatorSource.Manual, 2, [12]),
        new("sp-satisfaction-telephone", "Satisfaction des usagers sur l'accueil téléphonique", "Indicateur Services Publics + : part des usagers satisfaits du canal téléphonique (enquête).",
            IndicatorUnit.Percent, IndicatorPeriodicity.Yearly, IndicatorSource.Manual, null, [8, 20]),
        new("sp-ressenti-accueil", "Ressenti : accueil bienveillant", "Indicateur de ressenti Services Publics + : part des usagers qui se sont sentis accueillis avec bienveillance.",
            IndicatorUnit.Percent, IndicatorPeriodicity.Yearly, IndicatorSource.Manual, null, [2, 20]),
        new("sp-ressenti-contact", "Ressenti : facilité de contact", "Indicateur de ressenti Services Publics + : part des usagers pour qui entrer en contact a été facile.",
            IndicatorUnit.Percent, IndicatorPeriodicity.Yearly, IndicatorSource.Manual, null, [7, 20]),
        new("sp-ressenti-accompagnement", "Ressenti : accompagnement adapté", "Indicateur de ressenti Services Publics + : part des usagers qui ont bénéficié d'un accompagnement adapté à leur situation.",
            IndicatorUnit.Percent, IndicatorPeriodicity.Yearly, IndicatorSource.Manual, null, [3, 20]),
        new("sp-ressenti-delais", "Ressenti : délais respectés", "Indicateur de ressenti Services Publics + : part des usagers dont la demande a été traitée dans les délais annoncés.",
            IndicatorUnit.Percent, IndicatorPeriodicity.Yearly, IndicatorSource.Manual, null, [15, 20]),
        new("sp-ressenti-information", "Ressenti : information claire", "Indicateur de ressenti Services Publics + : part des usagers qui ont trouvé l'information claire, simple et accessible.",
            IndicatorUnit.Percent, IndicatorPeriodicity.Yearly, IndicatorSource.Manual, null, [10, 20]),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<Indicator>().Where(i => i.StructureId == null).Select(i => i.Code).ToListAsync(cancellationToken);
        var missing = Shipped.Where(d => !existing.Contains(d.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var engagements = await db.Set<Engagement>().AsNoTracking()
            .Where(e => e.Referential.Code == "quali-ate" && e.Referential.Version == "2024")
            .ToDictionaryAsync(e => e.Number, e => e.Id, cancellationToken);
        foreach (var definition in missing)
        {
            var indicator = new Indicator
            {
                Code = definition.Code,
                Label = definition.Label,
                Description = definition.Description,
                Unit = definition.Unit,
                Periodicity = definition.Periodicity,
                Direction = definition.Direction,
                Source = definition.Source,
                SortOrder = Shipped.ToList().IndexOf(definition),
                Engagements = definition.Engagements.Where(engagements.ContainsKey)
                    .Select(n => new IndicatorEngagement { EngagementId = engagements[n] }).ToList(),
            };
            if (definition.NationalTarget is { } target)
            {
                indicator.NationalTargets.Add(new NationalTarget { FromYear = TargetsFrom, Value = target });
            }
            db.Add(indicator);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
