using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Indicators;

public sealed class ValueInput
{
    /// <summary>Text, so that "74,53", "74.53" and "74,53 %" are all read.</summary>
    [StringLength(30), Display(Name = "Valeur")]
    public string? Value { get; set; }

    [StringLength(1000), Display(Name = "Commentaire")]
    public string? Comment { get; set; }

    /// <summary>The version of the entry read before editing; none when the period had no entry.</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}

public sealed class TargetInput
{
    [Required, Range(2000, 2100), Display(Name = "À partir de l'année")]
    public int? FromYear { get; set; }

    [StringLength(30), Display(Name = "Cible")]
    public string? Target { get; set; }

    [StringLength(30), Display(Name = "Seuil d'alerte")]
    public string? AlertThreshold { get; set; }

    /// <summary>The version of the target read before editing; none when this year had no target yet.</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}

public sealed class OwnIndicatorInput
{
    [Required, StringLength(60), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$"), Display(Name = "Code (minuscules et tirets, ex. delai-titres-sejour)")]
    public string? Code { get; set; }

    [Required, StringLength(200), Display(Name = "Libellé")]
    public string? Label { get; set; }

    [StringLength(1000), Display(Name = "Description")]
    public string? Description { get; set; }

    [Required, Display(Name = "Unité")]
    public IndicatorUnit? Unit { get; set; }

    [Required, Display(Name = "Périodicité")]
    public IndicatorPeriodicity? Periodicity { get; set; }

    [Required, Display(Name = "Sens")]
    public IndicatorDirection? Direction { get; set; }
}

/// <summary>What referents change about indicators: hand-entered values and comments, local targets, publication, their own
/// indicators; national targets for national administrators; and the "open an action" of an alert.</summary>
public sealed class IndicatorEditor(AppDbContext db, TimeProvider clock, ActionPlanEditor actions)
{
    /// <summary>Reads "88,2", "88.2", "88,20 %" and "1 234".</summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        var cleaned = (text ?? "").Replace("%", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.').Trim();
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static double? ParseOptional(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TryParseNumber(text, out var value))
        {
            return value;
        }
        errors.Add(new FieldError(null, field, $"« {text} » n'est pas un nombre (ex. 88,2)."));
        return null;
    }

