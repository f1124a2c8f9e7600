using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Sets the national SP+ target of a year (national administrators).</summary>
public sealed class SpPlusTargetEditor(AppDbContext db)
{
    /// <summary>Sets a year's target. <paramref name="version"/> is the version of the year's target read before editing,
    /// null if the year had none; a stale one throws <see cref="StaleVersionException"/>.</summary>
    public async Task<(SpPlusTarget? Target, List<FieldError> Errors)> SaveAsync(int year, double? percent, string? source, int? version, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (year is < 2020 or > 2100)
        {
            errors.Add(new FieldError(null, "year", $"{year} : année entre 2020 et 2100 attendue."));
        }
        if (percent is null or < 0 or > 100 || double.IsNaN(percent.Value))
        {
            errors.Add(new FieldError(null, "percent", "cible en pourcentage attendue, entre 0 et 100."));
        }
        if (source?.Length > 500)
        {
            errors.Add(new FieldError(null, "source", "500 caractères au plus."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var target = await db.Set<SpPlusTarget>().FirstOrDefaultAsync(t => t.Year == year, cancellationToken);
        if (target is null)
        {
            target = new SpPlusTarget { Year = year };
            db.Add(target);
        }
        target.Percent = percent!.Value;
        target.Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        await db.SaveIfCurrentAsync(target, version, cancellationToken);
        return (target, errors);
    }

    public async Task<bool> DeleteAsync(int year, CancellationToken cancellationToken = default)
    {
        var target = await db.Set<SpPlusTarget>().FirstOrDefaultAsync(t => t.Year == year, cancellationToken);
        if (target is null)
        {
            return false;
        }
        db.Remove(target);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
