using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.SelfAssessment;

public static class SelfAssessmentApi
{
    /// <summary>The name of the endpoint that answers one campaign or piece of evidence: the Location of a 201 and the links of the answers point at it.</summary>
    public const string CampaignRoute = "GetCampaign";
    public const string EvidenceRoute = "GetEvidence";
    public const string EvidenceFileRoute = "GetEvidenceFile";

    public sealed record RateDto(int Total, int Done, int InProgress, int NotEngaged, int NotApplicable, int Unassessed, int Applicable, double? Percent);
    public sealed record CampaignSummaryDto(int Year, int ReferentialId, string Referential, bool Closed, DateTime StartedAt, string StartedBy, int? CopiedFromYear,
        DateTime? ClosedAt, string? ClosedBy, string? ClosingNote, RateDto Rate);
    public sealed record AssessmentDto(string Requirement, int RequirementId, int Module, int Engagement, string Text, AssessmentStatus? Status, string? Comment,
        string? AssessedBy, DateTime? AssessedAt, bool CarriedOver, int Version, IReadOnlyList<int> EvidenceIds, int? ActionId);
    public sealed record CampaignDto(CampaignSummaryDto Campaign, IReadOnlyList<AssessmentDto> Assessments);
    public sealed record AssessmentPutInput(AssessmentStatus? Status, string? Comment, List<int>? EvidenceIds, int? Version);
    public sealed record CloseInput(string? Note);
    /// <param name="OriginLink">The page of the assessment the action points back to (kind assessment, id <paramref name="OriginId"/>).</param>
    public sealed record ActionCreatedDto(int ActionId, string Title, OriginKind OriginKind, int OriginId, string? OriginLink);
    public sealed record ModuleRateDto(int Number, string Title, IReadOnlyList<string> Services, RateDto Rate, RateDto? Previous);
    public sealed record EngagementRateDto(int Number, int Module, RateDto Rate, RateDto? Previous);
    public sealed record ServiceRateDto(string Code, string Name, RateDto Rate, RateDto? Previous);
    public sealed record RatesDto(int Year, int? PreviousYear, RateDto Structure, RateDto? PreviousStructure, IReadOnlyList<ModuleRateDto> Modules,
        IReadOnlyList<EngagementRateDto> Engagements, IReadOnlyList<ServiceRateDto> Services);
    public sealed record SpPlusLineDto(int Number, string Text, IReadOnlyList<int> Engagements, RateDto Rate, RateDto? Previous);
    public sealed record SpPlusDiagnosticDto(int Year, double? TargetPercent, int? TargetYear, bool? Reached, RateDto Overall, RateDto? PreviousOverall, IReadOnlyList<SpPlusLineDto> Engagements);
    public sealed record EvidenceDto(int Id, EvidenceKind Kind, string Title, string? FileName, string? ContentType, long? Length, string? Sha256, string? Url,
        string? IndicatorCode, string? IndicatorPeriod, string? DocumentVersion, DateOnly? DocumentDate, string AddedBy, DateTime AddedAt, string? Download);
    public sealed record SpPlusTargetDto(int Year, double Percent, string? Source, int Version);
    /// <param name="Version">The version of the year's target read before editing; null when the year had none.</param>
    public sealed record SpPlusTargetInput(double? Percent, string? Source, int? Version = null);

