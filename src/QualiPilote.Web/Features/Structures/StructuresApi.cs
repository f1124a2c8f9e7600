using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Structures;

public static class StructuresApi
{
    /// <summary>The names of the endpoints that answer one structure and its services: the Location of a 201 points at them.</summary>
    public const string StructureRoute = "GetStructure";
    public const string ServicesRoute = "ListServices";

    public sealed record StructureDto(string Code, string Name, StructureType Type, string Department, string? ParentCode);
    public sealed record ServiceDto(string Code, string Name);
    public sealed record StructureDetailsDto(string Code, string Name, StructureType Type, string Department, string? ParentCode, IReadOnlyList<string> Groups, IReadOnlyList<ServiceDto> Services);
    public sealed record PerimeterModuleDto(int Number, string Title, bool Mandatory, IReadOnlyList<string> Services);
    public sealed record PerimeterDto(int ReferentialId, string Referential, string ReferentialVersion, DateOnly DecidedOn, string DecidedBy, IReadOnlyList<PerimeterModuleDto> Modules, string? Warning, int Version);

    public static void MapStructuresApi(this RouteGroupBuilder api)
    {
        var structures = api.MapGroup("/structures").WithTags("Structures");
        structures.MapGet("/", ListAsync).WithSummary("Structures visibles par l'utilisateur");
        structures.MapPost("/", CreateAsync).RequireAuthorization(Policies.NationalAdmin).WithSummary("Créer une structure (administrateur national)");
        structures.MapGet("/{code}", GetAsync).WithName(StructureRoute).WithStructure().RequireAuthorization(Policies.StructureAuditRead).WithSummary("Une structure et ses services");
        var structure = api.MapStructureGroup("").WithTags("Structures");
        structure.MapGet("/services", ListServicesAsync).WithName(ServicesRoute).RequireAuthorization(Policies.StructureRead).WithSummary("Services d'une structure");
        structure.MapPost("/services", AddServiceAsync).RequireAuthorization(Policies.StructureManage).WithSummary("Ajouter un service");
        structure.MapGet("/perimeter", GetPerimeterAsync).RequireAuthorization(Policies.StructureAuditRead).WithSummary("Périmètre de labellisation, par version de référentiel");
        structure.MapPut("/perimeter", SavePerimeterAsync).RequireAuthorization(Policies.StructureManage).WithSummary("Enregistrer le périmètre pour une version de référentiel");
    }

    private static async Task<Ok<List<StructureDto>>> ListAsync(HttpContext http, StructureAccess access)
    {
        var visible = await access.VisibleStructuresAsync(http.User, http.RequestAborted);
        var list = await visible.AsNoTracking().OrderBy(s => s.Department).ThenBy(s => s.Code)
            .Select(s => new StructureDto(s.Code, s.Name, s.Type, s.Department, s.Parent == null ? null : s.Parent.Code))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<StructureDto>, ProblemHttpResult>> CreateAsync(StructureInput input, HttpContext http, StructureEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var (structure, errors) = await editor.CreateAsync(input, cancellationToken);
        if (structure is null)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Created(links.GetPathByName(http, StructureRoute, new { code = structure.Code }),
            new StructureDto(structure.Code, structure.Name, structure.Type, structure.Department, structure.Parent?.Code));
    }

    private static async Task<Ok<StructureDetailsDto>> GetAsync(CurrentStructure here, AppDbContext db, CancellationToken cancellationToken)
    {
        // The details need the parent, children and services the lookup did not load.
        var structure = await db.Structures.AsNoTracking()
            .Include(s => s.Parent).Include(s => s.Children).Include(s => s.Services.OrderBy(x => x.Code))
            .AsSplitQuery()
            .SingleAsync(s => s.Id == here.Structure.Id, cancellationToken);
        return TypedResults.Ok(new StructureDetailsDto(structure.Code, structure.Name, structure.Type, structure.Department, structure.Parent?.Code,
            structure.Children.Select(c => c.Code).Order().ToList(),
            structure.Services.Select(s => new ServiceDto(s.Code, s.Name)).ToList()));
    }

    private static async Task<Results<Ok<List<ServiceDto>>, ProblemHttpResult>> ListServicesAsync(string code, CurrentStructure here, AppDbContext db, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var services = await db.Services.AsNoTracking().Where(s => s.StructureId == structure.Id).OrderBy(s => s.Code)
            .Select(s => new ServiceDto(s.Code, s.Name)).ToListAsync(cancellationToken);
        return TypedResults.Ok(services);
    }

    private static async Task<Results<Created<ServiceDto>, ProblemHttpResult>> AddServiceAsync(string code, ServiceInput input, HttpContext http, CurrentStructure here, StructureEditor editor, LinkGenerator links, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var (service, errors) = await editor.AddServiceAsync(structure.Id, input, cancellationToken);
        if (service is null)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Created(links.GetPathByName(http, ServicesRoute, new { code }), new ServiceDto(service.Code, service.Name));
    }

    private static async Task<Results<Ok<List<PerimeterDto>>, ProblemHttpResult>> GetPerimeterAsync(string code, CurrentStructure here, PerimeterEditor perimeters, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var list = await perimeters.ListAsync(structure.Id, cancellationToken);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<List<PerimeterDto>>, ProblemHttpResult>> SavePerimeterAsync(string code, PerimeterInput input, CurrentStructure here, PerimeterEditor perimeters, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        List<FieldError> errors;
        try
        {
            errors = await perimeters.SaveAsync(structure.Id, input, cancellationToken);
        }
        catch (StaleVersionException stale)
        {
            var current = (await perimeters.ListAsync(structure.Id, cancellationToken)).FirstOrDefault(p => p.ReferentialId == input.ReferentialId);
            return Versions.Conflict(stale, "ce périmètre", current is null ? null : ToDto(current));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var list = await perimeters.ListAsync(structure.Id, cancellationToken);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static PerimeterDto ToDto(Perimeter perimeter)
    {
        var modules = perimeter.Referential.Modules.ToDictionary(m => m.Id);
        return new PerimeterDto(perimeter.ReferentialId, perimeter.Referential.Name, perimeter.Referential.Version, perimeter.DecidedOn, perimeter.DecidedBy,
            perimeter.Modules.Select(m => modules[m.ModuleId]).OrderBy(m => m.Number)
                .Select(m => new PerimeterModuleDto(m.Number, m.Title, m.IsMandatory,
                    perimeter.Modules.First(pm => pm.ModuleId == m.Id).Services.Select(s => s.Service.Code).Order().ToList()))
                .ToList(),
            PerimeterEditor.BusinessModuleWarning(perimeter), perimeter.Version);
    }
}
