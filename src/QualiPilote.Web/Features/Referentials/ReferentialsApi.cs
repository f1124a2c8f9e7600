using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Referentials;

public static class ReferentialsApi
{
    public sealed record ReferentialSummaryDto(int Id, string Code, string Name, string Version, DateOnly EffectiveFrom, int Modules, int Engagements);
    public sealed record RequirementDto(int Number, string Text, bool OfficialTextMissing);
    public sealed record EngagementDto(int Number, string Text, bool OfficialTextMissing, IReadOnlyList<RequirementDto> Requirements, IReadOnlyList<int> SpPlus, int Version);
    public sealed record ModuleDto(int Number, string Title, bool Mandatory, bool OfficialTextMissing, IReadOnlyList<EngagementDto> Engagements);
    public sealed record ReferentialDto(int Id, string Code, string Name, string Version, DateOnly EffectiveFrom, int RequiredBusinessModules, string? Notice, IReadOnlyList<ModuleDto> Modules);
    public sealed record SpPlusEngagementDto(int ReferentialId, string Referential, int Number);
    public sealed record SpPlusDto(int Number, string Text, IReadOnlyList<SpPlusEngagementDto> Engagements, int Version);
    public sealed record SpPlusMappingInput(int? ReferentialId, List<int>? Engagements, int? Version = null);