    public static void MapSelfAssessmentApi(this RouteGroupBuilder api)
    {
        var campaigns = api.MapStructureGroup("/campaigns").WithTags("Auto-diagnostic");
        campaigns.MapGet("/", ListAsync).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Campagnes d'auto-diagnostic de la structure");
        campaigns.MapPost("/", StartAsync).RequireAuthorization(Policies.StructureManage).WithSummary("Lancer une campagne (référent qualité)")
            .WithDescription("Crée une ligne par sous-engagement du périmètre ; copyPrevious reprend les réponses, commentaires, preuves et actions de la campagne précédente (à confirmer).");
        campaigns.MapGet("/{year:int}", GetAsync).WithName(CampaignRoute).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Une campagne et l'évaluation de chaque sous-engagement");
        campaigns.MapPut("/{year:int}/assessments/{requirement}", SaveAssessmentAsync).RequireAuthorization(Policies.StructureServiceEdit)
            .WithSummary("Évaluer un sous-engagement (ex. 15.1)")
            .WithDescription("Statut notEngaged, inProgress, done ou notApplicable (commentaire obligatoire) ; evidenceIds remplace les preuves liées ; version, si fournie, doit être celle lue (409 sinon). Un référent-relais n'évalue que les modules déployés par son service. 409 si la campagne est clôturée.");
        campaigns.MapPost("/{year:int}/assessments/{requirement}/action", CreateActionAsync).RequireAuthorization(Policies.StructureServiceEdit)
            .WithSummary("Transformer un écart en action d'amélioration");
        campaigns.MapPost("/{year:int}/close", CloseAsync).RequireAuthorization(Policies.StructureManage).WithSummary("Clôturer la campagne (référent qualité)");
        campaigns.MapGet("/{year:int}/rates", RatesAsync).RequireAuthorization(Policies.StructureAuditRead)
            .WithSummary("Taux de réalisation par structure, module, engagement et service, avec la campagne précédente");
        campaigns.MapGet("/{year:int}/sp-plus", SpPlusAsync).RequireAuthorization(Policies.StructureAuditRead)
            .WithSummary("Auto-diagnostic Services Publics + et cible nationale de l'année");
        campaigns.MapGet("/{year:int}/pack", PackAsync).RequireAuthorization(Policies.StructureAuditRead)
            .WithSummary("Dossier de l'auditeur (ZIP) : synthèse et preuves, pour un engagement, un module ou tout le périmètre");

        var evidence = api.MapStructureGroup("/evidence").WithTags("Preuves");
        evidence.MapGet("/", ListEvidenceAsync).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Preuves de la structure");
        evidence.MapPost("/", AddEvidenceAsync).RequireAuthorization(Policies.StructureServiceEdit).DisableAntiforgery()
            .WithSummary("Ajouter une preuve (formulaire multipart)")
            .WithDescription("Champs : kind (file, url, indicator, document), title ; file pour un fichier ; url ; indicatorCode et indicatorPeriod (2026, 2026-T2, 2026-05) ; documentVersion et/ou documentDate. Liez-la ensuite aux sous-engagements par PUT …/assessments/{requirement}.");
        evidence.MapGet("/{evidenceId:int}", GetEvidenceAsync).WithName(EvidenceRoute).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Une preuve");
        evidence.MapGet("/{evidenceId:int}/file", DownloadAsync).WithName(EvidenceFileRoute).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Télécharger le fichier d'une preuve");
        evidence.MapDelete("/{evidenceId:int}", DeleteEvidenceAsync).RequireAuthorization(Policies.StructureServiceEdit)
            .WithSummary("Supprimer une preuve (référent qualité ou auteur ; jamais si une campagne clôturée s'appuie dessus)");

        var targets = api.MapGroup("/sp-plus/targets").WithTags("Services Publics +");
        targets.MapGet("/", ListTargetsAsync).WithSummary("Cibles nationales de l'auto-diagnostic SP+, par année");
        targets.MapPut("/{year:int}", SaveTargetAsync).RequireAuthorization(Policies.NationalAdmin).WithSummary("Fixer la cible nationale d'une année (administrateur national)");
    }

    private static async Task<Results<Ok<List<CampaignSummaryDto>>, ProblemHttpResult>> ListAsync(string code, CurrentStructure here, CampaignQuery query, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var campaigns = await query.ListAsync(structure.Id, cancellationToken);
        var summaries = await query.SummarizeAsync(campaigns, cancellationToken);
        return TypedResults.Ok(campaigns.Select(c => Summary(summaries[c.Id])).ToList());
    }

    private static async Task<Results<Created<CampaignSummaryDto>, ProblemHttpResult>> StartAsync(string code, CampaignStartInput input, HttpContext http,
        CurrentStructure here, CampaignEditor editor, CampaignQuery query, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var (campaign, errors) = await editor.StartAsync(structure, Actor.Of(http.User), input, cancellationToken);
        if (campaign is null)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Created(links.GetPathByName(http, CampaignRoute, new { code, year = campaign.Year }), await SummaryAsync(structure, campaign.Year, query, cancellationToken));
    }

