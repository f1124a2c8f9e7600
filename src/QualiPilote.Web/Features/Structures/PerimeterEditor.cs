using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Structures;

/// <summary>Reads and saves a structure's labelling perimeter. Mandatory modules are always part of it;
/// services must belong to the structure (a forged service code of another structure is refused).</summary>
public sealed class PerimeterEditor(AppDbContext db)
{
    public Task<List<Perimeter>> ListAsync(int structureId, CancellationToken cancellationToken = default) =>
        db.Perimeters.AsNoTracking()
            .Where(p => p.StructureId == structureId)
            .Include(p => p.Referential).ThenInclude(r => r.Modules)
            .Include(p => p.Modules).ThenInclude(m => m.Services).ThenInclude(s => s.Service)
            .AsSplitQuery()
            .OrderByDescending(p => p.Referential.EffectiveFrom)
            .ToListAsync(cancellationToken);

    /// <summary>The warning shown beside a perimeter whose number of "métier" modules differs from what the referential asks.</summary>
    public static string? BusinessModuleWarning(Perimeter perimeter)
    {
        var required = perimeter.Referential.RequiredBusinessModules;
        var chosen = perimeter.Modules.Count(m => !perimeter.Referential.Modules.First(x => x.Id == m.ModuleId).IsMandatory);
        return required > 0 && chosen != required
            ? $"Le référentiel {perimeter.Referential.Label} demande {Fr.Count(required, "module")} métier ; ce périmètre en retient {chosen}."
            : null;
    }

    /// <summary>Creates the perimeter of a referential version, or updates it if it is still at
    /// <see cref="PerimeterInput.Version"/> (otherwise <see cref="StaleVersionException"/>, nothing saved).</summary>
    public async Task<List<FieldError>> SaveAsync(int structureId, PerimeterInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        var referential = await db.Referentials.Include(r => r.Modules).FirstOrDefaultAsync(r => r.Id == input.ReferentialId, cancellationToken);
        if (referential is null)
        {
            return [new FieldError(null, "referentialId", "référentiel inconnu.")];
        }
        var services = await db.Services.Where(s => s.StructureId == structureId).ToDictionaryAsync(s => s.Code, cancellationToken);
        foreach (var (moduleNumber, serviceCodes) in input.Modules)
        {
            if (referential.Modules.All(m => m.Number != moduleNumber))
            {
                errors.Add(new FieldError(null, "modules", $"le module {moduleNumber} n'existe pas dans {referential.Label}."));
            }
            errors.AddRange(serviceCodes.Where(code => !services.ContainsKey(code))
                .Select(code => new FieldError(null, "modules", $"module {moduleNumber} : le service « {code} » n'appartient pas à cette structure.")));
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var perimeter = await db.Perimeters.Include(p => p.Modules).ThenInclude(m => m.Services)
            .FirstOrDefaultAsync(p => p.StructureId == structureId && p.ReferentialId == referential.Id, cancellationToken);
        var isNew = perimeter is null;
        if (perimeter is null)
        {
            perimeter = new Perimeter { StructureId = structureId, ReferentialId = referential.Id };
            db.Perimeters.Add(perimeter);
        }
        else if (input.Version is null)
        {
            Versions.Require(input.Version, errors);
            return errors;
        }
        perimeter.DecidedOn = input.DecidedOn!.Value;
        perimeter.DecidedBy = input.DecidedBy!.Trim();

        var wanted = referential.Modules
            .Where(m => m.IsMandatory || input.Modules.ContainsKey(m.Number))
            .ToDictionary(m => m.Id, m => input.Modules.GetValueOrDefault(m.Number) ?? []);
        foreach (var dropped in perimeter.Modules.Where(m => !wanted.ContainsKey(m.ModuleId)).ToList())
        {
            perimeter.Modules.Remove(dropped);
        }
        foreach (var (moduleId, serviceCodes) in wanted)
        {
            var module = perimeter.Modules.FirstOrDefault(m => m.ModuleId == moduleId);
            if (module is null)
            {
                module = new PerimeterModule { StructureId = structureId, ModuleId = moduleId };
                perimeter.Modules.Add(module);
            }
            var serviceIds = serviceCodes.Distinct().Select(code => services[code].Id).ToHashSet();
            module.Services.RemoveAll(s => !serviceIds.Contains(s.ServiceId));
            module.Services.AddRange(serviceIds.Where(id => module.Services.All(s => s.ServiceId != id))
                .Select(id => new PerimeterModuleService { StructureId = structureId, ServiceId = id }));
        }
        if (isNew)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.SaveIfCurrentAsync(perimeter, input.Version, cancellationToken);
        }
        return [];
    }
}
