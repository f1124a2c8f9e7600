using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Registers;

public sealed class DeadlineInput
{
    [Required, Display(Name = "Canal")]
    public CorrespondenceChannel? Channel { get; set; }

    [Required, Display(Name = "Applicable aux éléments reçus à partir du"), PlausibleDate]
    public DateOnly? EffectiveFrom { get; set; }

    [Required, Range(1, 365), Display(Name = "Délai (jours)")]
    public int? Days { get; set; }

    [Display(Name = "Compter en jours ouvrés (hors samedis, dimanches et jours fériés)")]
    public bool WorkingDays { get; set; } = true;

    /// <summary>The version of the deadline of this channel and date read before editing; none if there was none.</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}

/// <summary>Sets or removes a response deadline, then recomputes the due date of the items it governs and their tallies,
/// so that rates follow the rule in force on each item's reception date.</summary>
public sealed class DeadlineEditor(AppDbContext db, RegisterLock registerLock, IRegisterTallies tallies)
{
    public async Task<List<FieldError>> SaveAsync(Structure structure, DeadlineInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        var rule = await db.Set<ResponseDeadline>().FirstOrDefaultAsync(d => d.StructureId == structure.Id && d.Channel == input.Channel && d.EffectiveFrom == input.EffectiveFrom, cancellationToken);
        if (rule is null)
        {
            rule = new ResponseDeadline { StructureId = structure.Id, Channel = input.Channel!.Value, EffectiveFrom = input.EffectiveFrom!.Value };
            db.Add(rule);
        }
        rule.Days = input.Days!.Value;
        rule.WorkingDays = input.WorkingDays;
        await db.SaveIfCurrentAsync(rule, input.Version, cancellationToken);
        await RecomputeAsync(structure.Id, rule.Channel, rule.EffectiveFrom, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    public async Task<bool> DeleteAsync(Structure structure, int id, CancellationToken cancellationToken = default)
    {
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        var rule = await db.Set<ResponseDeadline>().FirstOrDefaultAsync(d => d.StructureId == structure.Id && d.Id == id, cancellationToken);
        if (rule is null)
        {
            return false;
        }
        db.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAsync(structure.Id, rule.Channel, rule.EffectiveFrom, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task RecomputeAsync(int structureId, CorrespondenceChannel channel, DateOnly from, CancellationToken cancellationToken)
    {
        var deadlines = await DeadlineCalculator.LoadAsync(db, structureId, cancellationToken);
        var items = db.Set<CorrespondenceItem>().Where(i => i.StructureId == structureId && i.ReceivedOn >= from && i.Channel == channel);
        var dates = await items.Select(i => i.ReceivedOn).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
        foreach (var date in dates)
        {
            var due = deadlines.DueOn(channel, date);
            await items.Where(i => i.ReceivedOn == date && i.DueOn != due).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueOn, due), cancellationToken);
        }
        if (dates.Count > 0)
        {
            await tallies.RebuildCorrespondenceAsync(structureId, new DateOnly(dates[0].Year, dates[0].Month, 1),
                new DateOnly(dates[^1].Year, dates[^1].Month, 1), cancellationToken);
        }
    }
}
