using System.ComponentModel.DataAnnotations;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Audits;

public sealed class AuditInput
{
    [Required, Display(Name = "Type d'audit")]
    public AuditKind? Kind { get; set; }

    [Required, StringLength(200), Display(Name = "Organisme ou équipe d'audit")]
    public string? Body { get; set; }

    [Required, Display(Name = "Référentiel audité")]
    public int? ReferentialId { get; set; }

    [Required, Display(Name = "Premier jour"), PlausibleDate]
    public DateOnly? StartDate { get; set; }

    [Required, Display(Name = "Dernier jour"), PlausibleDate]
    public DateOnly? EndDate { get; set; }

    [StringLength(500), Display(Name = "Auditeurs")]
    public string? Auditors { get; set; }

    /// <summary>E-mail of the account of an auditor member of the structure, who may then record the audit's findings.</summary>
    [StringLength(256), Display(Name = "Compte Quali-Pilote de l'auditeur (il lit cet audit et y enregistre les constats)")]
    public string? AuditorEmail { get; set; }

    [StringLength(4000), Display(Name = "Conclusion")]
    public string? Conclusion { get; set; }

    /// <summary>Numbers of the modules audited, in the referential audited.</summary>
    [Display(Name = "Modules audités")]
    public List<int> Modules { get; set; } = [];

    /// <summary>Codes of the services visited.</summary>
    [Display(Name = "Services audités")]
    public List<string> Services { get; set; } = [];

    /// <summary>The version read before editing; required to modify, ignored to create.</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}

public sealed class FindingInput
{
    [Required, Display(Name = "Type de constat")]
    public FindingType? Type { get; set; }

    [Display(Name = "Engagement")]
    public int? EngagementId { get; set; }

    [StringLength(30), Display(Name = "Service concerné")]
    public string? ServiceCode { get; set; }

    [Required, StringLength(4000), Display(Name = "Constat")]
    public string? Description { get; set; }
}
