using System.ComponentModel.DataAnnotations;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Structures;

/// <summary>A new structure, from the page form or the API.</summary>
public sealed class StructureInput
{
    [Required, StringLength(60), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "{0} : minuscules, chiffres et tirets seulement (ex. pref-73).")]
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [Required, StringLength(200), Display(Name = "Nom")]
    public string? Name { get; set; }

    [Required, Display(Name = "Type de structure")]
    public StructureType? Type { get; set; }

    [Required, RegularExpression("^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$", ErrorMessage = "{0} : numéro de département attendu (ex. 73, 2A, 974).")]
    [Display(Name = "Département")]
    public string? Department { get; set; }

    [StringLength(60), Display(Name = "Préfecture de rattachement (code)")]
    public string? ParentCode { get; set; }
}

/// <summary>A new service of a structure.</summary>
public sealed class ServiceInput
{
    [Required, StringLength(30), RegularExpression("^[A-Za-z0-9]+([-/][A-Za-z0-9]+)*$", ErrorMessage = "{0} : lettres, chiffres, tirets (ex. DCL, SGCD-BRH).")]
    [Display(Name = "Code du service")]
    public string? Code { get; set; }

    [Required, StringLength(200), Display(Name = "Nom du service")]
    public string? Name { get; set; }
}

/// <summary>The perimeter of a structure for one referential version.</summary>
public sealed class PerimeterInput
{
    [Required, Display(Name = "Référentiel")]
    public int? ReferentialId { get; set; }

    [Required, Display(Name = "Date de la décision"), PlausibleDate]
    public DateOnly? DecidedOn { get; set; }

    [Required, StringLength(200), Display(Name = "Instance qui a décidé")]
    public string? DecidedBy { get; set; }

    /// <summary>Module number → codes of the services that deploy it. Mandatory modules are always added.</summary>
    public Dictionary<int, List<string>> Modules { get; set; } = [];

    /// <summary>The version of the perimeter read before editing; required once this referential's perimeter exists.</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}
