using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Audits;

public static class AuditsApi
{
    /// <summary>The name of the endpoint that answers one audit: the Location of a 201 and the links of the answers point at it.</summary>
    public const string AuditRoute = "GetAudit";
    public const string ReportRoute = "GetAuditReport";

    public sealed record FindingCountDto(FindingType Type, int Count, int WithAction);
    public sealed record FindingDto(int Id, FindingType Type, int? EngagementId, int? EngagementNumber, string? Service, string Description, int? ActionId, string Url);
    public sealed record ReportDto(string FileName, string ContentType, long Length, string Sha256, DateTime UploadedAt, string Url);
    public sealed record AuditDto(int Id, AuditKind Kind, string Body, int ReferentialId, string Referential, DateOnly StartDate, DateOnly EndDate,
        string? Auditors, string? AuditorEmail, string? Conclusion, IReadOnlyList<int> Modules, IReadOnlyList<string> Services, ReportDto? Report,
        IReadOnlyList<FindingCountDto> Summary, IReadOnlyList<FindingDto> Findings, int Version);

    public static void MapAuditsApi(this RouteGroupBuilder api)
    {
        var audits = api.MapStructureGroup("/audits").WithTags("Audits");
        audits.MapGet("/", ListAsync).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Audits de la structure, avec la synthèse de leurs constats");
        audits.MapGet("/{auditId:int}", GetAsync).WithName(AuditRoute).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Un audit, ses constats et leur synthèse par type");
        audits.MapPost("/", CreateAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Enregistrer un audit (modules : numéros dans le référentiel audité ; services : codes)");
        audits.MapPut("/{auditId:int}", UpdateAsync).RequireAuthorization(Policies.StructureManage).WithSummary("Modifier un audit");
        audits.MapPost("/{auditId:int}/report", UploadReportAsync).RequireAuthorization(Policies.StructureManage).DisableAntiforgery()
            .WithSummary("Déposer le rapport d'audit (multipart, champ « file ») ; remplace le précédent");
        audits.MapGet("/{auditId:int}/report", DownloadReportAsync).WithName(ReportRoute).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Télécharger le rapport d'audit");
        audits.MapPost("/{auditId:int}/findings", AddFindingAsync).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Ajouter un constat");
        audits.MapPost("/{auditId:int}/findings/{findingId:int}/action", CreateActionAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Transformer un constat en action (pré-remplie, liée dans les deux sens)")
            .WithDescription("201 avec l'action créée ; 200 avec l'action existante si le constat en a déjà une ; 422 pour un point fort.");
    }

    private static async Task<Results<Ok<List<AuditDto>>, ProblemHttpResult>> ListAsync(string code, CurrentStructure here, AppDbContext db, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var audits = await db.Set<Audit>().AsNoTracking().Where(a => a.StructureId == structure.Id)
            .Include(a => a.Referential).Include(a => a.AuditorAccount).Include(a => a.Modules).ThenInclude(m => m.Module).Include(a => a.Services).ThenInclude(s => s.Service)
            .Include(a => a.Findings).ThenInclude(f => f.Engagement).Include(a => a.Findings).ThenInclude(f => f.Service)
            .AsSplitQuery().OrderByDescending(a => a.StartDate).ToListAsync(cancellationToken);
        return TypedResults.Ok(audits.Select(a => ToDto(a, code, links)).ToList());
    }

    private static async Task<Results<Ok<AuditDto>, ProblemHttpResult>> GetAsync(string code, int auditId, CurrentStructure here, AuditEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var audit = await editor.FindAsync(structure.Id, auditId, cancellationToken);
        return audit is null ? UnknownAudit(auditId) : TypedResults.Ok(ToDto(audit, code, links));
    }

    private static async Task<Results<Created<AuditDto>, ProblemHttpResult>> CreateAsync(string code, AuditInput input, HttpContext http, CurrentStructure here, AuditEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var (audit, problem) = await SaveAsync(code, null, input, here, editor, links, cancellationToken);
        return audit is null ? problem! : TypedResults.Created(links.GetPathByName(http, AuditRoute, new { code, auditId = audit.Id }), audit);
    }

    private static async Task<Results<Ok<AuditDto>, ProblemHttpResult>> UpdateAsync(string code, int auditId, AuditInput input, CurrentStructure here, AuditEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var (audit, problem) = await SaveAsync(code, auditId, input, here, editor, links, cancellationToken);
        return audit is null ? problem! : TypedResults.Ok(audit);
    }

    private static async Task<(AuditDto? Audit, ProblemHttpResult? Problem)> SaveAsync(string code, int? auditId, AuditInput input, CurrentStructure here, AuditEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        Audit? audit;
        List<FieldError> errors;
        try
        {
            (audit, errors) = await editor.SaveAsync(structure.Id, auditId, input, cancellationToken);
        }
        catch (StaleVersionException stale)
        {
            var current = await editor.FindAsync(structure.Id, auditId!.Value, cancellationToken);
            return (null, Versions.Conflict(stale, "cet audit", current is null ? null : ToDto(current, code, links)));
        }
        if (audit is null)
        {
            return (null, errors.Any(e => e.Field == "id") ? UnknownAudit(auditId!.Value) : Problems.Validation(errors));
        }
        return (ToDto((await editor.FindAsync(structure.Id, audit.Id, cancellationToken))!, code, links), null);
    }

    private static async Task<Results<Ok<AuditDto>, ProblemHttpResult>> UploadReportAsync(string code, int auditId, IFormFile? file, CurrentStructure here, AuditEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var errors = await editor.AttachReportAsync(structure.Id, auditId, file, cancellationToken);
        if (errors.Count > 0)
        {
            return errors.Any(e => e.Field == "id") ? UnknownAudit(auditId) : Problems.Validation(errors);
        }
        return TypedResults.Ok(ToDto((await editor.FindAsync(structure.Id, auditId, cancellationToken))!, code, links));
    }

    private static async Task<IResult> DownloadReportAsync(string code, int auditId, CurrentStructure here, AuditEditor editor, IFileStore files, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var audit = await editor.FindAsync(structure.Id, auditId, cancellationToken);
        if (audit?.ReportKey is null)
        {
            return Problems.NotFound(audit is null ? $"Aucun audit n'a l'identifiant {auditId} dans cette structure." : "Le rapport de cet audit n'a pas été déposé.");
        }
        return TypedResults.File(files.OpenRead(audit.ReportKey), FileTypes.Of(audit.ReportFileName), audit.ReportFileName);
    }

    private static async Task<Results<Created<FindingDto>, ProblemHttpResult>> AddFindingAsync(string code, int auditId, FindingInput input, HttpContext http,
        CurrentStructure here, AuditEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var named = await editor.FindAsync(structure.Id, auditId, cancellationToken);
        if (named is null)
        {
            return UnknownAudit(auditId);
        }
        var level = (here.Scope).LevelFor(structure);
        if (!AuditEditor.MayRecordFindings(level, http.User.FindFirstValue(ClaimTypes.NameIdentifier), named))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Problems.Title(403),
                detail: "Seuls le référent qualité et l'auditeur dont cet audit nomme le compte y enregistrent des constats.");
        }
        var (finding, errors) = await editor.AddFindingAsync(structure.Id, auditId, input, cancellationToken);
        if (finding is null)
        {
            return errors.Any(e => e.Field == "id") ? UnknownAudit(auditId) : Problems.Validation(errors);
        }
        var audit = await editor.FindAsync(structure.Id, auditId, cancellationToken);
        return TypedResults.Created(links.GetPathByName(http, AuditRoute, new { code, auditId }), ToDto(audit!.Findings.First(f => f.Id == finding.Id), code, links));
    }

