using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Demo;

/// <summary>The road to the label of the Savoie demo prefecture, from the seeds: the Socotec labelling audit of
/// 23-24 May 2022 (Qual-e-pref modules 1 and 7, Savoie 2023 report), the move to Quali-ATE (launch COPIL of
/// 18 March 2024, quality policy of April 2024), an internal audit before the AFNOR certification that comes every
/// three years, and an action plan whose actions come from each origin the reports name (audit findings, the
/// answered-calls indicator, the 5 complaints of 2023, the staff survey's 71 %, the CLUAC…). Figures are the seeds';
/// the dates after 2024 are the demo's (today in the demo and the tests: 23/11/2026).</summary>
public sealed class LabellingDemoData(AppDbContext db)
{
    private Dictionary<(string Referential, int Number), int> _engagements = [];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        _engagements = (await db.Engagements.AsNoTracking().Select(e => new { e.Referential.Code, e.Number, e.Id }).ToListAsync(cancellationToken))
            .ToDictionary(e => (e.Code, e.Number), e => e.Id);
        var structures = await db.Structures.Include(s => s.Services).Where(s => s.Code == "pref-73" || s.Code == "sgcd-73" || s.Code == "pref-48")
            .ToDictionaryAsync(s => s.Code, cancellationToken);
        var referentials = await db.Referentials.Include(r => r.Modules).ToDictionaryAsync(r => r.Code, cancellationToken);
        var savoie = structures["pref-73"];
        var qualEPref = referentials["qual-e-pref"];
        var qualiAte = referentials["quali-ate"];
        var created = new DateTime(2022, 6, 1, 8, 0, 0, DateTimeKind.Utc);

        var socotec = Audit(savoie, AuditKind.Certification, "Socotec", qualEPref, new(2022, 5, 23), new(2022, 5, 24), [1, 7],
            ["CAB-SICOM", "DCL", "DCL-BI", "DS-SIDPC", "SG"], "Marc Leroy (Socotec)",
            "Label Qual-e-pref accordé pour les modules 1 « relation générale avec les usagers » et 7 « communication de crise en cas d'évènement majeur ».");
        var strength2022 = Finding(socotec, FindingType.Strength, "qual-e-pref", 47, "CAB-SICOM",
            "Cellule de communication d'urgence activable en moins d'une heure, 7j/7 – 24h/24 ; astreintes des chargés de communication formalisées.");
        var training = Finding(socotec, FindingType.SensitivePoint, "qual-e-pref", 4, "SG",
            "Les nouveaux arrivants en relation avec le public n'ont pas tous suivi la formation « accueil physique et téléphonique » ; le tutorat qui la remplace n'est pas tracé.");
        var calls = Finding(socotec, FindingType.ImprovementTrack, "qual-e-pref", 10, "SG",
            "Suivre le taux d'appels décrochés chaque trimestre et analyser ses baisses.");
        var mediator = Finding(socotec, FindingType.MinorNonConformity, "qual-e-pref", 15, "DCL",
            "Au point numérique, les horaires de présence du médiateur ne sont pas affichés.");
        Finding(socotec, FindingType.SensitivePoint, "qual-e-pref", 50, "DS-SIDPC",
            "La procédure d'activation de la cellule d'information du public avec le numéro unique n'a pas été testée depuis sa mise à jour.");

        var internalAudit = Audit(savoie, AuditKind.Internal, "Cellule de la performance et de la modernisation (SGCD)", qualiAte, new(2026, 10, 6), new(2026, 10, 7), [1, 2, 4, 8],
            ["CAB", "DCL", "DCL-BI", "DS-SIDPC", "SG"], "Deux référents qualité formés à l'audit (audit à blanc)",
            "Audit à blanc avant la certification AFNOR : une non-conformité majeure à lever avant l'audit externe.");
        var permits = Finding(internalAudit, FindingType.MajorNonConformity, "quali-ate", 32, "DCL-BI",
            "Les délais de délivrance des titres de séjour ne sont ni affichés aux usagers ni suivis par le bureau de l'immigration.");
        var procedures = Finding(internalAudit, FindingType.MinorNonConformity, "quali-ate", 20, "SG",
            "Des fiches de procédure de la base documentaire ne sont ni datées ni versionnées.");
        Finding(internalAudit, FindingType.SensitivePoint, "quali-ate", 8, "CAB",
            "Le temps d'attente au standard n'est pas mesuré aux heures de pointe.");
        Finding(internalAudit, FindingType.ImprovementTrack, "quali-ate", 16, "DCL",
            "Exploiter les avis « Je donne mon avis » dans le bilan annuel (4 avis reçus en 2023, tous traités).");
        Finding(internalAudit, FindingType.Strength, "quali-ate", 43, "DS-SIDPC",
            "Exercices de crise réguliers, suivis de retours d'expérience formalisés.");