    private static async Task<Results<Ok<CampaignDto>, ProblemHttpResult>> GetAsync(string code, int year, CurrentStructure here, CampaignQuery query, CancellationToken cancellationToken)
    {
        var (_, grid, problem) = await LoadAsync(code, year, here, query, cancellationToken);
        if (grid is null)
        {
            return problem!;
        }
        var modules = grid.Modules.ToDictionary(m => m.Module.Id, m => m.Module.Number);
        return TypedResults.Ok(new CampaignDto(Summary(CampaignSummary.Of(grid)), grid.Rows.Select(r => Dto(r, modules[r.Engagement.ModuleId])).ToList()));
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> SaveAssessmentAsync(string code, int year, string requirement, AssessmentPutInput input,
        HttpContext http, CurrentStructure here, CampaignQuery query, CampaignEditor editor, CancellationToken cancellationToken)
    {
        var (structure, grid, row, problem) = await LoadOpenRowAsync(code, year, requirement, here, query, cancellationToken);
        if (row is null)
        {
            return problem!;
        }
        if (input.Status is null)
        {
            return Problems.Validation([new FieldError(null, "status", "statut obligatoire : notEngaged, inProgress, done ou notApplicable.")]);
        }
        var scope = here.Scope;
        var (errors, _) = await editor.SaveAsync(grid!, structure!, scope, Actor.Of(http.User),
            [new AssessmentInput { RequirementId = row.Requirement.Id, Status = input.Status, Comment = input.Comment, EvidenceIds = input.EvidenceIds, Version = input.Version }],
            cancellationToken);
        if (errors.Any(e => e.Field == "requirement"))
        {
            return Problems.Forbidden(errors.First(e => e.Field == "requirement").Message);
        }
        if (errors.Any(e => e.Field == "version"))
        {
            return Problems.Conflict(errors.First(e => e.Field == "version").Message);
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.Select(e => new FieldError(null, e.Field, e.Message)).ToList());
        }
        var saved = (await query.LoadGridAsync(grid!.Campaign, cancellationToken)).Rows.First(r => r.Requirement.Id == row.Requirement.Id);
        return TypedResults.Ok(Dto(saved, grid!.Modules.First(m => m.Module.Id == saved.Engagement.ModuleId).Module.Number));
    }

    private static async Task<Results<Created<ActionCreatedDto>, ProblemHttpResult>> CreateActionAsync(string code, int year, string requirement, HttpContext http,
        CurrentStructure here, CampaignQuery query, CampaignEditor editor, ActionOriginLinks origins, LinkGenerator links, CancellationToken cancellationToken)
    {
        var (structure, grid, row, problem) = await LoadOpenRowAsync(code, year, requirement, here, query, cancellationToken);
        if (row is null)
        {
            return problem!;
        }
        var scope = here.Scope;
        var (action, errors) = await editor.CreateActionAsync(grid!, structure!, scope, row.Requirement.Id, cancellationToken);
        if (action is null)
        {
            return errors.Any(e => e.Field == "requirement")
                ? Problems.Forbidden(errors[0].Message)
                : Problems.Validation(errors);
        }
        return TypedResults.Created(links.GetPathByName(http, ActionPlanApi.ActionRoute, new { code, actionId = action.Id }),
            new ActionCreatedDto(action.Id, action.Title, action.OriginKind!.Value, action.OriginId!.Value, await origins.ForAsync(code, action, cancellationToken)));
    }

    private static async Task<Results<Ok<CampaignSummaryDto>, ProblemHttpResult>> CloseAsync(string code, int year, CloseInput? input, HttpContext http,
        CurrentStructure here, CampaignQuery query, CampaignEditor editor, CancellationToken cancellationToken)
    {
        var (structure, grid, problem) = await LoadAsync(code, year, here, query, cancellationToken);
        if (grid is null)
        {
            return problem!;
        }
        if (grid.Campaign.IsClosed)
        {
            return Problems.Conflict($"La campagne {year} est déjà clôturée.");
        }
        var errors = await editor.CloseAsync(grid, Actor.Of(http.User), input?.Note, cancellationToken);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Ok(await SummaryAsync(structure!, year, query, cancellationToken));
    }

