using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Structures;

/// <summary>Creates structures and services, with the rules a form and the API share.</summary>
public sealed class StructureEditor(AppDbContext db)
{
    public async Task<(Structure? Structure, List<FieldError> Errors)> CreateAsync(StructureInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        Structure? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            parent = await db.Structures.FirstOrDefaultAsync(s => s.Code == input.ParentCode, cancellationToken);
            if (parent is null)
            {
                errors.Add(new FieldError(null, "parentCode", $"aucune structure n'a le code « {input.ParentCode} »."));
            }
            else if (parent.Type != StructureType.Prefecture)
            {
                errors.Add(new FieldError(null, "parentCode", "seule une préfecture regroupe d'autres structures."));
            }
            else if (input.Type == StructureType.Prefecture)
            {
                errors.Add(new FieldError(null, "parentCode", "une préfecture n'est rattachée à aucune autre structure."));
            }
        }
        if (input.Code is not null && await db.Structures.AnyAsync(s => s.Code == input.Code, cancellationToken))
        {
            errors.Add(new FieldError(null, "code", $"le code « {input.Code} » est déjà utilisé."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var structure = new Structure
        {
            Code = input.Code!,
            Name = input.Name!.Trim(),
            Type = input.Type!.Value,
            Department = input.Department!,
            Parent = parent,
        };
        db.Structures.Add(structure);
        await db.SaveChangesAsync(cancellationToken);
        return (structure, errors);
    }

    public async Task<(Service? Service, List<FieldError> Errors)> AddServiceAsync(int structureId, ServiceInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        var code = input.Code?.Trim().ToUpperInvariant();
        if (code is not null && await db.Services.AnyAsync(s => s.StructureId == structureId && s.Code == code, cancellationToken))
        {
            errors.Add(new FieldError(null, "code", $"le service « {code} » existe déjà dans cette structure."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var service = new Service { StructureId = structureId, Code = code!, Name = input.Name!.Trim() };
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return (service, errors);
    }
}