        var afnor = Audit(savoie, AuditKind.Certification, "AFNOR Certification", qualiAte, new(2027, 3, 16), new(2027, 3, 17), [1, 2, 4, 8],
            ["CAB", "CAB-SICOM", "DCL", "DCL-BI", "DS", "DS-SIDPC", "SG"], null, null);
        // The Socotec auditor has an account in the demo: he reads this audit and records its findings.
        socotec.AuditorUserId = await db.Users.Where(u => u.Email == DemoData.SavoieAuditor.Email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        db.AddRange(socotec, internalAudit, afnor);
        await db.SaveChangesAsync(cancellationToken);
        await AttachDemoReportAsync(socotec, cancellationToken);

        Action(savoie, training, "Former les nouveaux arrivants à l'accueil physique et téléphonique", ActionOrigin.AuditFinding, "SG",
            "Cheffe du pôle formation (SGCD-BRH)", new(2022, 6, 1), new(2024, 2, 29), ActionStatus.Done, 100, completed: new(2024, 2, 7),
            efficacy: (EfficacyResult.Effective, "Deux sessions les 6 et 7 février 2024 ; la formation est obligatoire pour les agents en relation avec les usagers et le tutorat est versé au dossier de l'agent."),
            created: created, engagements: [("qual-e-pref", 4)]);
        Action(savoie, calls, "Suivre chaque trimestre le taux d'appels décrochés", ActionOrigin.AuditFinding, "SG",
            "Agent de téléphonie", new(2022, 6, 1), new(2022, 12, 31), ActionStatus.Done, 100, completed: new(2022, 12, 15),
            efficacy: (EfficacyResult.Effective, "95,41 % en 2022 et 90,81 % en 2023, au-dessus de la cible nationale de 90 % (bilan 2023)."),
            created: created, engagements: [("qual-e-pref", 10)]);
        Action(savoie, mediator, "Afficher les horaires du médiateur au point numérique", ActionOrigin.AuditFinding, "DCL",
            null, new(2022, 6, 1), new(2022, 9, 30), ActionStatus.Done, 100, completed: new(2022, 9, 15), created: created, engagements: [("qual-e-pref", 15)]);
        Action(savoie, permits, "Afficher et suivre les délais de délivrance des titres de séjour", ActionOrigin.AuditFinding, "DCL-BI",
            "Cheffe du bureau de l'immigration", new(2026, 10, 12), new(2026, 10, 31), ActionStatus.InProgress, 40,
            created: new(2026, 10, 12, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 31), ("quali-ate", 32)]);
        Action(savoie, procedures, "Dater et versionner les fiches de procédure de la base documentaire", ActionOrigin.AuditFinding, "SG",
            "Cellule de la performance et de la modernisation", new(2026, 10, 12), new(2026, 12, 18), ActionStatus.InProgress, 50,
            created: new(2026, 10, 12, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 20)]);
        Action(savoie, null, "Rétablir la marge du taux d'appels décrochés après le rattachement de la DDETSPP", ActionOrigin.IndicatorAlert, "SG",
            "Agent de téléphonie", new(2026, 9, 1), new(2027, 1, 31), ActionStatus.InProgress, 70,
            detail: "Taux d'appels décrochés 2023 : 90,81 % pour une cible de 90 %, après le rattachement de la DDETSPP le 25/10/2022",
            created: new(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 8)]);
        Action(savoie, null, "Faire figurer des coordonnées lisibles sur les fiches de réclamation", ActionOrigin.Feedback, "DCL",
            "Karim Benali", new(2026, 9, 1), new(2026, 12, 15), ActionStatus.InProgress, 60,
            detail: "5 réclamations déposées en 2023 dans les boîtes qualité du bâtiment Caffé, une seule avec des coordonnées lisibles",
            created: new(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 16)]);
        Action(savoie, null, "Rappeler les coordonnées des référents qualité sur l'intranet", ActionOrigin.Survey, "SG",
            "Cellule de la performance et de la modernisation", null, new(2026, 12, 4), ActionStatus.ToStart, 0,
            detail: "Enquête agents 2023 : 23 réponses, 71 % des agents connaissent les référents qualité",
            created: new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 18)]);
        Action(savoie, null, "Mettre à jour la signalétique extérieure du bâtiment Caffé", ActionOrigin.Committee, "DCL",
            null, null, new(2027, 3, 31), ActionStatus.ToStart, 0,
            detail: "Groupe de travail « signalétique » ; présenté au CLUAC du 29/01/2024",
            created: new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 5)]);
        Action(savoie, null, "Mettre à jour les pages « démarches » du site internet", ActionOrigin.SelfAssessment, "CAB-SICOM",
            null, null, new(2027, 2, 28), ActionStatus.ToStart, 0,
            detail: "Auto-diagnostic 2025 : sous-engagement 9.2 non réalisé",
            created: new(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 9)]);
        Action(savoie, null, "Installer une borne de prise de ticket à l'accueil général", ActionOrigin.Other, "DCL",
            null, new(2024, 4, 1), new(2024, 12, 31), ActionStatus.Abandoned, 10,
            reason: "3 250 usagers à l'accueil général en 2023 (+16,5 % sur 2022), absorbés par deux agents d'accueil au bâtiment Caffé : l'investissement n'est pas justifié.",
            created: new(2024, 4, 1, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 6)]);
        Action(structures["sgcd-73"], null, "Réaliser le bilan des émissions de gaz à effet de serre (BEGES) et le publier sur le site de l'ADEME", ActionOrigin.Other, "SGCD-BFIL",
            null, new(2026, 9, 1), new(2026, 12, 31), ActionStatus.InProgress, 30,
            detail: "Le SGCD réalise le BEGES tous les trois ans (politique qualité, avril 2024)",
            created: new(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc), engagements: [("quali-ate", 23)]);
        Action(structures["pref-48"], null, "Mettre à jour le questionnaire de l'enquête de satisfaction annuelle", ActionOrigin.Survey, "DCL",
            "Responsable qualité", new(2026, 6, 1), new(2026, 9, 30), ActionStatus.InProgress, 20,
            created: new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync(cancellationToken);

        var copil = Milestone(savoie, MilestoneKind.Other, "COPIL de lancement Quali-ATE (périmètre : modules 1, 2, 4 et 8)", new(2024, 3, 18), new(2024, 3, 18));
        var policy = Milestone(savoie, MilestoneKind.Other, "Politique qualité Quali-ATE validée en COPIL", new(2024, 4, 18), new(2024, 4, 18));
        var label2022 = Milestone(savoie, MilestoneKind.LabelObtained, "Label Qual-e-pref (modules 1 et 7)", new(2022, 5, 24), new(2022, 5, 24),
            "Labellisée à la suite de l'audit Socotec des 23 et 24 mai 2022 (bilan 2023).");
        var expiry2022 = new Milestone { StructureId = savoie.Id, Kind = MilestoneKind.LabelExpiry, DerivedFrom = label2022 };
        expiry2022.FollowLabel(label2022.DoneOn!.Value);
        var milestones = new[]
        {
            AuditMilestone(socotec, "Audit externe de labellisation Socotec (Qual-e-pref, modules 1 et 7)", new(2022, 5, 24)),
            label2022, expiry2022, copil, policy,
            AuditMilestone(internalAudit, "Audit interne (audit à blanc) Quali-ATE", new(2026, 10, 7)),
            Milestone(savoie, MilestoneKind.Other, "Dossier de candidature transmis à la DMATES, à la région et à l'auditeur", new(2026, 11, 13), null,
                "Le bilan annuel fait partie du dossier (guide de labellisation)."),
            Milestone(savoie, MilestoneKind.SelfAssessmentClosed, "Clôture de l'auto-diagnostic 2026", new(2026, 12, 15), null),
            AuditMilestone(afnor, "Audit de certification AFNOR (Quali-ATE)", null),
            Milestone(savoie, MilestoneKind.LabelObtained, "Certification Quali-ATE", new(2027, 5, 31), null),
        };
        db.AddRange(milestones);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The real Socotec report is not public: the demo's report is a text file that says so and sums up the
    /// findings recorded here, stored through the app's file store like any uploaded report.</summary>
    private async Task AttachDemoReportAsync(Audit audit, CancellationToken cancellationToken)
    {
        var files = db.GetService<IFileStore>();
        var text = new StringBuilder()
            .AppendLine($"{audit.Title} – {audit.Referential.Label}, modules 1 et 7")
            .AppendLine("Document de démonstration : le rapport réel n'est pas public. Constats enregistrés dans Quali-Pilote :")
            .AppendLine();
        foreach (var finding in audit.Findings)
        {
            text.AppendLine($"- {finding.Type.Label()} (engagement {_engagements.First(e => e.Value == finding.EngagementId).Key.Number.ToString(Fr.Culture)}) : {finding.Description}");
        }
        text.AppendLine().AppendLine($"Conclusion : {audit.Conclusion}");
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var stored = await files.SaveAsync(content, "rapport-audit-socotec-2022-demonstration.txt", cancellationToken);
        audit.SetReport(stored, new DateTime(2022, 6, 20, 8, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Audit Audit(Structure structure, AuditKind kind, string body, Referential referential, DateOnly start, DateOnly end,
        int[] modules, string[] services, string? auditors, string? conclusion) => new()
        {
            StructureId = structure.Id,
            Kind = kind,
            Body = body,
            ReferentialId = referential.Id,
            StartDate = start,
            EndDate = end,
            Auditors = auditors,
            Conclusion = conclusion,
            CreatedAt = new DateTime(start.Year, start.Month, 1, 8, 0, 0, DateTimeKind.Utc),
            Modules = referential.Modules.Where(m => modules.Contains(m.Number)).Select(m => new AuditModule { ModuleId = m.Id, StructureId = structure.Id }).ToList(),
            Services = structure.Services.Where(s => services.Contains(s.Code)).Select(s => new AuditService { ServiceId = s.Id, StructureId = structure.Id }).ToList(),
        };

    private AuditFinding Finding(Audit audit, FindingType type, string referential, int engagement, string serviceCode, string description)
    {
        var finding = new AuditFinding
        {
            StructureId = audit.StructureId,
            Type = type,
            EngagementId = _engagements[(referential, engagement)],
            ServiceId = db.Services.Local.Single(s => s.StructureId == audit.StructureId && s.Code == serviceCode).Id,
            Description = description,
        };
        audit.Findings.Add(finding);
        return finding;
    }

    private void Action(Structure structure, AuditFinding? finding, string title, ActionOrigin origin, string serviceCode, string? owner,
        DateOnly? start, DateOnly due, ActionStatus status, int progress, DateTime created, (string Referential, int Number)[]? engagements = null,
        string? detail = null, string? reason = null, DateOnly? completed = null, (EfficacyResult Result, string Note)? efficacy = null)
    {
        var action = new ImprovementAction
        {
            StructureId = structure.Id,
            Title = title,
            Description = finding?.Description,
            Origin = origin,
            OriginDetail = detail ?? (finding is null ? null : $"{finding.Audit.Title} : {finding.Type.Label().ToLowerInvariant()}"),
            OriginKind = finding is null ? null : OriginKind.AuditFinding,
            OriginId = finding?.Id,
            ServiceId = structure.Services.Single(s => s.Code == serviceCode).Id,
            OwnerName = owner,
            StartDate = start,
            DueDate = due,
            Status = status,
            StatusReason = reason,
            Progress = progress,
            CompletedOn = completed,
            Efficacy = efficacy?.Result,
            EfficacyNote = efficacy?.Note,
            EfficacyCheckedOn = efficacy is null ? null : completed,
            CreatedAt = created,
            Engagements = (engagements ?? []).Select(e => new ActionEngagement { EngagementId = _engagements[e], StructureId = structure.Id }).ToList(),
        };
        db.Add(action);
        if (finding is not null)
        {
            finding.Action = action;
        }
    }

    private static Milestone Milestone(Structure structure, MilestoneKind kind, string title, DateOnly? planned, DateOnly? done, string? note = null) =>
        new() { StructureId = structure.Id, Kind = kind, Title = title, PlannedOn = planned, DoneOn = done, Note = note };

    private static Milestone AuditMilestone(Audit audit, string title, DateOnly? done) => new()
    {
        StructureId = audit.StructureId,
        Kind = audit.Kind.IsExternal() ? MilestoneKind.ExternalAudit : MilestoneKind.InternalAudit,
        Title = title,
        PlannedOn = audit.StartDate,
        DoneOn = done,
        AuditId = audit.Id,
    };
}