    /// <summary>An indicator visible to the structure, by code: its own first, then the national catalogue.</summary>
    public Task<Indicator?> FindAsync(int structureId, string code, CancellationToken cancellationToken = default) =>
        db.Set<Indicator>().Include(i => i.NationalTargets)
            .Where(i => i.Code == code && (i.StructureId == null || i.StructureId == structureId))
            .OrderBy(i => i.StructureId == null)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<List<FieldError>> SaveValueAsync(Structure structure, Indicator indicator, string periodText, ValueInput input, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (!Period.TryParse(periodText, out var period))
        {
            errors.Add(new FieldError(null, "period", $"« {periodText} » n'est pas une période (2023, 2023-T2 ou 2023-05)."));
        }
        var value = ParseOptional(input.Value, "value", errors);
        if (value is { } v && indicator.Unit == IndicatorUnit.Percent && v is < 0 or > 100)
        {
            errors.Add(new FieldError(null, "value", "un pourcentage est compris entre 0 et 100."));
        }
        if (value is < 0)
        {
            errors.Add(new FieldError(null, "value", "la valeur ne peut pas être négative."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        var existing = await db.Set<IndicatorValue>()
            .FirstOrDefaultAsync(x => x.StructureId == structure.Id && x.IndicatorId == indicator.Id && x.Period == period.Key, cancellationToken);
        if (value is null && comment is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
            }
        }
        else
        {
            if (existing is null)
            {
                existing = new IndicatorValue { StructureId = structure.Id, IndicatorId = indicator.Id, Period = period.Key };
                db.Add(existing);
            }
            existing.Value = value;
            existing.Comment = comment;
            existing.EnteredBy = user.Identity?.Name ?? "système";
            existing.EnteredAt = clock.GetUtcNow().UtcDateTime;
        }
        await SaveAsync(existing, input.Version, cancellationToken);
        return [];
    }

    public async Task<List<FieldError>> SaveLocalTargetAsync(Structure structure, Indicator indicator, TargetInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        var target = ParseOptional(input.Target, "target", errors);
        var threshold = ParseOptional(input.AlertThreshold, "alertThreshold", errors);
        if (errors.Count > 0)
        {
            return errors;
        }
        var existing = await db.Set<LocalTarget>()
            .FirstOrDefaultAsync(t => t.StructureId == structure.Id && t.IndicatorId == indicator.Id && t.FromYear == input.FromYear, cancellationToken);
        if (target is null && threshold is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
            }
        }
        else
        {
            if (existing is null)
            {
                existing = new LocalTarget { StructureId = structure.Id, IndicatorId = indicator.Id, FromYear = input.FromYear!.Value };
                db.Add(existing);
            }
            existing.Target = target;
            existing.AlertThreshold = threshold;
        }
        await SaveAsync(existing, input.Version, cancellationToken);
        return [];
    }

    public async Task<List<FieldError>> SaveNationalTargetAsync(Indicator indicator, TargetInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        var target = ParseOptional(input.Target, "target", errors);
        if (indicator.StructureId is not null)
        {
            errors.Add(new FieldError(null, "target", "un indicateur propre à une structure n'a pas de cible nationale."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var existing = await db.Set<NationalTarget>().FirstOrDefaultAsync(t => t.IndicatorId == indicator.Id && t.FromYear == input.FromYear, cancellationToken);
        if (target is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
            }
        }
        else
        {
            if (existing is null)
            {
                existing = new NationalTarget { IndicatorId = indicator.Id, FromYear = input.FromYear!.Value };
                db.Add(existing);
            }
            existing.Value = target.Value;
        }
        await SaveAsync(existing, input.Version, cancellationToken);
        return [];
    }

    public async Task SetPublishedAsync(Structure structure, IReadOnlyCollection<int> indicatorIds, CancellationToken cancellationToken = default)
    {
        var visible = await db.Set<Indicator>().Where(i => i.StructureId == null || i.StructureId == structure.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var wanted = indicatorIds.Where(visible.Contains).ToHashSet();
        var current = await db.Set<PublishedIndicator>().Where(p => p.StructureId == structure.Id).ToListAsync(cancellationToken);
        db.RemoveRange(current.Where(p => !wanted.Contains(p.IndicatorId)));
        db.AddRange(wanted.Where(id => current.All(p => p.IndicatorId != id)).Select(id => new PublishedIndicator { StructureId = structure.Id, IndicatorId = id }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(Indicator? Indicator, List<FieldError> Errors)> CreateOwnAsync(Structure structure, OwnIndicatorInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count == 0 && await db.Set<Indicator>().AnyAsync(i => i.Code == input.Code && (i.StructureId == null || i.StructureId == structure.Id), cancellationToken))
        {
            errors.Add(new FieldError(null, "code", $"le code « {input.Code} » est déjà pris."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var indicator = new Indicator
        {
            StructureId = structure.Id,
            Code = input.Code!,
            Label = input.Label!.Trim(),
            Description = input.Description?.Trim(),
            Unit = input.Unit!.Value,
            Periodicity = input.Periodicity!.Value,
            Direction = input.Direction!.Value,
            Source = IndicatorSource.Manual,
            SortOrder = 1000,
        };
        db.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return (indicator, []);
    }

    /// <summary>Turns a value below target into an improvement action in one click; a second click finds the first action.
    /// The alert is recorded first, so that the action can point at it, and both are saved in one transaction.</summary>
    public async Task<(int? ActionId, List<FieldError> Errors)> OpenActionAsync(Structure structure, UserScope scope, IndicatorResult result,
        CancellationToken cancellationToken = default)
    {
        var indicator = result.Indicator;
        var existing = await db.Set<IndicatorAlert>()
            .FirstOrDefaultAsync(a => a.StructureId == structure.Id && a.IndicatorId == indicator.Id && a.Period == result.Period.Key, cancellationToken);
        if (existing?.ActionId is { } actionId)
        {
            return (actionId, []);
        }
        if (!result.NeedsAttention || result.Value is not { } value || result.Target is not { } target)
        {
            return (null, [new FieldError(null, "indicator", "cette valeur atteint sa cible : il n'y a pas d'alerte à traiter.")]);
        }
        var detail = $"{indicator.Label}, {result.Period.Label} : {Format(indicator, value)} (cible {Format(indicator, target)})";
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var alert = existing ?? db.Add(new IndicatorAlert { StructureId = structure.Id, IndicatorId = indicator.Id, Period = result.Period.Key }).Entity;
        alert.Value = value;
        alert.Target = target;
        alert.RaisedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var (action, errors) = await actions.CreateAsync(structure, scope, new ActionInput
        {
            Title = $"Redresser l'indicateur « {indicator.Label} » ({result.Period.Label})",
            Origin = ActionOrigin.IndicatorAlert,
            OriginDetail = detail,
        }, new OriginRef(OriginKind.IndicatorAlert, alert.Id), cancellationToken);
        if (action is null)
        {
            return (null, errors);
        }
        alert.ActionId = action.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (action.Id, []);
    }

    /// <summary>Values and targets are kept one per key (period, year): the version read guards the one stored, if any.</summary>
    private Task SaveAsync(IVersioned? stored, int? readVersion, CancellationToken cancellationToken) =>
        stored is null ? db.SaveChangesAsync(cancellationToken) : db.SaveIfCurrentAsync(stored, readVersion, cancellationToken);

    public static string Format(Indicator indicator, double? value) => indicator.Unit switch
    {
        IndicatorUnit.Percent => Fr.Percent(value),
        IndicatorUnit.Days => value is null ? "–" : $"{Fr.Number(value.Value, 1)} j",
        _ => value is null ? "–" : Fr.Number(value.Value),
    };
}