    private static async Task<Results<Ok<RatesDto>, ProblemHttpResult>> RatesAsync(string code, int year, CurrentStructure here, CampaignQuery query, CancellationToken cancellationToken)
    {
        var (_, grid, problem) = await LoadAsync(code, year, here, query, cancellationToken);
        if (grid is null)
        {
            return problem!;
        }
        var rates = await query.LoadRatesAsync(grid, cancellationToken);
        return TypedResults.Ok(new RatesDto(year, rates.PreviousYear, Dto(rates.Structure), Optional(rates.PreviousStructure),
            grid.Modules.Select(m => new ModuleRateDto(m.Module.Number, m.Module.Title, m.Services.Select(s => s.Code).ToList(), Dto(m.Rate), Optional(rates.PreviousOf(m)))).ToList(),
            grid.Modules.SelectMany(m => m.Engagements.Select(e => new EngagementRateDto(e.Engagement.Number, m.Module.Number, Dto(e.Rate), Optional(rates.PreviousOf(e))))).ToList(),
            rates.Services.Select(s => new ServiceRateDto(s.Service.Code, s.Service.Name, Dto(s.Rate), Optional(rates.PreviousOf(s.Service)))).ToList()));
    }

    private static async Task<Results<Ok<SpPlusDiagnosticDto>, ProblemHttpResult>> SpPlusAsync(string code, int year, CurrentStructure here, CampaignQuery query,
        SpPlusDiagnosticQuery spPlus, CancellationToken cancellationToken)
    {
        var (_, grid, problem) = await LoadAsync(code, year, here, query, cancellationToken);
        if (grid is null)
        {
            return problem!;
        }
        var rates = await query.LoadRatesAsync(grid, cancellationToken);
        var diagnostic = await spPlus.BuildAsync(grid, rates.Previous, cancellationToken);
        return TypedResults.Ok(new SpPlusDiagnosticDto(year, diagnostic.Target?.Percent, diagnostic.Target?.Year, diagnostic.Reached, Dto(diagnostic.Overall),
            Optional(diagnostic.PreviousOverall),
            diagnostic.Lines.Select(l => new SpPlusLineDto(l.Commitment.Number, l.Commitment.Text, l.Engagements.Select(e => e.Engagement.Number).ToList(),
                Dto(l.Rate), Optional(l.Previous))).ToList()));
    }

    private static async Task<IResult> PackAsync(string code, int year, int? module, int? engagement, CurrentStructure here, CampaignQuery query, AuditorPack pack,
        CancellationToken cancellationToken)
    {
        var (structure, grid, problem) = await LoadAsync(code, year, here, query, cancellationToken);
        if (grid is null)
        {
            return problem!;
        }
        var scope = new AuditorPack.Scope(module, engagement);
        if (AuditorPack.Select(grid, scope) is not { } engagements)
        {
            return Problems.NotFound($"Le {scope.Label} ne fait pas partie de la campagne {year}.");
        }
        var file = TemporaryFile();
        await pack.WriteAsync(grid, structure!, scope, engagements, file, cancellationToken);
        file.Position = 0;
        return TypedResults.File(file, AuditorPack.ContentType, AuditorPack.FileName(structure!, year, scope));
    }

