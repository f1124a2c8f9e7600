using System.ComponentModel.DataAnnotations;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>A new campaign, from the page form or the API.</summary>
public sealed class CampaignStartInput
{
    [Required, Range(2000, 2100), Display(Name = "Année")]
    public int? Year { get; set; }

    [Required, Display(Name = "Référentiel du périmètre")]
    public int? ReferentialId { get; set; }

    [Display(Name = "Reprendre les réponses de la campagne précédente")]
    public bool CopyPrevious { get; set; } = true;
}

/// <summary>One requirement's answer. A null <see cref="EvidenceIds"/> leaves the evidence as it is;
/// <see cref="Version"/>, when given, must be the version the user saw (else someone saved in between).</summary>
public sealed class AssessmentInput
{
    public int RequirementId { get; set; }

    [Display(Name = "Statut")]
    public AssessmentStatus? Status { get; set; }

    [StringLength(2000), Display(Name = "Commentaire")]
    public string? Comment { get; set; }

    public int? Version { get; set; }

    public List<int>? EvidenceIds { get; set; }
}

/// <summary>An error on one row of the grid: the requirement, the field ("status", "comment", "evidenceIds", "version")
/// and a French message that names the requirement ("15.1 : …").</summary>
public sealed record RowError(int RequirementId, string Field, string Message);