    private static async Task<Results<Created<ActionPlanApi.ActionDto>, Ok<ActionPlanApi.ActionDto>, ProblemHttpResult>> CreateActionAsync(string code, int auditId, int findingId,
        HttpContext http, CurrentStructure here, AuditEditor editor, AppDbContext db, ActionOriginLinks origins, LinkGenerator links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var existing = await db.Set<AuditFinding>().AsNoTracking()
            .Where(f => f.StructureId == structure.Id && f.AuditId == auditId && f.Id == findingId).Select(f => f.ActionId).FirstOrDefaultAsync(cancellationToken);
        var (action, errors) = await editor.CreateActionAsync(structure, here.Scope, auditId, findingId, cancellationToken);
        if (action is null)
        {
            return errors.Any(e => e.Field == "findingId") ? Problems.NotFound($"Aucun constat {findingId} dans l'audit {auditId}.") : Problems.Validation(errors);
        }
        var stored = await db.Set<ImprovementAction>().AsNoTracking()
            .Include(a => a.Service).Include(a => a.Engagements).ThenInclude(e => e.Engagement).ThenInclude(e => e.Referential)
            .AsSplitQuery().FirstAsync(a => a.Id == action.Id, cancellationToken);
        var dto = ActionPlanApi.ToDto(stored, code, clock.Today(), await origins.ForAsync(code, stored, cancellationToken), links);
        return existing is null ? TypedResults.Created(links.GetPathByName(http, ActionPlanApi.ActionRoute, new { code, actionId = action.Id }), dto) : TypedResults.Ok(dto);
    }

    private static ProblemHttpResult UnknownAudit(int auditId) => Problems.NotFound($"Aucun audit n'a l'identifiant {auditId} dans cette structure.");

    private static FindingDto ToDto(AuditFinding f, string code, LinkGenerator links) =>
        new(f.Id, f.Type, f.EngagementId, f.Engagement?.Number, f.Service?.Code, f.Description, f.ActionId,
            links.GetPathByPage("/Audits/Details", values: new { code, auditId = f.AuditId }, fragment: new FragmentString($"#constat-{f.Id}"))!);

    private static AuditDto ToDto(Audit a, string code, LinkGenerator links) => new(
        a.Id, a.Kind, a.Body, a.ReferentialId, a.Referential.Label, a.StartDate, a.EndDate, a.Auditors, a.AuditorAccount?.Email, a.Conclusion,
        a.Modules.Select(m => m.Module.Number).Order().ToList(),
        a.Services.Select(s => s.Service.Code).Order().ToList(),
        a.ReportKey is null ? null : new ReportDto(a.ReportFileName!, a.ReportContentType!, a.ReportLength!.Value, a.ReportSha256!, a.ReportUploadedAt!.Value,
            links.GetPathByName(ReportRoute, new { code, auditId = a.Id })!),
        AuditSummary.ByType(a.Findings).Select(c => new FindingCountDto(c.Type, c.Count, c.WithAction)).ToList(),
        a.Findings.OrderBy(f => f.Engagement?.Number).ThenBy(f => f.Type).Select(f => ToDto(f, code, links)).ToList(), a.Version);
}