    /// <summary>A scratch file deleted when the response has been sent: a whole perimeter's evidence does not fit in memory.</summary>
    public static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"quali-pilote-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static async Task<Results<Ok<List<EvidenceDto>>, ProblemHttpResult>> ListEvidenceAsync(string code, CurrentStructure here, CampaignQuery query, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return TypedResults.Ok((await query.EvidenceOfAsync(structure.Id, cancellationToken)).Select(e => Dto(e, code, links)).ToList());
    }

    private static async Task<Results<Ok<EvidenceDto>, ProblemHttpResult>> GetEvidenceAsync(string code, int evidenceId, CurrentStructure here, AppDbContext db, LinkGenerator links, CancellationToken cancellationToken)
    {
        var evidence = await db.Set<Evidence>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.StructureId == here.Structure.Id, cancellationToken);
        return evidence is null ? Problems.NotFound($"Aucune preuve n° {evidenceId} dans cette structure.") : TypedResults.Ok(Dto(evidence, code, links));
    }

    private static async Task<Results<Created<EvidenceDto>, ProblemHttpResult>> AddEvidenceAsync(string code, HttpContext http, CurrentStructure here, EvidenceEditor editor, LinkGenerator links,
        [FromForm] string? kind, [FromForm] string? title, [FromForm] string? url, [FromForm] string? indicatorCode, [FromForm] string? indicatorPeriod,
        [FromForm] string? documentVersion, [FromForm] string? documentDate, IFormFile? file, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var errors = new List<FieldError>();
        if (!Enum.TryParse<EvidenceKind>(kind, ignoreCase: true, out var parsedKind) || !Enum.IsDefined(parsedKind))
        {
            errors.Add(new FieldError(null, "kind", $"« {kind} » : file, url, indicator ou document attendu."));
        }
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(documentDate))
        {
            if (FrenchDates.TryParse(documentDate, out var parsedDate))
            {
                date = parsedDate;
            }
            else
            {
                errors.Add(new FieldError(null, "documentDate", $"« {documentDate} » n'est pas une date (2024-04-18 ou 18/04/2024)."));
            }
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var input = new EvidenceInput
        {
            Kind = parsedKind,
            Title = title,
            Url = url,
            IndicatorCode = indicatorCode,
            IndicatorPeriod = indicatorPeriod,
            DocumentVersion = documentVersion,
            DocumentDate = date,
        };
        var (evidence, addErrors) = await editor.AddAsync(structure, Actor.Of(http.User), input, UploadedFile.From(file), cancellationToken);
        if (evidence is null)
        {
            return Problems.Validation(addErrors);
        }
        return TypedResults.Created(links.GetPathByName(http, EvidenceRoute, new { code, evidenceId = evidence.Id }), Dto(evidence, code, links));
    }

    private static async Task<IResult> DownloadAsync(string code, int evidenceId, CurrentStructure here, AppDbContext db, IFileStore files, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var evidence = await db.Set<Evidence>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.StructureId == structure.Id, cancellationToken);
        if (evidence?.FileKey is null)
        {
            return Problems.NotFound($"Aucun fichier de preuve n° {evidenceId} dans cette structure.");
        }
        try
        {
            return TypedResults.File(files.OpenRead(evidence.FileKey), FileTypes.Of(evidence.FileName), evidence.FileName);
        }
        catch (FileNotFoundException)
        {
            return Problems.NotFound($"Le fichier « {evidence.FileName} » est introuvable sur le serveur.");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteEvidenceAsync(string code, int evidenceId, HttpContext http, CurrentStructure here,
        EvidenceEditor editor, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var (found, refusal) = await editor.DeleteAsync(evidenceId, structure, here.Scope, cancellationToken);
        if (!found)
        {
            return Problems.NotFound($"Aucune preuve n° {evidenceId} dans cette structure.");
        }
        return refusal is null ? TypedResults.NoContent() : Problems.Conflict(refusal);
    }

    private static async Task<Ok<List<SpPlusTargetDto>>> ListTargetsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Set<SpPlusTarget>().AsNoTracking().OrderBy(t => t.Year)
            .Select(t => new SpPlusTargetDto(t.Year, t.Percent, t.Source, t.Version)).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<SpPlusTargetDto>, ProblemHttpResult>> SaveTargetAsync(int year, SpPlusTargetInput input, SpPlusTargetEditor editor,
        AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var (target, errors) = await editor.SaveAsync(year, input.Percent, input.Source, input.Version, cancellationToken);
            return target is null ? Problems.Validation(errors) : TypedResults.Ok(new SpPlusTargetDto(target.Year, target.Percent, target.Source, target.Version));
        }
        catch (StaleVersionException stale)
        {
            var current = await db.Set<SpPlusTarget>().AsNoTracking().Where(t => t.Year == year)
                .Select(t => new SpPlusTargetDto(t.Year, t.Percent, t.Source, t.Version)).FirstOrDefaultAsync(cancellationToken);
            return Versions.Conflict(stale, $"la cible {year}", current);
        }
    }

    private static async Task<(Structure? Structure, CampaignGrid? Grid, ProblemHttpResult? Problem)> LoadAsync(string code, int year, CurrentStructure here,
        CampaignQuery query, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        if (await query.FindAsync(structure.Id, year, cancellationToken) is not { } campaign)
        {
            return (structure, null, Problems.NotFound($"Aucune campagne d'auto-diagnostic {year} pour {structure.Name}."));
        }
        return (structure, await query.LoadGridAsync(campaign, cancellationToken), null);
    }

    /// <summary>A row ("15.1") of an open campaign, or the problem to answer: unknown structure, campaign or requirement (404),
    /// closed campaign (409).</summary>
    private static async Task<(Structure? Structure, CampaignGrid? Grid, GridRow? Row, ProblemHttpResult? Problem)> LoadOpenRowAsync(string code, int year,
        string requirement, CurrentStructure here, CampaignQuery query, CancellationToken cancellationToken)
    {
        var (structure, grid, problem) = await LoadAsync(code, year, here, query, cancellationToken);
        if (grid is null)
        {
            return (structure, null, null, problem);
        }
        if (grid.Campaign.IsClosed)
        {
            return (structure, grid, null, Problems.Conflict($"La campagne {year} est clôturée : elle ne se modifie plus."));
        }
        return grid.Rows.FirstOrDefault(r => r.Code == requirement) is { } row
            ? (structure, grid, row, null)
            : (structure, grid, null, Problems.NotFound($"Aucun sous-engagement « {requirement} » dans la campagne {year} (format attendu : 15.1)."));
    }

    /// <summary>The campaign as stored now (just started or closed), with its figures.</summary>
    private static async Task<CampaignSummaryDto> SummaryAsync(Structure structure, int year, CampaignQuery query, CancellationToken cancellationToken)
    {
        var campaign = (await query.FindAsync(structure.Id, year, cancellationToken))!;
        return Summary((await query.SummarizeAsync([campaign], cancellationToken))[campaign.Id]);
    }

    private static CampaignSummaryDto Summary(CampaignSummary summary)
    {
        var c = summary.Campaign;
        return new CampaignSummaryDto(c.Year, c.ReferentialId, c.Referential.Label, c.IsClosed, c.StartedAt, c.StartedByName, c.CopiedFromYear, c.ClosedAt,
            c.ClosedByName, c.ClosingNote, Dto(summary.Rate));
    }

    private static AssessmentDto Dto(GridRow r, int module) =>
        new(r.Code, r.Requirement.Id, module, r.Engagement.Number, r.Requirement.Text, r.Status, r.Assessment.Comment, r.Assessment.AssessedByName,
            r.Assessment.AssessedAt, r.Assessment.CarriedOver, r.Assessment.Version, r.Evidence.Select(e => e.Id).ToList(), r.Assessment.ActionId);

    private static RateDto Dto(RealisationRate rate) =>
        new(rate.Total, rate.Done, rate.InProgress, rate.NotEngaged, rate.NotApplicable, rate.Unassessed, rate.Applicable, rate.Percent);

    private static RateDto? Optional(RealisationRate? rate) => rate is null ? null : Dto(rate);

    private static EvidenceDto Dto(Evidence e, string code, LinkGenerator links) =>
        new(e.Id, e.Kind, e.Title, e.FileName, e.ContentType, e.FileLength, e.FileSha256, e.Url, e.IndicatorCode, e.IndicatorPeriod, e.DocumentVersion,
            e.DocumentDate, e.AddedByName, e.AddedAt, e.Kind == EvidenceKind.File ? links.GetPathByName(EvidenceFileRoute, new { code, evidenceId = e.Id }) : null);
}
