namespace QualiPilote.Web.Features.Referentials;

/// <summary>A referential as read from a file (YAML, JSON or Excel), before validation.
/// Numbers stay nullable and every element keeps its line, so that each error names where it is.</summary>
public sealed class ReferentialDocument
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Version { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public int RequiredBusinessModules { get; set; }
    public string? Notice { get; set; }
    public List<ModuleDocument> Modules { get; } = [];
}

public sealed class ModuleDocument
{
    public int Line { get; set; }
    public int? Number { get; set; }
    public string? Title { get; set; }
    public bool? IsMandatory { get; set; }
    /// <summary>Null when the file does not say (an Excel row without titre_module): the stored flag is kept.</summary>
    public bool? OfficialTextMissing { get; set; }
    public List<EngagementDocument> Engagements { get; } = [];
}

public sealed class EngagementDocument
{
    public int Line { get; set; }
    public int? Number { get; set; }
    public string? Text { get; set; }
    public bool OfficialTextMissing { get; set; }
    public List<RequirementDocument> Requirements { get; } = [];
}

public sealed class RequirementDocument
{
    public int Line { get; set; }
    public string? Text { get; set; }
    public bool OfficialTextMissing { get; set; }
}
