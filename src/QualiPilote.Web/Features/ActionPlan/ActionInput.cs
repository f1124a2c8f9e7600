using System.ComponentModel.DataAnnotations;

namespace QualiPilote.Web.Features.ActionPlan;

public sealed class ActionInput
{
    [Required, StringLength(300), Display(Name = "Intitulé de l'action")]
    public string? Title { get; set; }

    [StringLength(4000), Display(Name = "Description")]
    public string? Description { get; set; }

    [Required, Display(Name = "Origine")]
    public ActionOrigin? Origin { get; set; }

    [StringLength(1000), Display(Name = "Précision sur l'origine")]
    public string? OriginDetail { get; set; }

    [StringLength(30), Display(Name = "Service pilote")]
    public string? ServiceCode { get; set; }

    [StringLength(200), Display(Name = "Responsable")]
    public string? OwnerName { get; set; }

    [Display(Name = "Date de début")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Échéance")]
    public DateOnly? DueDate { get; set; }
}
