using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Writes a view of the action plan to Excel: the same rows as the page for the same filters, a "Groupe"
/// column for grouped views, and a second sheet that says which filters made the file and when.</summary>
public static class ActionExporter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed class Row
    {
        [ExcelColumn(Name = "Groupe", Width = 30)] public string? Group { get; set; }
        [ExcelColumn(Name = "N°", Width = 6)] public int Id { get; set; }
        [ExcelColumn(Name = "Action", Width = 50)] public string Title { get; set; } = "";
        [ExcelColumn(Name = "Description", Width = 50)] public string? Description { get; set; }
        [ExcelColumn(Name = "Origine", Width = 24)] public string Origin { get; set; } = "";
        [ExcelColumn(Name = "Précision sur l'origine", Width = 40)] public string? OriginDetail { get; set; }
        [ExcelColumn(Name = "Engagements", Width = 30)] public string? Engagements { get; set; }
        [ExcelColumn(Name = "Service pilote", Width = 14)] public string? Service { get; set; }
        [ExcelColumn(Name = "Responsable", Width = 24)] public string? Owner { get; set; }
        [ExcelColumn(Name = "Début", Format = "dd/MM/yyyy", Width = 12)] public DateTime? StartDate { get; set; }
        [ExcelColumn(Name = "Échéance", Format = "dd/MM/yyyy", Width = 12)] public DateTime? DueDate { get; set; }
        [ExcelColumn(Name = "Statut", Width = 12)] public string Status { get; set; } = "";
        [ExcelColumn(Name = "En retard", Width = 10)] public string Overdue { get; set; } = "";
        [ExcelColumn(Name = "Avancement (%)", Width = 10)] public int Progress { get; set; }
        [ExcelColumn(Name = "Motif", Width = 30)] public string? StatusReason { get; set; }
        [ExcelColumn(Name = "Réalisée le", Format = "dd/MM/yyyy", Width = 12)] public DateTime? CompletedOn { get; set; }
        [ExcelColumn(Name = "Efficacité", Width = 30)] public string? Efficacy { get; set; }
        [ExcelColumn(Name = "Vérification de l'efficacité", Width = 40)] public string? EfficacyNote { get; set; }
        [ExcelColumn(Name = "Lien", Width = 40)] public string Url { get; set; } = "";
    }

    public static string FileName(Structure structure, DateOnly today) => $"plan-action-{structure.Code}-{today:yyyy-MM-dd}.xlsx";

    public static async Task WriteAsync(Stream output, Structure structure, ActionFilter filter, IReadOnlyList<ImprovementAction> actions,
        DateOnly today, Func<int, string?> engagementName, CancellationToken cancellationToken = default)
    {
        var grouped = filter.View != ActionView.List;
        var rows = ActionPlanQuery.Group(actions, filter.View)
            .SelectMany(g => g.Actions.Select(a => ToRow(a, grouped ? g.Title : null, structure, today)))
            .ToList();
        var criteria = new List<Dictionary<string, object?>>
        {
            Criterion("Structure", structure.Name),
            Criterion("Exporté le", Fr.Date(today)),
            Criterion("Vue", ActionFilter.Label(filter.View)),
            Criterion("Service pilote", filter.Service ?? "Tous"),
            Criterion("Engagement", filter.Engagement is { } id ? engagementName(id) ?? id.ToString(Fr.Culture) : "Tous"),
            Criterion("Origine", filter.Origin?.Label() ?? "Toutes"),
            Criterion("Statut", filter.Status is { } status ? ActionFilter.Label(status) : "Tous"),
            Criterion("Échéance", filter.Deadline is { } deadline ? ActionFilter.Label(deadline) : "Toutes"),
            Criterion("Lignes", rows.Count.ToString(Fr.Culture)),
        };
        var sheets = new Dictionary<string, object> { ["Actions"] = rows, ["Filtres"] = criteria };
        var memory = new MemoryStream();
        var configuration = new OpenXmlConfiguration { AutoFilter = true, FreezeRowCount = 1, TableStyles = TableStyles.None };
        await memory.SaveAsAsync(sheets, configuration: configuration, cancellationToken: cancellationToken);
        memory.Position = 0;
        await memory.CopyToAsync(output, cancellationToken);
    }

    private static Row ToRow(ImprovementAction action, string? group, Structure structure, DateOnly today) => new()
    {
        Group = group,
        Id = action.Id,
        Title = action.Title,
        Description = action.Description,
        Origin = action.Origin.Label(),
        OriginDetail = action.OriginDetail,
        Engagements = string.Join(", ", action.Engagements.Select(e => ActionPlanQuery.EngagementShort(e.Engagement))),
        Service = action.Service?.Code,
        Owner = action.OwnerName,
        StartDate = action.StartDate?.ToDateTime(TimeOnly.MinValue),
        DueDate = action.DueDate?.ToDateTime(TimeOnly.MinValue),
        Status = action.Status.Label(),
        Overdue = action.IsOverdue(today) ? "oui" : "non",
        Progress = action.Progress,
        StatusReason = action.StatusReason,
        CompletedOn = action.CompletedOn?.ToDateTime(TimeOnly.MinValue),
        Efficacy = action.Efficacy?.Label(),
        EfficacyNote = action.EfficacyNote,
        Url = $"/structures/{structure.Code}/actions/{action.Id}",
    };

    private static Dictionary<string, object?> Criterion(string name, string value) => new() { ["Critère"] = name, ["Valeur"] = value };
}
