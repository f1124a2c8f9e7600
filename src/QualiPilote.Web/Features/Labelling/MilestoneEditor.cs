using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Labelling;

public sealed class MilestoneInput
{
    [Required, Display(Name = "Étape")]
    public MilestoneKind? Kind { get; set; }

    [StringLength(300), Display(Name = "Intitulé")]
    public string? Title { get; set; }

    [Display(Name = "Date prévue"), PlausibleDate]
    public DateOnly? PlannedOn { get; set; }

    [Display(Name = "Date de réalisation"), PlausibleDate]
    public DateOnly? DoneOn { get; set; }

    [StringLength(1000), Display(Name = "Remarque")]
    public string? Note { get; set; }

    [Display(Name = "Audit correspondant")]
    public int? AuditId { get; set; }

    /// <summary>The version read before editing; required to modify, ignored to create.</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}

/// <summary>Keeps a structure's labelling timeline. Marking the label obtained computes its expiry
/// (<see cref="Milestone.LabelValidityYears"/> years later) as a milestone of its own, kept in step.</summary>
public sealed class MilestoneEditor(AppDbContext db, IMilestoneAudits audits, TimeProvider clock)
{
    public Task<List<Milestone>> ListAsync(int structureId, CancellationToken cancellationToken = default) =>
        db.Set<Milestone>().AsNoTracking()
            .Where(m => m.StructureId == structureId)
            .OrderBy(m => m.DoneOn ?? m.PlannedOn).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Creates a milestone, or updates one if it is still at <see cref="MilestoneInput.Version"/>
    /// (otherwise <see cref="StaleVersionException"/>, nothing saved).</summary>
    public async Task<(Milestone? Milestone, List<FieldError> Errors)> SaveAsync(int structureId, int? milestoneId, MilestoneInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (input.PlannedOn is null && input.DoneOn is null)
        {
            errors.Add(new FieldError(null, "plannedOn", "indiquez la date prévue ou la date de réalisation."));
        }
        if (input.DoneOn > clock.Today())
        {
            errors.Add(new FieldError(null, "doneOn", "la date de réalisation ne peut pas être dans le futur : indiquez-la comme date prévue."));
        }
        if (input.Kind == MilestoneKind.LabelExpiry && input.DoneOn is not null)
        {
            errors.Add(new FieldError(null, "doneOn", "une échéance de label n'a pas de date de réalisation : c'est une date limite."));
        }
        if (input.AuditId is { } auditId && (await audits.ListAsync(structureId, cancellationToken)).All(a => a.Id != auditId))
        {
            errors.Add(new FieldError(null, "auditId", "cet audit n'appartient pas à cette structure."));
        }
        Milestone? milestone = null;
        if (milestoneId is { } id)
        {
            Versions.Require(input.Version, errors);
            milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == id && m.StructureId == structureId, cancellationToken);
            if (milestone is null)
            {
                errors.Add(new FieldError(null, "id", "étape introuvable."));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        if (milestone is null)
        {
            milestone = new Milestone { StructureId = structureId };
            db.Add(milestone);
        }
        milestone.Kind = input.Kind!.Value;
        milestone.Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        milestone.PlannedOn = input.PlannedOn;
        milestone.DoneOn = input.DoneOn;
        milestone.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        milestone.AuditId = input.AuditId;
        await SyncExpiryAsync(milestone, cancellationToken);
        if (milestoneId is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.SaveIfCurrentAsync(milestone, input.Version, cancellationToken);
        }
        return (milestone, []);
    }

    public async Task<bool> DeleteAsync(int structureId, int milestoneId, CancellationToken cancellationToken = default)
    {
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == milestoneId && m.StructureId == structureId, cancellationToken);
        if (milestone is null)
        {
            return false;
        }
        db.RemoveRange(await db.Set<Milestone>().Where(m => m.DerivedFromId == milestoneId).ToListAsync(cancellationToken));
        db.Remove(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task SyncExpiryAsync(Milestone milestone, CancellationToken cancellationToken)
    {
        var expiry = milestone.Id == 0 ? null : await db.Set<Milestone>().FirstOrDefaultAsync(m => m.DerivedFromId == milestone.Id, cancellationToken);
        if (milestone.Kind != MilestoneKind.LabelObtained || milestone.DoneOn is null)
        {
            if (expiry is not null)
            {
                db.Remove(expiry);
            }
            return;
        }
        if (expiry is null)
        {
            expiry = new Milestone { StructureId = milestone.StructureId, Kind = MilestoneKind.LabelExpiry, DerivedFrom = milestone };
            db.Add(expiry);
        }
        expiry.FollowLabel(milestone.DoneOn.Value);
    }
}
