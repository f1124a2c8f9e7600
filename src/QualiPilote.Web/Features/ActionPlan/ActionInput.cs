using System.ComponentModel.DataAnnotations;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The fields of an action that both its creation and its updates carry.</summary>
public abstract class ActionFields
{
    [Required, StringLength(300), Display(Name = "Intitulé de l'action")]
    public string? Title { get; set; }

    [StringLength(4000), Display(Name = "Description")]
    public string? Description { get; set; }

    [Required, Display(Name = "Origine")]
    public ActionOrigin? Origin { get; set; }

    [StringLength(1000), Display(Name = "Précision sur l'origine")]
    public string? OriginDetail { get; set; }

    /// <summary>Ids of the engagements the action serves (engagements of the structure's perimeters and audits).</summary>
    [Display(Name = "Engagements concernés")]
    public List<int> EngagementIds { get; set; } = [];

    [StringLength(30), Display(Name = "Service pilote")]
    public string? ServiceCode { get; set; }

    [StringLength(200), Display(Name = "Responsable")]
    public string? OwnerName { get; set; }

    [Display(Name = "Date de début"), PlausibleDate]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Échéance"), PlausibleDate]
    public DateOnly? DueDate { get; set; }
}

/// <summary>A new action, from the form or the API. Its record of origin is not an input: the features that raise actions
/// from their records (a gap, a finding, an alert) pass it to <see cref="ActionPlanEditor"/> and keep the new action's id on the record, so the two always agree.</summary>
public sealed class ActionInput : ActionFields;

/// <summary>A change to an action: its fields, its follow-up, and the version the user started from.</summary>
public sealed class ActionUpdateInput : ActionFields
{
    [Required, Display(Name = "Statut")]
    public ActionStatus? Status { get; set; }

    [StringLength(1000), Display(Name = "Motif")]
    public string? StatusReason { get; set; }

    [Range(0, 100), Display(Name = "Avancement (%)")]
    public int? Progress { get; set; }

    [Display(Name = "Réalisée le"), PlausibleDate]
    public DateOnly? CompletedOn { get; set; }

    [Display(Name = "Efficacité constatée")]
    public EfficacyResult? Efficacy { get; set; }

    [StringLength(2000), Display(Name = "Vérification de l'efficacité")]
    public string? EfficacyNote { get; set; }

    /// <summary>The <see cref="ImprovementAction.Version"/> read before editing (concurrency token).</summary>
    [Required, Display(Name = "Version")]
    public int? Version { get; set; }
}