    public static void MapReferentialsApi(this RouteGroupBuilder api)
    {
        var referentials = api.MapGroup("/referentials").WithTags("Référentiels");
        referentials.MapGet("/", ListAsync).WithSummary("Versions de référentiels");
        referentials.MapGet("/{id:int}", GetAsync).WithSummary("Un référentiel : modules, engagements, sous-engagements");
        referentials.MapGet("/{id:int}/export", ExportAsync).WithSummary("Exporter un référentiel (format=yaml, json ou xlsx)");
        referentials.MapPost("/import", ImportAsync).RequireAuthorization(Policies.NationalAdmin).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReferentialImporter.MaxFileBytes + (1 << 20)))
            .WithSummary("Importer un référentiel (administrateur national)")
            .WithDescription("Fichier .yaml, .json ou .xlsx. Pour Excel, précisez code, version et, pour une nouvelle version, name et effectiveFrom. Tout ou rien : 422 avec la liste des erreurs, rien n'est enregistré.");
        referentials.MapPut("/{id:int}/engagements/{number:int}", SaveEngagementAsync).RequireAuthorization(Policies.NationalAdmin)
            .WithSummary("Corriger un engagement et ses sous-engagements (administrateur national)");

        var spPlus = api.MapGroup("/sp-plus").WithTags("Services Publics +");
        spPlus.MapGet("/", ListSpPlusAsync).WithSummary("Les 8 engagements Services Publics + et leurs correspondances");
        spPlus.MapPut("/{number:int}/mapping", SaveSpPlusMappingAsync).RequireAuthorization(Policies.NationalAdmin)
            .WithSummary("Remplacer les correspondances d'un engagement SP+ pour une version de référentiel (administrateur national)");
    }

    private static async Task<Ok<List<ReferentialSummaryDto>>> ListAsync(AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Referentials.AsNoTracking().OrderBy(r => r.Name).ThenByDescending(r => r.EffectiveFrom)
            .Select(r => new ReferentialSummaryDto(r.Id, r.Code, r.Name, r.Version, r.EffectiveFrom, r.Modules.Count, r.Modules.SelectMany(m => m.Engagements).Count()))
            .ToListAsync(cancellationToken));

    private static async Task<Results<Ok<ReferentialDto>, ProblemHttpResult>> GetAsync(int id, ReferentialExporter exporter, AppDbContext db, CancellationToken cancellationToken)
    {
        var referential = await exporter.LoadAsync(id, cancellationToken);
        if (referential is null)
        {
            return Problems.NotFound($"Aucun référentiel n'a l'identifiant {id}.");
        }
        var spPlus = await db.SpPlusMappings.AsNoTracking().Where(m => m.Engagement.ReferentialId == id)
            .Select(m => new { m.EngagementId, m.SpPlusCommitment.Number }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ReferentialDto(referential.Id, referential.Code, referential.Name, referential.Version, referential.EffectiveFrom,
            referential.RequiredBusinessModules, referential.Notice,
            referential.Modules.Select(m => new ModuleDto(m.Number, m.Title, m.IsMandatory, m.OfficialTextMissing,
                m.Engagements.Select(e => new EngagementDto(e.Number, e.Text, e.OfficialTextMissing,
                    e.Requirements.Select(r => new RequirementDto(r.Number, r.Text, r.OfficialTextMissing)).ToList(),
                    spPlus.Where(s => s.EngagementId == e.Id).Select(s => s.Number).Order().ToList(), e.Version)).ToList())).ToList()));
    }

    private static async Task<IResult> ExportAsync(int id, string? format, ReferentialExporter exporter, HttpContext http)
    {
        format = (format ?? "yaml").ToLowerInvariant();
        if (!ReferentialExporter.ContentTypes.TryGetValue(format, out var contentType))
        {
            return Problems.Validation([new FieldError(null, "format", $"« {format} » : yaml, json ou xlsx attendu.")]);
        }
        var referential = await exporter.LoadAsync(id, http.RequestAborted);
        if (referential is null)
        {
            return Problems.NotFound($"Aucun référentiel n'a l'identifiant {id}.");
        }
        return Results.Stream(stream => ReferentialExporter.WriteAsync(referential, format, stream, http.RequestAborted),
            contentType, ReferentialExporter.FileName(referential, format));
    }

    private static async Task<IResult> ImportAsync(IFormFile? file, [FromForm] string? code, [FromForm] string? name, [FromForm] string? version,
        [FromForm] string? effectiveFrom, ReferentialImporter importer, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.Validation([new FieldError(null, "file", "joignez un fichier .yaml, .json ou .xlsx (champ « file »).")]);
        }
        if (file.Length > ReferentialImporter.MaxFileBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: ReferentialImporter.TooLarge(file.Length));
        }
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(effectiveFrom))
        {
            if (!FrenchDates.TryParse(effectiveFrom, out var parsed))
            {
                return Problems.Validation([new FieldError(null, "effectiveFrom", $"« {effectiveFrom} » n'est pas une date (2024-02-01 ou 01/02/2024).")]);
            }
            date = parsed;
        }
        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(stream, file.FileName, new ReferentialTarget(code, name, version, date), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Summary) : Problems.Validation(result.Errors);
    }

    private static async Task<Results<Ok<EngagementDto>, ProblemHttpResult>> SaveEngagementAsync(int id, int number, EngagementInput input, ReferentialEditor editor,
        HttpContext http, CancellationToken cancellationToken)
    {
        var engagement = await editor.FindEngagementAsync(id, number, cancellationToken);
        if (engagement is null)
        {
            return Problems.NotFound($"Aucun engagement n° {number} dans le référentiel {id}.");
        }
        List<FieldError> errors;
        try
        {
            errors = await editor.SaveEngagementAsync(engagement, input, http.User.DisplayName(), cancellationToken);
        }
        catch (StaleVersionException stale)
        {
            var current = await editor.FindEngagementAsync(id, number, cancellationToken);
            return Versions.Conflict(stale, "cet engagement", current is null ? null : ToDto(current));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Ok(ToDto(engagement));
    }

    private static EngagementDto ToDto(Engagement engagement) => new(engagement.Number, engagement.Text, engagement.OfficialTextMissing,
        engagement.Requirements.OrderBy(r => r.Number).Select(r => new RequirementDto(r.Number, r.Text, r.OfficialTextMissing)).ToList(),
        engagement.SpPlusMappings.Select(m => m.SpPlusCommitment.Number).Order().ToList(), engagement.Version);

    private static async Task<Ok<List<SpPlusDto>>> ListSpPlusAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var commitments = await db.SpPlusCommitments.AsNoTracking()
            .Include(c => c.Mappings).ThenInclude(m => m.Engagement).ThenInclude(e => e.Referential)
            .OrderBy(c => c.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(commitments.Select(c => new SpPlusDto(c.Number, c.Text,
            c.Mappings.OrderBy(m => m.Engagement.Number)
                .Select(m => new SpPlusEngagementDto(m.Engagement.ReferentialId, m.Engagement.Referential.Label, m.Engagement.Number)).ToList(), c.Version)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SaveSpPlusMappingAsync(int number, SpPlusMappingInput input, ReferentialEditor editor,
        AppDbContext db, CancellationToken cancellationToken)
    {
        if (input.ReferentialId is null || input.Engagements is null)
        {
            return Problems.Validation([new FieldError(null, "referentialId", "referentialId et engagements sont obligatoires.")]);
        }
        try
        {
            var errors = await editor.SaveSpPlusMappingAsync(number, input.ReferentialId.Value, input.Engagements, input.Version, cancellationToken);
            return errors.Count > 0 ? Problems.Validation(errors) : TypedResults.NoContent();
        }
        catch (StaleVersionException stale)
        {
            var current = await db.SpPlusCommitments.AsNoTracking().Where(c => c.Number == number)
                .Select(c => new
                {
                    c.Number,
                    c.Version,
                    Engagements = c.Mappings.Where(m => m.Engagement.ReferentialId == input.ReferentialId).Select(m => m.Engagement.Number).OrderBy(n => n).ToList(),
                }).FirstOrDefaultAsync(cancellationToken);
            return Versions.Conflict(stale, "ces correspondances", current);
        }
    }
}
