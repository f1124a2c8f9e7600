using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Demo;

/// <summary>The Savoie demo prefecture's self-assessments: the 2025 campaign, closed by the quality referent, and the
/// 2026 campaign started from it, where the DCL's relay referent has confirmed part of module 1. Evidence uses the
/// figures of the prefecture's 2023 review (seed 001) and documents named in its quality policy (seed 004).</summary>
public sealed class SelfAssessmentDemo(AppDbContext db)
{
    private static readonly DateTime Autumn2025 = new(2025, 10, 6, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Engagement number → 2025 status and comment (each Quali-ATE 2024 engagement has one requirement until
    /// the auditor's expectations are imported).</summary>
    private static readonly Dictionary<int, (AssessmentStatus Status, string? Comment)> Answers2025 = new()
    {
        [1] = (AssessmentStatus.Done, "Horaires et conditions d'accueil affichés et publiés sur le site des services de l'État."),
        [2] = (AssessmentStatus.Done, null),
        [3] = (AssessmentStatus.Done, "Deux points d'accès numériques à l'accueil général, dont un dédié aux usagers étrangers (e-meraupe, ouvert en septembre 2023)."),
        [4] = (AssessmentStatus.Done, null),
        [5] = (AssessmentStatus.InProgress, "Signalétique du bâtiment Caffé en cours de mise à jour (groupe de travail)."),
        [6] = (AssessmentStatus.Done, "Deux agents aux accueils du bâtiment Caffé : accueil général et pré-accueil du bureau de l'immigration."),
        [7] = (AssessmentStatus.NotApplicable, "Pas de serveur vocal interactif local : les appels arrivent au standard."),
        [8] = (AssessmentStatus.Done, "Taux d'appels décrochés de 90,81 % en 2023 (cible nationale 90 %), suivi trimestriel."),
        [9] = (AssessmentStatus.Done, null),
        [10] = (AssessmentStatus.Done, null),
        [11] = (AssessmentStatus.Done, null),
        [12] = (AssessmentStatus.Done, "Taux d'engagement sur les réseaux sociaux supérieur à 11 % (cible nationale 2 %)."),
        [13] = (AssessmentStatus.Done, null),
        [14] = (AssessmentStatus.InProgress, "Relecture des modèles de courriers du bureau de l'immigration engagée."),
        [15] = (AssessmentStatus.Done, "Courriers 88,20 %, courriels 94,29 %, réclamations 100 % dans les délais en 2023 (cible 80 %)."),
        [16] = (AssessmentStatus.Done, "5 réclamations et 4 avis « Je donne mon avis » en 2023, traités dès que les coordonnées étaient lisibles."),
        [17] = (AssessmentStatus.InProgress, null),
        [18] = (AssessmentStatus.Done, "Référents qualité formés, lettre de mission annuelle, identifiés sur l'organigramme."),
        [19] = (AssessmentStatus.Done, null),
        [20] = (AssessmentStatus.Done, "Tableau de suivi des indicateurs mis à jour chaque trimestre, affiché et publié."),
        [21] = (AssessmentStatus.Done, "Formation « accueil physique et téléphonique » obligatoire ; procédure de tutorat pour les nouveaux arrivants."),
        [22] = (AssessmentStatus.Done, null),
        [23] = (AssessmentStatus.InProgress, null),
        [24] = (AssessmentStatus.Done, null),
        [25] = (AssessmentStatus.InProgress, null),
        [26] = (AssessmentStatus.NotEngaged, "Aucune action en faveur de la biodiversité n'est encore engagée sur les sites de la préfecture."),
        [27] = (AssessmentStatus.Done, null),
        [31] = (AssessmentStatus.Done, null),
        [32] = (AssessmentStatus.InProgress, null),
        [33] = (AssessmentStatus.Done, null),
        [34] = (AssessmentStatus.InProgress, null),
        [39] = (AssessmentStatus.Done, null),
        [40] = (AssessmentStatus.Done, null),
        [41] = (AssessmentStatus.Done, null),
        [42] = (AssessmentStatus.InProgress, "Plan de communication de crise de longue durée à formaliser avec le SIDPC."),
        [43] = (AssessmentStatus.Done, null),
    };

    /// <summary>What the DCL's relay referent confirmed or changed in 2026 (the other rows are still last year's answers).</summary>
    private static readonly Dictionary<int, (AssessmentStatus Status, string? Comment)> Answers2026ByDcl = new()
    {
        [1] = (AssessmentStatus.Done, "Horaires et conditions d'accueil affichés et publiés sur le site des services de l'État."),
        [2] = (AssessmentStatus.Done, null),
        [3] = (AssessmentStatus.Done, "Deux points d'accès numériques à l'accueil général, dont un dédié aux usagers étrangers (e-meraupe)."),
        [4] = (AssessmentStatus.Done, null),
        [5] = (AssessmentStatus.Done, "Nouvelle signalétique du bâtiment Caffé posée en juin 2026."),
        [6] = (AssessmentStatus.Done, null),
        [7] = (AssessmentStatus.NotApplicable, "Pas de serveur vocal interactif local : les appels arrivent au standard."),
        [8] = (AssessmentStatus.Done, "Taux d'appels décrochés suivi chaque trimestre avec l'agent de téléphonie."),
        [15] = (AssessmentStatus.Done, "Délais de réponse suivis chaque trimestre par les services ; synthèse trimestrielle de la cellule."),
    };

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var savoie = await db.Structures.Include(s => s.Services).SingleAsync(s => s.Code == "pref-73", cancellationToken);
        if (await db.Set<SelfAssessmentCampaign>().AnyAsync(c => c.StructureId == savoie.Id, cancellationToken))
        {
            return;
        }
        var perimeter = await db.Perimeters.Include(p => p.Modules).SingleAsync(p => p.StructureId == savoie.Id, cancellationToken);
        var moduleIds = perimeter.Modules.Select(m => m.ModuleId).ToList();
        var requirements = await db.Requirements.Include(r => r.Engagement)
            .Where(r => moduleIds.Contains(r.Engagement.ModuleId)).ToListAsync(cancellationToken);
        var referent = await db.Users.SingleAsync(u => u.Email == DemoData.SavoieReferent.Email, cancellationToken);
        var relay = await db.Users.SingleAsync(u => u.Email == DemoData.SavoieRelay.Email, cancellationToken);

        var evidence = await AddEvidenceAsync(savoie, referent.Id, referent.FullName, relay.Id, relay.FullName, cancellationToken);

        var campaign2025 = new SelfAssessmentCampaign
        {
            StructureId = savoie.Id,
            Year = 2025,
            ReferentialId = perimeter.ReferentialId,
            StartedAt = new DateTime(2025, 9, 8, 7, 30, 0, DateTimeKind.Utc),
            StartedByName = referent.FullName,
            ClosedAt = new DateTime(2025, 12, 15, 15, 0, 0, DateTimeKind.Utc),
            ClosedByName = referent.FullName,
            ClosingNote = "Auto-diagnostic relu avec les référents-relais et présenté au COPIL qualité de décembre 2025.",
        };
        foreach (var requirement in requirements.OrderBy(r => r.Engagement.Number).ThenBy(r => r.Number))
        {
            var (status, comment) = Answers2025[requirement.Engagement.Number];
            var byRelay = requirement.Engagement.Number <= 17;
            campaign2025.Assessments.Add(new RequirementAssessment
            {
                StructureId = savoie.Id,
                RequirementId = requirement.Id,
                Status = status,
                Comment = comment,
                AssessedById = byRelay ? relay.Id : referent.Id,
                AssessedByName = byRelay ? relay.FullName : referent.FullName,
                AssessedAt = Autumn2025.AddDays(requirement.Engagement.Number),
                Version = 1,
                Evidence = evidence.For(requirement.Engagement.Number, 2025).Select(e => new AssessmentEvidence { Evidence = e, StructureId = savoie.Id }).ToList(),
            });
        }
        db.Add(campaign2025);
        await db.SaveChangesAsync(cancellationToken);

        // The 2025 biodiversity gap became an action of the plan, linked both ways.
        var gap = campaign2025.Assessments.Single(a => requirements.Single(r => r.Id == a.RequirementId).Engagement.Number == 26);
        var gapRequirement = requirements.Single(r => r.Id == gap.RequirementId);
        var action = new ImprovementAction
        {
            StructureId = savoie.Id,
            Title = $"26.{gapRequirement.Number} – Engager une première action en faveur de la biodiversité",
            Description = "Écart relevé à l'auto-diagnostic 2025 : aucune action en faveur de la biodiversité n'est encore engagée sur les sites de la préfecture.",
            Origin = ActionOrigin.SelfAssessment,
            OriginDetail = $"Auto-diagnostic 2025, sous-engagement 26.{gapRequirement.Number} : {AssessmentStatus.NotEngaged.Label()}",
            OriginKind = OriginKind.Assessment,
            OriginId = gap.Id,
            ServiceId = savoie.Services.Single(s => s.Code == "SG").Id,
            OwnerName = referent.FullName,
            StartDate = new DateOnly(2025, 12, 15),
            DueDate = new DateOnly(2026, 12, 31),
            Status = ActionStatus.InProgress,
            Progress = 30,
            CreatedAt = new DateTime(2025, 12, 15, 15, 30, 0, DateTimeKind.Utc),
            Engagements = [new ActionEngagement { EngagementId = gapRequirement.EngagementId, StructureId = savoie.Id }],
        };
        db.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        gap.ActionId = action.Id;

        // 2026: started from 2025's answers; the DCL's relay referent has confirmed part of module 1.
        var campaign2026 = new SelfAssessmentCampaign
        {
            StructureId = savoie.Id,
            Year = 2026,
            ReferentialId = perimeter.ReferentialId,
            StartedAt = new DateTime(2026, 9, 14, 7, 30, 0, DateTimeKind.Utc),
            StartedByName = referent.FullName,
            CopiedFromYear = 2025,
        };
        foreach (var previous in campaign2025.Assessments)
        {
            var number = requirements.Single(r => r.Id == previous.RequirementId).Engagement.Number;
            var row = new RequirementAssessment
            {
                StructureId = savoie.Id,
                RequirementId = previous.RequirementId,
                Status = previous.Status,
                Comment = previous.Comment,
                ActionId = previous.ActionId,
                CarriedOver = true,
                Evidence = previous.Evidence.Select(l => new AssessmentEvidence { Evidence = l.Evidence, StructureId = savoie.Id }).ToList(),
            };
            if (Answers2026ByDcl.TryGetValue(number, out var answer))
            {
                row.Status = answer.Status;
                row.Comment = answer.Comment;
                row.CarriedOver = false;
                row.AssessedById = relay.Id;
                row.AssessedByName = relay.FullName;
                row.AssessedAt = new DateTime(2026, 10, 5, 8, 0, 0, DateTimeKind.Utc).AddHours(number);
                row.Version = 1;
                row.Evidence.AddRange(evidence.For(number, 2026).Select(e => new AssessmentEvidence { Evidence = e, StructureId = savoie.Id }));
            }
            campaign2026.Assessments.Add(row);
        }
        db.Add(campaign2026);
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoEvidence(Evidence Evidence, int[] Engagements, int FromYear);

    private sealed class EvidenceSet(List<DemoEvidence> items)
    {
        public IEnumerable<Evidence> For(int engagement, int year) =>
            items.Where(i => i.Engagements.Contains(engagement) && i.FromYear == year).Select(i => i.Evidence);
    }

    private async Task<EvidenceSet> AddEvidenceAsync(Structure savoie, string referentId, string referentName, string relayId, string relayName,
        CancellationToken cancellationToken)
    {
        // Resolved from the application's services through the context, so that DemoData calls this class in one line.
        var files = db.GetService<IFileStore>();
        var responseTimes = await StoreAsync(files, "suivi-delais-reponse-2020-2023.csv",
            "Année;Cible nationale;Délais réponse aux courriers;Délais réponse aux courriels;Délais de réponse aux réclamations\n"
            + "2020;80,00 %;85,00 %;75,50 %;88,00 %\n2021;80,00 %;85,43 %;93,26 %;100,00 %\n"
            + "2022;80,00 %;95,26 %;86,21 %;100,00 %\n2023;80,00 %;88,20 %;94,29 %;100,00 %\n", cancellationToken);
        var calls = await StoreAsync(files, "taux-appels-decroches-2021-2023.csv",
            "Année;Cible nationale;Taux d'appels décrochés;Commentaire\n"
            + "2021;90,00 %;89,33 %;Changement d'appellation de l'indicateur et mise à jour de l'application par le support\n"
            + "2022;90,00 %;95,41 %;Rattachement DDETSPP-Mérande le 25/10/22\n"
            + "2023;90,00 %;90,81 %;Problèmes dus au rattachement de la DDETSPP, intervention de l'agent de téléphonie\n", cancellationToken);
        var cluac = await StoreAsync(files, "releve-cluac-29-janvier-2024.txt",
            "Comité local des usagers et de l'amélioration continue (CLUAC) – 29 janvier 2024\n\n"
            + "Présentation du suivi de la démarche qualité 2023 aux représentants des usagers : 5 réclamations déposées dans les boîtes qualité "
            + "du bâtiment Caffé, 4 avis « Je donne mon avis » auxquels les services ont répondu, 3250 usagers à l'accueil général (+16,5 %), "
            + "2581 usagers au point d'accès numérique.\n\n(Document de démonstration Quali-Pilote.)\n", cancellationToken);

        var added2025 = new DateTime(2025, 10, 1, 9, 0, 0, DateTimeKind.Utc);
        Evidence Make(EvidenceKind kind, string title, Action<Evidence> fill, bool byRelay = false, DateTime? at = null)
        {
            var e = new Evidence
            {
                StructureId = savoie.Id,
                Kind = kind,
                Title = title,
                AddedById = byRelay ? relayId : referentId,
                AddedByName = byRelay ? relayName : referentName,
                AddedAt = at ?? added2025,
            };
            fill(e);
            return e;
        }
        void File(Evidence e, StoredFile stored)
        {
            e.FileKey = stored.Key;
            e.FileName = stored.FileName;
            e.ContentType = stored.ContentType;
            e.FileLength = stored.Length;
            e.FileSha256 = stored.Sha256;
        }

        var items = new List<DemoEvidence>
        {
            new(Make(EvidenceKind.Document, "Politique qualité de la préfecture de la Savoie", e => { e.DocumentVersion = "avril 2024"; e.DocumentDate = new DateOnly(2024, 4, 18); }), [18, 19, 22], 2025),
            new(Make(EvidenceKind.Document, "Bilan annuel 2023 de la démarche qualité", e => { e.DocumentVersion = "mars 2024"; e.DocumentDate = new DateOnly(2024, 3, 18); }), [19, 20, 22], 2025),
            new(Make(EvidenceKind.Document, "Guide de l'accueil de l'utilisateur et du numérique", e => e.DocumentVersion = "2024"), [2, 4, 6], 2025),
            new(Make(EvidenceKind.File, "Tableau de suivi des délais de réponse aux courriers, courriels et réclamations 2020-2023", e => File(e, responseTimes)), [15, 20], 2025),
            new(Make(EvidenceKind.File, "Taux d'appels décrochés 2021-2023 (Memobox)", e => File(e, calls)), [8], 2025),
            new(Make(EvidenceKind.File, "Relevé du CLUAC du 29 janvier 2024", e => File(e, cluac)), [16, 22], 2025),
            new(Make(EvidenceKind.Url, "Site internet des services de l'État en Savoie", e => e.Url = "https://www.savoie.gouv.fr/"), [1, 9, 10], 2025),
            new(Make(EvidenceKind.Indicator, "Délai de réponse aux courriers – 2025", e => { e.IndicatorCode = "delai-courriers"; e.IndicatorPeriod = "2025"; }), [15], 2025),
            new(Make(EvidenceKind.Indicator, "Taux d'appels décrochés – 2025", e => { e.IndicatorCode = "appels-decroches"; e.IndicatorPeriod = "2025"; }), [8], 2025),
            new(Make(EvidenceKind.Indicator, "Délai de réponse aux courriers – 2e trimestre 2026", e => { e.IndicatorCode = "delai-courriers"; e.IndicatorPeriod = "2026-T2"; },
                byRelay: true, at: new DateTime(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc)), [15], 2026),
        };
        db.AddRange(items.Select(i => i.Evidence));
        await db.SaveChangesAsync(cancellationToken);
        return new EvidenceSet(items);
    }

    private static Task<StoredFile> StoreAsync(IFileStore files, string name, string text, CancellationToken cancellationToken) =>
        files.SaveAsync(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()), name, cancellationToken);
}
